// The quiz editor (#/quizzes/<id>, or #/quizzes/new until its first save): title, description, visibility and the questions, checked as
// you type and saved a moment after each edit (see autosave.js), with the save status spoken.
import { h, fill, setText } from '../dom.js';
import { field } from '../components/fields.js';
import { announce } from '../live.js';
import { api } from '../api.js';
import { questionCard } from './question-card.js';
import { autosave, settled } from './autosave.js';
import { dragToReorder } from './reorder.js';
import { hostQuiz } from './host.js';
import { VISIBILITY_NAMES } from './visibility.js';

/** A new question's starting point. */
const BLANK = { kind: 'single', text: '', choices: ['', ''], answer: [] };

/** A new quiz, saved (and so given an id) once it is complete enough to be valid. */
const NEW_QUIZ = { id: null, version: 0, title: 'My quiz', visibility: 'private', questions: [BLANK] };

export function editorScreen(ctx, id) {
  const status = h('p', { class: 'save-status', role: 'status', 'aria-live': 'polite', 'data-test': 'save-status' });
  const conflict = h('div', { class: 'card conflict', role: 'alert', 'data-test': 'conflict', hidden: true });
  const body = h('div', { class: 'editor-body' }, h('p', { class: 'muted' }, 'Loading the quiz…'));
  const el = h('div', { class: 'library editor' },
    h('div', { class: 'library-head' },
      h('a', { href: '#/quizzes', class: 'btn btn-small btn-ghost', 'data-test': 'back-to-quizzes' }, '← My quizzes'),
      h('h1', { class: 'library-title' }, 'Edit quiz'),
      status),
    conflict,
    body);

  let saver = null;
  let quizId = id; // 'new' until the first save gives it an id
  let mounted = true;
  const leavePage = () => saver && saver.pending && saver.flushOnLeaving();
  const warnBeforeLeaving = (event) => {
    if (saver && saver.pending) event.preventDefault();
  };
  window.addEventListener('pagehide', leavePage);
  window.addEventListener('beforeunload', warnBeforeLeaving);

  load();

  async function load() {
    let quiz = NEW_QUIZ;
    try {
      await settled(); // our own save on its way (from a screen just left) lands first
      if (quizId !== 'new') quiz = await api('GET', `/api/quizzes/${encodeURIComponent(quizId)}`);
    } catch (error) {
      fill(body, h('p', { class: 'card', role: 'alert', 'data-test': 'editor-error' },
        error.code === 'not_found' ? 'There is no such quiz among yours.' : error.code === 'not_signed_in' ? 'Sign in to edit your quizzes.' : error.message));
      return;
    }
    const limits = await ctx.limits;
    build(quiz, limits);
  }

  function build(quiz, limits) {
    const most = limits.library || {};
    const title = h('input', { class: 'input input-big', type: 'text', 'data-test': 'quiz-title', maxlength: most.maxTitleChars, value: quiz.title, oninput: changed });
    const description = h('textarea', { class: 'input', rows: '2', 'data-test': 'quiz-description', maxlength: most.maxDescriptionChars, value: quiz.description || '', oninput: changed });
    const visibility = h('select', { class: 'input', 'data-test': 'quiz-visibility', onchange: changed },
      Object.entries(VISIBILITY_NAMES).map(([value, label]) => h('option', { value, selected: value === quiz.visibility }, label)));
    const list = h('div', { class: 'qcards', 'data-test': 'question-list' });
    const add = h('button', {
      type: 'button', class: 'btn', 'data-test': 'add-question',
      onclick: () => insert(BLANK, cards.length).focus(),
    }, '+ Add a question');
    const host = h('button', { type: 'button', class: 'btn btn-primary', 'data-test': 'editor-host', onclick: hostIt }, 'Host this quiz');
    const cards = [];
    const on = {
      change: changed,
      move,
      remove(card) {
        if (cards.length === 1) return announce('A quiz needs at least one question.');
        const at = cards.indexOf(card);
        cards.splice(at, 1);
        card.el.remove();
        renumber();
        (cards[at] || cards[at - 1]).focus();
        announce(`Question ${at + 1} deleted.`);
        changed();
      },
      duplicate(card) {
        insert(card.read().question, cards.indexOf(card) + 1).focus();
      },
    };

    function insert(question, at) {
      const card = questionCard(question, limits, on);
      cards.splice(at, 0, card);
      list.insertBefore(card.el, cards[at + 1] ? cards[at + 1].el : null);
      renumber();
      changed();
      return card;
    }

    /**
     * Moves card by ±1 place. Its neighbour is the one moved in the page, so the card itself stays
     * put: it keeps the focus and a drag's pointer capture.
     */
    function move(card, by) {
      const from = cards.indexOf(card);
      const to = from + by;
      if (to < 0 || to >= cards.length) return;
      const neighbour = cards[to];
      cards[to] = card;
      cards[from] = neighbour;
      list.insertBefore(neighbour.el, by < 0 ? card.el.nextSibling : card.el);
      renumber();
      if (!card.el.contains(document.activeElement) || document.activeElement.disabled) card.handle.focus();
      announce(`Question ${from + 1} is now question ${to + 1}.`);
      changed();
    }

    function renumber() {
      cards.forEach((card, i) => card.setNumber(i + 1, cards.length));
    }

    /** { document } ready to save, or { problem } naming the first question at fault. */
    function read() {
      const reads = cards.map((card) => card.read());
      const wrong = reads.findIndex((r) => r.problem);
      if (!title.value.trim()) return { problem: 'give the quiz a title.' };
      if (wrong >= 0) return { problem: `question ${wrong + 1}: ${reads[wrong].problem}` };
      const document = { title: title.value.trim(), visibility: visibility.value, questions: reads.map((r) => r.question) };
      if (description.value.trim()) document.description = description.value.trim();
      return { document };
    }

    function changed() {
      if (saver) saver.changed();
    }

    async function hostIt() {
      if (!(await saver.flush())) return announce('Not hosted: the quiz is not saved yet (see above).');
      hostQuiz(ctx, quizId);
    }

    function showStatus(kind, text) {
      status.dataset.state = kind;
      setText(status, text);
      conflict.hidden = kind !== 'conflict';
      if (kind === 'conflict') {
        fill(conflict,
          h('p', {}, 'Someone saved this quiz in another tab or window after you opened it. Load their version, or replace it with yours.'),
          h('div', { class: 'row' },
            h('button', { type: 'button', class: 'btn', 'data-test': 'conflict-reload', onclick: reload }, 'Load their version'),
            h('button', { type: 'button', class: 'btn btn-ghost', 'data-test': 'conflict-keep', onclick: () => saver.overwrite() }, 'Keep mine (replace theirs)')));
      }
    }

    function reload() {
      saver.stop();
      saver = null;
      conflict.hidden = true;
      fill(body, h('p', { class: 'muted' }, 'Loading the quiz…'));
      load();
    }

    for (const question of quiz.questions) insert(question, cards.length);
    dragToReorder(list, () => cards, move);
    fill(body,
      h('section', { class: 'card quiz-meta', 'aria-label': 'About this quiz' },
        field('Title', title),
        field('Description (optional)', description),
        h('div', { class: 'row' }, field('Who can find it', visibility), host)),
      list,
      add);
    saver = autosave(quiz.id, quiz.version, read, showStatus, (newId) => {
      quizId = newId;
      if (mounted) history.replaceState(null, '', `#/quizzes/${encodeURIComponent(newId)}`);
    });
    if (quiz.id === null) showStatus('invalid', 'Not saved yet: write the first question and tick its answer.');
    else showStatus('saved', 'All changes saved');
    cards.forEach((card) => card.read());
  }

  return {
    el,
    update() {},
    unmount() {
      mounted = false;
      if (saver && saver.pending) saver.flush();
      window.removeEventListener('pagehide', leavePage);
      window.removeEventListener('beforeunload', warnBeforeLeaving);
    },
  };
}
