// One question in the editor: its kind, text, answers (with the correct ones marked) or accepted
// texts, seconds, points, image and explanation. read() gives the question as the API takes it
// and what is wrong with it in words, so the editor can check as you type.
import { h, fill, setText } from '../dom.js';
import { field, checkbox } from '../components/fields.js';
import { checkQuestion } from '../games/quiz/questions.js';
import { imageField } from './image-field.js';

const KIND_NAMES = { single: 'One correct answer', multi: 'Several correct answers', truefalse: 'True or false', typed: 'Typed answer' };
const MIN_CHOICES = 2;

/**
 * A card for `question` (the API's shape). `on.change()` runs after every edit; `on.move(card, by)`,
 * `on.remove(card)` and `on.duplicate(card)` ask the editor to act on the card. `setNumber(n)`
 * renumbers it after a move.
 */
export function questionCard(question, limits, on) {
  const q = limits.quiz || {};
  const maxChoices = q.maxChoices || 6;
  const uid = `q${Math.random().toString(36).slice(2, 10)}`;

  const title = h('h3', { class: 'qcard-title', id: `${uid}-title` });
  const kind = h('select', { class: 'input', 'data-test': 'q-kind', onchange: () => { renderAnswers(); changed(); } },
    Object.entries(KIND_NAMES).map(([value, label]) => h('option', { value, selected: value === question.kind }, label)));
  const text = h('textarea', {
    class: 'input', rows: '2', 'data-test': 'q-text', maxlength: q.maxQuestionChars, value: question.text || '', oninput: changed,
  });
  const seconds = h('input', {
    class: 'input', type: 'number', inputmode: 'numeric', min: q.minSeconds, max: q.maxSeconds, placeholder: 'room’s',
    'data-test': 'q-seconds', value: question.seconds ?? '', oninput: changed,
  });
  const points = h('select', { class: 'input', 'data-test': 'q-points', onchange: changed },
    (q.allowedPoints || [0, 1000, 2000]).map((p) => h('option', { value: String(p), selected: p === (question.points ?? 1000) }, p === 0 ? 'No points' : `${p} points`)));
  const explanation = h('textarea', {
    class: 'input', rows: '2', 'data-test': 'q-explanation', maxlength: limits.library?.maxExplanationChars,
    placeholder: 'Shown to everyone after the answer is revealed', value: question.explanation || '', oninput: changed,
  });
  const image = imageField(question.image, changed);
  const problem = h('p', { class: 'qcard-problem', 'data-test': 'q-problem', id: `${uid}-problem`, hidden: true });

  // ---- answers: choices with correct marks, or accepted texts ----
  const answers = h('fieldset', { class: 'qcard-answers' });
  let choiceRows = []; // [{ text, correct }]
  const accept = h('textarea', { class: 'input', rows: '2', 'data-test': 'q-accept', oninput: changed, value: (question.accept || []).join('\n') });
  const truth = [h('input', { type: 'radio', name: `${uid}-tf`, value: '0', onchange: changed }), h('input', { type: 'radio', name: `${uid}-tf`, value: '1', onchange: changed })];
  // A true-or-false question may name its two answers (Yes and No, say): they are kept.
  const truthNames = question.kind === 'truefalse' && question.choices ? question.choices : null;
  const initialChoices = question.choices && question.kind !== 'truefalse' ? question.choices : ['', ''];
  const initialAnswer = new Set(question.answer || []);
  truth[question.kind === 'truefalse' && initialAnswer.has(1) ? 1 : 0].checked = question.kind === 'truefalse';

  function choiceRow(value, correct) {
    const row = {
      text: h('input', { class: 'input', type: 'text', 'data-test': 'q-choice', maxlength: q.maxChoiceChars, value, oninput: changed }),
      correct: h('input', { type: 'checkbox', 'data-test': 'q-correct', checked: correct, onchange: () => onlyOne(row) }),
    };
    return row;
  }
  choiceRows = initialChoices.map((c, i) => choiceRow(c, initialAnswer.has(i)));

  /** One correct answer: ticking one unticks the others. */
  function onlyOne(row) {
    if (kind.value === 'single' && row.correct.checked) for (const other of choiceRows) if (other !== row) other.correct.checked = false;
    changed();
  }

  function renderAnswers() {
    const k = kind.value;
    if (k === 'typed') {
      fill(answers, h('legend', {}, 'Accepted answers'), field('Accepted answers, one a line (case and accents do not matter)', accept));
    } else if (k === 'truefalse') {
      fill(answers, h('legend', {}, 'The correct answer'),
        h('div', { class: 'row' }, checkbox(truth[0], truthNames ? truthNames[0] : 'True'), checkbox(truth[1], truthNames ? truthNames[1] : 'False')));
      if (!truth[0].checked && !truth[1].checked) truth[0].checked = true;
    } else {
      fill(answers, h('legend', {}, k === 'multi' ? 'Answers — tick every correct one' : 'Answers — tick the correct one'),
        choiceRows.map((row, i) => h('div', { class: 'choice-row', 'data-test': 'q-choice-row' },
          h('span', { class: `choice-swatch c${i}`, 'aria-hidden': 'true' }),
          labelled(row.text, `Answer ${i + 1}`),
          h('label', { class: 'check' }, row.correct, h('span', {}, 'correct'), h('span', { class: 'sr-only' }, ` (answer ${i + 1})`)),
          choiceRows.length > MIN_CHOICES && h('button', {
            type: 'button', class: 'btn btn-small btn-ghost', 'aria-label': `Remove answer ${i + 1}`, 'data-test': 'q-remove-choice',
            onclick: () => {
              choiceRows.splice(i, 1);
              renderAnswers();
              choiceRows[Math.min(i, choiceRows.length - 1)].text.focus();
              changed();
            },
          }, '✕'))),
        choiceRows.length < maxChoices && h('button', {
          type: 'button', class: 'btn btn-small', 'data-test': 'q-add-choice',
          onclick: () => { choiceRows.push(choiceRow('', false)); renderAnswers(); choiceRows.at(-1).text.focus(); changed(); },
        }, '+ Add an answer'));
    }
  }
  renderAnswers();

  // ---- the card ----
  const handle = h('button', {
    type: 'button', class: 'qcard-handle', 'data-test': 'q-handle', 'aria-describedby': `${uid}-title`,
    title: 'Drag to move, or press Alt with ↑ or ↓',
    onkeydown: (event) => {
      if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      event.preventDefault();
      on.move(card, event.key === 'ArrowUp' ? -1 : 1);
    },
  }, h('span', { 'aria-hidden': 'true' }, '⠿'), h('span', { class: 'sr-only' }, 'Move (Alt+↑ / Alt+↓)'));
  const up = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-test': 'q-up', onclick: () => on.move(card, -1) }, '↑');
  const down = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-test': 'q-down', onclick: () => on.move(card, 1) }, '↓');
  const copy = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-test': 'q-duplicate', onclick: () => on.duplicate(card) }, 'Duplicate');
  const remove = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-test': 'q-delete', onclick: () => on.remove(card) }, 'Delete');

  const el = h('section', { class: 'card qcard', 'data-test': 'question-card', 'aria-labelledby': `${uid}-title` },
    h('div', { class: 'qcard-head' }, handle, title, h('div', { class: 'qcard-tools' }, up, down, copy, remove)),
    h('div', { class: 'qcard-body' },
      h('div', { class: 'qcard-main' },
        field('Question', text),
        h('div', { class: 'row' }, field('Kind', kind), field('Seconds', seconds), field('Points', points)),
        answers,
        field('Explanation (optional)', explanation)),
      image.el),
    problem);
  text.setAttribute('aria-describedby', problem.id);

  function changed() {
    on.change();
  }

  /** The question as the API takes it. */
  function written() {
    const k = kind.value;
    const out = { kind: k, text: text.value.trim() };
    if (k === 'typed') {
      out.accept = accept.value.split('\n').map((a) => a.trim()).filter(Boolean);
    } else if (k === 'truefalse') {
      if (truthNames) out.choices = truthNames;
      out.answer = [truth[1].checked ? 1 : 0];
    } else {
      out.choices = choiceRows.map((row) => row.text.value.trim());
      out.answer = choiceRows.flatMap((row, i) => (row.correct.checked ? [i] : []));
    }
    if (seconds.value !== '') out.seconds = Number(seconds.value);
    out.points = Number(points.value);
    if (image.id()) out.image = image.id();
    if (explanation.value.trim()) out.explanation = explanation.value.trim();
    return out;
  }

  /** What is wrong with it, in the editor's words (or the server's rule, for anything else), or null. */
  function problemOf(out) {
    if (!out.text) return 'Write the question.';
    if (out.choices) {
      if (out.choices.some((c) => !c)) return 'Fill in every answer, or remove the empty one.';
      if (out.answer.length === 0) return out.kind === 'multi' ? 'Tick at least one correct answer.' : 'Tick the correct answer.';
      if (out.kind === 'single' && out.answer.length > 1) return 'Tick only one correct answer, or make it “Several correct answers”.';
    }
    if (out.accept && out.accept.length === 0) return 'Give at least one accepted answer.';
    const most = limits.library?.maxExplanationChars;
    if (most && out.explanation && out.explanation.length > most) return `The explanation is ${out.explanation.length} characters; ${most} at most.`;
    const { image: _image, explanation: _explanation, ...rules } = out;
    return checkQuestion(rules, q);
  }

  const card = {
    el,
    /** { question, problem } — problem is null when the question is fine. */
    read() {
      const out = written();
      const wrong = problemOf(out);
      problem.hidden = !wrong;
      setText(problem, wrong || '');
      el.classList.toggle('invalid', Boolean(wrong));
      return { question: out, problem: wrong };
    },
    setNumber(n, of) {
      setText(title, `Question ${n}`);
      up.disabled = n === 1;
      down.disabled = n === of;
      up.setAttribute('aria-label', `Move question ${n} up`);
      down.setAttribute('aria-label', `Move question ${n} down`);
      copy.setAttribute('aria-label', `Duplicate question ${n}`);
      remove.setAttribute('aria-label', `Delete question ${n}`);
      image.setNumber(n);
    },
    handle,
    focus: () => text.focus(),
  };
  return card;
}

/** An input labelled for screen readers only (its place in a row says what it is to the eye). */
function labelled(input, label) {
  input.setAttribute('aria-label', label);
  input.placeholder = label;
  return input;
}
