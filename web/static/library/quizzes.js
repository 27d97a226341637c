// My quizzes (#/quizzes): a signed-in host's saved quizzes, to edit, host, duplicate, export or
// delete; new ones made in the editor or imported from a CSV, XLSX or JSON file; and the public
// quizzes of others, to host or copy.
import { h, fill } from '../dom.js';
import { api } from '../api.js';
import { announce } from '../live.js';
import { plural } from '../words.js';
import { currentAccount } from '../account.js';
import { hostQuiz } from './host.js';
import { settled } from './autosave.js';
import { VISIBILITY_NAMES } from './visibility.js';

const IMPORT_TYPES = {
  csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', json: 'application/json',
};

export function quizzesScreen(ctx) {
  const mine = h('ul', { class: 'quiz-list', 'data-test': 'my-quizzes', 'aria-busy': 'true' });
  const others = h('ul', { class: 'quiz-list', 'data-test': 'public-quizzes' });
  const importProblem = h('div', { class: 'form-problem', role: 'alert', 'data-test': 'import-problem' });
  const file = h('input', {
    type: 'file', class: 'sr-only', tabindex: '-1', 'aria-label': 'Quiz file to import', accept: '.csv,.xlsx,.json,text/csv,application/json', 'data-test': 'import-file',
    onchange: () => file.files[0] && importFile(file.files[0]),
  });
  let account = null;
  const heading = h('h1', { class: 'library-title', tabindex: '-1' }, 'My quizzes');

  const el = h('div', { class: 'library quizzes' },
    h('div', { class: 'library-head' },
      heading,
      h('div', { class: 'row library-actions' },
        h('a', { href: '#/quizzes/new', class: 'btn btn-primary', 'data-test': 'new-quiz' }, '+ New quiz'),
        h('button', { type: 'button', class: 'btn', 'data-test': 'import-quiz', onclick: () => file.click() }, 'Import a file…'),
        h('a', { href: '/api/quizzes/template.xlsx', class: 'btn btn-ghost', download: '', 'data-test': 'template' }, 'Spreadsheet template'),
        file)),
    h('p', { class: 'hint' }, 'Import a quiz from a CSV or Excel file laid out like the template (one question a row), or from a JSON file exported here.'),
    importProblem,
    mine,
    h('section', { class: 'public-quizzes', 'aria-labelledby': 'public-title' },
      h('h2', { id: 'public-title', class: 'card-title' }, 'Public quizzes'),
      others));

  load();

  async function load() {
    account = await currentAccount();
    await settled(); // a quiz being saved as the editor was left is in the list
    if (!account) {
      fill(mine, h('li', { class: 'card' }, h('a', { href: '#/signin', 'data-test': 'go-sign-in' }, 'Sign in'), ' to see and make your quizzes.'));
    } else {
      try {
        const { quizzes } = await api('GET', '/api/quizzes');
        fill(mine, quizzes.length === 0
          ? h('li', { class: 'card muted' }, 'No quizzes yet: make one, or import a file.')
          : quizzes.map(entry));
      } catch (error) {
        fill(mine, h('li', { class: 'card', role: 'alert' }, `Your quizzes could not be loaded: ${error.message}`));
      }
    }
    mine.setAttribute('aria-busy', 'false');
    try {
      const { quizzes } = await api('GET', '/api/quizzes/public');
      fill(others, quizzes.length === 0 ? h('li', { class: 'muted' }, 'No public quizzes yet.') : quizzes.map(publicEntry));
    } catch {
      fill(others, h('li', { class: 'muted' }, 'The public quizzes could not be loaded.'));
    }
  }

  function entry(quiz) {
    const path = `/api/quizzes/${encodeURIComponent(quiz.id)}`;
    const titleId = `quiz-${quiz.id}`;
    const title = h('a', { href: `#/quizzes/${encodeURIComponent(quiz.id)}`, id: titleId, class: 'quiz-entry-title', 'data-test': 'quiz-edit' }, quiz.title);
    const yes = h('button', { type: 'button', class: 'btn btn-small btn-danger', 'data-test': 'quiz-delete-yes', onclick: () => run(() => api('DELETE', path), 'Quiz deleted.') }, 'Delete');
    const askDelete = h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-test': 'quiz-delete', onclick: () => { confirmDelete.hidden = false; yes.focus(); } }, 'Delete');
    const confirmDelete = h('span', { class: 'row', hidden: true },
      h('span', {}, 'Delete it for good?'),
      yes,
      h('button', { type: 'button', class: 'btn btn-small btn-ghost', onclick: () => { confirmDelete.hidden = true; askDelete.focus(); } }, 'Keep'));
    return h('li', { class: 'card quiz-entry', 'data-test': 'quiz-entry', 'data-id': quiz.id },
      h('div', { class: 'quiz-entry-main' },
        title,
        h('small', {}, `${plural(quiz.questions, 'question')} · ${VISIBILITY_NAMES[quiz.visibility]} · saved ${new Date(quiz.updatedAt).toLocaleString()}`)),
      h('div', { class: 'row quiz-entry-actions', role: 'group', 'aria-labelledby': titleId },
        h('button', { type: 'button', class: 'btn btn-small btn-primary', 'data-test': 'quiz-host', onclick: () => hostQuiz(ctx, quiz.id) }, 'Host'),
        h('a', { href: `#/quizzes/${encodeURIComponent(quiz.id)}`, class: 'btn btn-small' }, 'Edit'),
        h('button', { type: 'button', class: 'btn btn-small', 'data-test': 'quiz-duplicate', onclick: () => run(() => api('POST', `${path}/copy`), 'Quiz duplicated.') }, 'Duplicate'),
        ['json', 'csv', 'xlsx'].map((format) => h('a', { href: `${path}/export?format=${format}`, class: 'btn btn-small btn-ghost', download: '', 'data-test': `quiz-export-${format}` }, format.toUpperCase())),
        askDelete,
        confirmDelete));
  }

  function publicEntry(quiz) {
    return h('li', { class: 'card quiz-entry', 'data-test': 'public-entry' },
      h('div', { class: 'quiz-entry-main' }, h('b', {}, quiz.title), h('small', {}, `${plural(quiz.questions, 'question')} · by ${quiz.owner}`)),
      h('div', { class: 'row quiz-entry-actions' },
        h('button', { type: 'button', class: 'btn btn-small btn-primary', onclick: () => hostQuiz(ctx, quiz.id) }, 'Host'),
        account && h('button', { type: 'button', class: 'btn btn-small', onclick: () => run(() => api('POST', `/api/quizzes/${encodeURIComponent(quiz.id)}/copy`), 'Copied to your quizzes.') }, 'Copy to mine')));
  }

  /** Runs a change, says how it went, and shows the list as it now is (the focus back on its heading, as the button is gone). */
  async function run(change, done) {
    try {
      await change();
      announce(done);
    } catch (error) {
      ctx.store.dispatch({ type: 'local/error', message: error.message });
    }
    await load();
    heading.focus();
  }

  async function importFile(chosen) {
    fill(importProblem);
    const extension = chosen.name.split('.').pop().toLowerCase();
    const type = IMPORT_TYPES[extension];
    if (!type) return fill(importProblem, `“${chosen.name}” is not a .csv, .xlsx or .json file.`);
    const query = extension === 'json' ? '' : `?title=${encodeURIComponent(chosen.name.replace(/\.[^.]+$/, ''))}`;
    try {
      const { id } = await api('POST', `/api/quizzes/import${query}`, new Blob([chosen], { type }));
      announce(`“${chosen.name}” imported.`);
      location.hash = `#/quizzes/${encodeURIComponent(id)}`;
    } catch (error) {
      fill(importProblem, h('p', {}, `“${chosen.name}” was not imported: ${error.message}`),
        error.lines && h('ul', { 'data-test': 'import-lines' }, error.lines.map((line) => h('li', {}, lineWords(line)))));
    } finally {
      file.value = '';
    }
  }

  return { el, update() {} };
}

/** "Line 4, column H: …" (the message may already say where; then it is shown as it is). */
function lineWords(line) {
  if (/^line \d/i.test(line.message)) return line.message;
  return `Line ${line.line}${line.column ? `, column ${line.column}` : ''}: ${line.message}`;
}
