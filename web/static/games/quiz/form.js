// The quiz's create form on the home page: a pack or your own questions (pasted, loaded from a
// file, or the example), seconds per question, how many questions, and whether the host plays.
import { h, setText } from '../../dom.js';
import { field, checkbox } from '../../components/fields.js';
import { outside } from '../../limits.js';
import { plural } from '../../words.js';
import { parseQuestions, EXAMPLE } from './questions.js';

let packsPromise = null;

/** The built-in packs from /api/packs, fetched once ([] when they cannot be read). */
function loadPacks() {
  packsPromise ||= fetch('/api/packs')
    .then((response) => response.json())
    .then((data) => data.packs)
    .catch(() => []);
  return packsPromise;
}

export function quizForm(ctx, limits) {
  const own = limits.quiz || {};
  const pack = h('select', { class: 'input', 'data-test': 'quiz-pack' }, h('option', { value: 'custom' }, '✍ My own questions (below)'));
  const packInfo = h('small', { class: 'hint' });
  const packs = new Map();
  loadPacks().then((list) => {
    for (const p of list) packs.set(p.id, p);
    pack.prepend(...list.map((p) => h('option', { value: p.id }, `${p.title} (${plural(p.questions, 'question')})`)));
    if (!questions.value.trim()) pack.value = list.length ? list[0].id : 'custom';
    describe();
  });
  const describe = () => {
    const p = packs.get(pack.value);
    setText(packInfo, p ? p.description : 'Paste questions as JSON below, or load a .json file.');
  };
  pack.addEventListener('change', describe);
  const useOwn = () => {
    pack.value = 'custom';
    describe();
  };

  const questions = h('textarea', {
    class: 'input mono', 'data-test': 'quiz-questions', rows: '6', spellcheck: 'false',
    placeholder: EXAMPLE, 'aria-label': 'Your own questions, as JSON',
    oninput: () => {
      if (questions.value.trim()) pack.value = 'custom';
      describe();
    },
  });
  const file = h('input', {
    type: 'file', accept: '.json,application/json', class: 'file', 'data-test': 'quiz-file', 'aria-label': 'Load questions from a JSON file',
    onchange: async () => {
      const chosen = file.files && file.files[0];
      if (!chosen) return;
      questions.value = await chosen.text();
      useOwn();
    },
  });
  const example = h('button', {
    type: 'button', class: 'btn btn-small btn-ghost',
    onclick: () => {
      questions.value = EXAMPLE;
      useOwn();
    },
  }, 'Insert an example');
  const seconds = h('input', { class: 'input', type: 'number', min: own.minSeconds, max: own.maxSeconds, value: '20', 'data-test': 'quiz-seconds' });
  const count = h('input', { class: 'input', type: 'number', min: '1', max: own.maxQuestions, placeholder: 'all', 'data-test': 'quiz-count' });
  const hostPlays = h('input', { type: 'checkbox', 'data-test': 'quiz-host-plays' });

  function read() {
    const options = { seconds: Number(seconds.value) || 20, hostPlays: hostPlays.checked };
    if (outside(options.seconds, own.minSeconds, own.maxSeconds)) {
      return { error: `Seconds per question must be between ${own.minSeconds} and ${own.maxSeconds}.`, focus: seconds };
    }
    if (pack.value === 'custom') {
      const parsed = parseQuestions(questions.value, own);
      if (parsed.error) return { error: parsed.error, focus: questions };
      options.questions = parsed.questions;
    } else {
      options.pack = pack.value;
    }
    if (count.value) {
      const n = Number(count.value);
      const max = options.questions ? options.questions.length : packs.get(pack.value).questions;
      if (!Number.isInteger(n) || outside(n, 1, max)) return { error: `Number of questions must be between 1 and ${max}.`, focus: count };
      options.count = n;
    }
    return { options };
  }

  return {
    fields: [
      field('Questions', pack, packInfo),
      h('div', { class: 'custom-questions' }, questions, h('div', { class: 'row' }, file, example)),
      h('div', { class: 'row' }, field('Seconds per question', seconds), field('How many questions', count)),
      checkbox(hostPlays, 'I play too (otherwise this screen presents the quiz)'),
    ],
    read,
  };
}
