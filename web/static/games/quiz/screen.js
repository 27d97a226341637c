// The quiz's screen: a question with its countdown and its picture, answer buttons for players or
// big tiles for the presenting screen, the reveal with the answer distribution, the explanation
// and points, and the leaderboard.
import { h, fill, setText } from '../../dom.js';
import { countdown } from '../../countdown.js';
import { announce } from '../../live.js';
import { capLength } from '../../limits.js';
import { hostBar } from '../../components/hostbar.js';
import { leaderboard } from '../../components/leaderboard.js';
import { headcount, iHost, iPlay } from '../../room.js';
import { count, ordinal, plural } from '../../words.js';

// Colour is never the only signal: every choice also has its own shape and number.
const SHAPES = ['▲', '◆', '●', '■', '★', '⬢'];
const SHAPE_NAMES = ['triangle', 'diamond', 'circle', 'square', 'star', 'hexagon'];

export function quizScreen(ctx) {
  const header = h('div', { class: 'quiz-header' });
  const controls = h('div', { class: 'controls-slot' });
  const body = h('div', { class: 'quiz-body' });
  const el = h('div', { class: 'quiz' }, header, controls, body);
  const answeredCount = h('p', { class: 'answered-count', 'data-test': 'answered-count', 'aria-live': 'off' });

  // What the player is doing with the open question, kept across re-renders.
  let draft = { index: -1, selected: new Set(), text: '' };
  let lastAnnounced = null;
  let maxAnswer; // the server's bound on a typed answer, once known
  ctx.limits.then((limits) => {
    maxAnswer = (limits.quiz || {}).maxTypedAnswerChars;
    for (const input of body.querySelectorAll('[data-test="typed-answer"]')) capLength(input, maxAnswer);
  });

  function onKey(event) {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const n = Number(event.key);
    if (!Number.isInteger(n) || n < 1) return;
    const button = body.querySelector(`button[data-test="choice"][data-index="${n - 1}"]:not([disabled])`);
    if (button) {
      event.preventDefault();
      button.click();
      button.focus();
    }
  }
  document.addEventListener('keydown', onKey);

  function send(message) {
    return ctx.send(message);
  }

  function answer(question, payload) {
    if (send({ type: 'answer', index: question.index, ...payload })) {
      ctx.store.dispatch({ type: 'local/answer', answer: { index: question.index, ...payload } });
    }
  }

  function render(state) {
    const room = state.room;
    const quiz = room.play;
    const me = state.me && state.me.player;
    const question = quiz.question;
    if (question && draft.index !== question.index) draft = { index: question.index, selected: new Set(), text: '' };

    fill(header, headerOf(room, quiz));
    if (room.over) {
      fill(controls, h('button', {
        type: 'button', class: 'btn btn-primary', 'data-test': 'show-podium',
        onclick: () => ctx.store.dispatch({ type: 'local/show-final' }),
      }, '🏆 See the final results'));
    } else {
      fill(controls, iHost(room) ? hostBar({ paused: quiz.paused, skipLabel: quiz.phase === 'reveal' ? 'Next question' : 'Skip question', send }) : null);
    }
    if (quiz.phase === 'waiting' || !question) {
      fill(body, h('p', { class: 'big-wait' }, 'Get ready…'));
    } else if (quiz.phase === 'question') {
      fill(body,
        quiz.paused && h('p', { class: 'paused-banner', role: 'status' }, '⏸ Paused by the host'),
        h('h2', { class: 'question-text', 'data-test': 'question-text' }, question.text),
        picture(question, iPlay(room)),
        iPlay(room) ? answerArea(question, quiz) : displayArea(question),
        answeredCount);
      paintProgress(room);
    } else {
      fill(body, revealArea(room, quiz, me));
    }
    announceChange(room, quiz, me);
  }

  function headerOf(room, quiz) {
    const q = quiz.question;
    if (!q) return null;
    const open = quiz.phase === 'question';
    return [
      h('span', { class: 'q-number' }, `Question ${q.index + 1}`, h('small', {}, ` / ${q.count}`)),
      q.points === 2000 && h('span', { class: 'badge double' }, '×2 points'),
      q.points === 0 && h('span', { class: 'badge' }, 'just for fun'),
      open
        ? countdown({ deadline: quiz.paused ? null : q.deadline, totalMs: q.seconds * 1000, pausedMs: quiz.paused ? quiz.remaining : null })
        : h('span', { class: 'badge phase-badge' }, quiz.reveal && quiz.reveal.last ? 'Final results' : 'Results'),
    ];
  }

  function paintProgress(room) {
    const quiz = room.play;
    const of = quiz.progress ? quiz.progress.of : headcount(room).connected;
    const answered = quiz.progress ? quiz.progress.answered : 0;
    answeredCount.dataset.answered = String(answered);
    answeredCount.dataset.of = String(of);
    setText(answeredCount, `${count(answered)} / ${count(of)} answered`);
  }

  // ---- a player answering ----
  function answerArea(question, quiz) {
    const mine = quiz.myAnswer && quiz.myAnswer.index === question.index ? quiz.myAnswer : null;
    const locked = Boolean(mine) || quiz.answered || quiz.paused;
    const status = (mine || quiz.answered) &&
      h('p', { class: 'answer-status', 'data-test': 'answer-status', role: 'status' }, quiz.answered ? '✓ Answer sent — waiting for the others…' : 'Sending your answer…');

    if (question.kind === 'typed') {
      const input = h('input', {
        class: 'input input-big typed', 'data-test': 'typed-answer', type: 'text', maxlength: maxAnswer, autocomplete: 'off',
        'aria-label': 'Your answer', placeholder: 'Type your answer', value: mine ? mine.text : draft.text, disabled: locked,
        oninput: () => {
          draft.text = input.value;
        },
      });
      if (!locked) queueMicrotask(() => input.focus());
      return h('form', {
        class: 'typed-form',
        onsubmit: (event) => {
          event.preventDefault();
          if (input.value.trim()) answer(question, { text: input.value.trim() });
        },
      }, input, h('button', { type: 'submit', class: 'btn btn-primary btn-big', 'data-test': 'submit-answer', disabled: locked }, 'Submit'), status);
    }

    const multi = question.kind === 'multi';
    const chosen = mine ? new Set(mine.choices || [mine.choice]) : draft.selected;
    const buttons = question.choices.map((text, i) => {
      const picked = chosen.has(i);
      return h('button', {
        type: 'button',
        class: `choice c${i}${picked ? ' picked' : ''}`,
        'data-test': 'choice',
        'data-index': String(i),
        'aria-pressed': multi ? String(picked) : null,
        disabled: locked,
        onclick: () => {
          if (multi) {
            if (draft.selected.has(i)) draft.selected.delete(i);
            else draft.selected.add(i);
            render(ctx.store.getState());
            body.querySelector(`[data-test="choice"][data-index="${i}"]`).focus();
          } else {
            answer(question, { choice: i });
          }
        },
      }, choiceFace(i, text), picked && h('span', { class: 'picked-mark', 'aria-hidden': 'true' }, '✓'), picked && !multi && h('span', { class: 'sr-only' }, ' (chosen)'));
    });
    return h('div', { class: 'answer-area' },
      multi && h('p', { class: 'hint' }, 'Pick every right answer, then submit.'),
      h('div', { class: `choices n${question.choices.length}` }, buttons),
      multi && h('button', {
        type: 'button', class: 'btn btn-primary btn-big', 'data-test': 'submit-answer',
        disabled: locked || draft.selected.size === 0,
        onclick: () => answer(question, { choices: [...draft.selected].sort((a, b) => a - b) }),
      }, `Submit ${plural(draft.selected.size, 'answer')}`),
      status);
  }

  // ---- the presenting screen ----
  function displayArea(question) {
    if (question.kind === 'typed') return h('p', { class: 'display-typed' }, '⌨ Type your answer on your device!');
    return h('ol', { class: `choices display n${question.choices.length}` },
      question.choices.map((text, i) => h('li', { class: `choice c${i}`, 'data-test': 'display-choice', 'data-index': String(i) }, choiceFace(i, text))));
  }

  // ---- the reveal ----
  function revealArea(room, quiz, me) {
    const reveal = quiz.reveal;
    const question = quiz.question && quiz.question.index === reveal.index ? quiz.question : null;
    const mine = quiz.myAnswer && quiz.myAnswer.index === reveal.index ? quiz.myAnswer : null;
    const result = reveal.results.find((r) => r.player === me);
    const gains = new Map(reveal.results.filter((r) => r.points > 0).map((r) => [r.player, r.points]));
    const display = !iPlay(room);
    return [
      question && h('h2', { class: 'question-text small', 'data-test': 'question-text' }, question.text),
      iPlay(room) && feedback(result, reveal, me),
      h('div', { class: 'reveal-grid' },
        h('div', { class: 'reveal-answer' },
          !question ? null : question.kind !== 'typed'
            ? distribution(question, reveal, mine)
            : h('div', { class: 'accepted' }, h('span', { class: 'label' }, 'Accepted answers'),
              h('ul', {}, (reveal.accept || []).map((a) => h('li', {}, `✓ ${a}`))),
              mine && mine.text && h('p', { class: 'muted' }, 'You wrote: ', h('q', {}, mine.text))),
          !display && explanation(reveal)),
        h('section', { class: 'standings' },
          // On the presenting screen the explanation heads the side column, in view beside the answers.
          display && explanation(reveal),
          h('h3', { class: 'card-title' }, reveal.last ? 'Final standings' : 'Leaderboard'),
          leaderboard(reveal.leaderboard, { me, gains, limit: display ? 8 : 5 }))),
      h('p', { class: 'muted next-hint' }, reveal.last ? 'And the winner is…' : 'Next question coming up…'),
    ];
  }

  function announceChange(room, quiz, me) {
    const key = `${quiz.phase}:${quiz.question ? quiz.question.index : -1}`;
    if (key === lastAnnounced) return;
    lastAnnounced = key;
    const q = quiz.question;
    if (quiz.phase === 'question' && q) {
      announce(`Question ${q.index + 1} of ${q.count}: ${q.text}`);
    } else if (quiz.phase === 'reveal' && quiz.reveal) {
      const result = quiz.reveal.results.find((r) => r.player === me);
      const said = iPlay(room) && result
        ? (result.correct ? `Correct! Plus ${result.points} points.` : result.answered ? 'Wrong answer.' : 'No answer this time.')
        : 'Time is up. Here are the answers.';
      announce(quiz.reveal.explanation ? `${said} ${quiz.reveal.explanation}` : said);
    }
  }

  return {
    el,
    update(state, prev) {
      const before = prev && prev.room;
      if (before && before.you === state.room.you && before.over === state.room.over && samePhase(before.play, state.room.play)) paintProgress(state.room);
      else render(state);
    },
    unmount() {
      document.removeEventListener('keydown', onKey);
    },
  };
}

/** True when two quiz states differ at most in the answer progress (and so need no re-render). */
function samePhase(a, b) {
  return a === b || (a && b && a.question === b.question && a.phase === b.phase && a.paused === b.paused &&
    a.remaining === b.remaining && a.answered === b.answered && a.myAnswer === b.myAnswer && a.reveal === b.reveal);
}

function choiceFace(i, text) {
  return [
    h('span', { class: 'shape', 'aria-hidden': 'true', title: SHAPE_NAMES[i] }, SHAPES[i]),
    h('span', { class: 'choice-text' }, text),
    h('kbd', { class: 'key', 'aria-hidden': 'true' }, String(i + 1)),
  ];
}

// Only a picture the server serves itself: the question event names it /api/images/<id>.
const IMAGE_URL = /^\/api\/images\/[A-Za-z0-9_-]+$/;

/** The question's picture, if it has one: large on the presenting screen, small under the text on a phone. */
function picture(question, onPhone) {
  if (typeof question.image !== 'string' || !IMAGE_URL.test(question.image)) return null;
  return h('figure', { class: `question-image${onPhone ? ' small' : ''}` },
    h('img', { src: question.image, alt: `Picture for question ${question.index + 1}`, loading: 'eager', decoding: 'async', 'data-test': 'question-image' }));
}

/** What the host wrote to explain the answer, shown once it is revealed. */
function explanation(reveal) {
  if (!reveal.explanation) return null;
  return h('section', { class: 'explanation', 'data-test': 'explanation', 'aria-label': 'Explanation' },
    h('span', { class: 'label' }, '💡 Why'),
    h('p', {}, reveal.explanation));
}

function feedback(result, reveal, me) {
  const entry = reveal.leaderboard.find((e) => e.player === me);
  const correct = Boolean(result && result.correct);
  const title = correct ? '✔ Correct!' : result && result.answered ? '✘ Not quite' : '⌛ No answer';
  return h('div', { class: `feedback ${correct ? 'right' : 'wrong'}`, 'data-test': 'feedback', 'data-correct': String(correct), role: 'status' },
    h('p', { class: 'feedback-title' }, title),
    h('p', { class: 'feedback-points' }, correct ? `+${result.points} points` : '+0 points'),
    result && result.streak > 1 && h('p', { class: 'feedback-streak' }, `🔥 ${result.streak} in a row`),
    entry && h('p', { class: 'feedback-rank' }, `You are ${ordinal(entry.rank)} with ${entry.score} points`));
}

function distribution(question, reveal, mine) {
  const counts = reveal.distribution || question.choices.map(() => 0);
  const most = Math.max(1, ...counts);
  const picked = mine ? new Set(mine.choices || [mine.choice]) : new Set();
  return h('ol', { class: 'distribution', 'aria-label': 'How everyone answered' },
    question.choices.map((text, i) => {
      const right = reveal.correct.includes(i);
      const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
      bar.style.setProperty('--share', String(counts[i] / most));
      return h('li', { class: `dist c${i} ${right ? 'correct' : 'incorrect'}`, 'data-test': 'distribution', 'data-index': String(i), 'data-correct': String(right) },
        h('span', { class: 'shape', 'aria-hidden': 'true' }, SHAPES[i]),
        h('span', { class: 'dist-text' }, text, picked.has(i) && h('small', { class: 'your-pick' }, ' · your answer')),
        bar,
        h('span', { class: 'dist-count' }, plural(counts[i] || 0, 'vote')),
        h('span', { class: 'verdict' }, right ? '✓ correct' : ''));
    }));
}
