// The quiz plug-in: the quiz's state (read from a room snapshot, folded from its events), its
// screens, its create form and its words for the lobby. See games/index.js for the interface.
import { applyScores } from '../room.js';
import { plural } from '../words.js';
import { quizForm } from './quiz/form.js';
import { quizScreen } from './quiz/screen.js';

export const quiz = {
  id: 'quiz',
  icon: '🧠',
  title: 'Quiz',
  blurb: 'Kahoot-style questions',
  formTitle: 'New quiz',
  unit: 'pts',
  hostPlays: (options) => Boolean(options.hostPlays),
  fromSnapshot,
  reduce,
  screenOf: (play) => (play.phase === 'reveal' ? 'quiz-reveal' : 'quiz-question'),
  // The last reveal comes right before game_over: it stays up a moment before the podium.
  holdsOver: (play) => Boolean(play.phase === 'reveal' && play.reveal && play.reveal.last),
  screen: quizScreen,
  createForm: quizForm,
  summary,
};

/** phase: 'waiting', 'question' (open) or 'reveal'; the answer you sent is kept across a snapshot of the same question. */
function fromSnapshot(snapshot, previous) {
  const question = snapshot.question || null;
  const reveal = snapshot.reveal || null;
  const phase = question ? 'question' : reveal ? 'reveal' : 'waiting';
  const keepMine = previous && question && previous.question && previous.question.index === question.index;
  return {
    phase,
    question: question || (previous && previous.question) || null,
    answered: Boolean(snapshot.answered),
    myAnswer: keepMine ? previous.myAnswer : null,
    progress: keepMine ? previous.progress : null,
    reveal: question ? null : reveal,
    paused: Boolean(snapshot.paused),
    remaining: null,
  };
}

function reduce(room, msg) {
  const q = room.play;
  switch (msg.type) {
    case 'question':
      return {
        ...room,
        state: 'playing',
        play: { phase: 'question', question: msg, answered: false, myAnswer: null, progress: null, reveal: null, paused: false, remaining: null },
      };
    case 'local/answer':
      return { ...room, play: { ...q, myAnswer: msg.answer } };
    case 'answer_ack':
      return { ...room, play: { ...q, answered: true } };
    case 'answers':
      if (!q.question || msg.index !== q.question.index) return room;
      return { ...room, play: { ...q, progress: { answered: msg.answered, of: msg.of } } };
    case 'reveal':
      return { ...applyScores(room, msg.leaderboard), play: { ...q, phase: 'reveal', reveal: msg, paused: false } };
    case 'resumed':
      if (!msg.deadline || q.phase !== 'question' || !q.question) return room;
      return { ...room, play: { ...q, question: { ...q.question, deadline: msg.deadline } } };
    default:
      return room;
  }
}

/** The lobby's line about the room's options. */
function summary(o) {
  const source = o.pack ? `the “${o.pack}” pack` : 'the host’s own questions';
  return `${plural(o.count, 'question')} from ${source} · ${timing(o)} · ${o.hostPlays ? 'the host plays too' : 'the host presents'}`;
}

/** How long the questions run: the room's seconds, except for questions that set their own (which keep it). */
function timing(o) {
  if (!o.ownSeconds) return `${o.seconds} s each`;
  if (o.ownSeconds === o.count) return 'each question with its own time';
  return `${o.seconds} s each, ${o.ownSeconds === 1 ? '1 question with its own time' : `${o.ownSeconds} questions with their own time`}`;
}
