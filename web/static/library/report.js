// A game's report (#/games/<id>, or #/games/<id>?key=<key> without an account): what game it was
// and how long it took, its files, the podium and standings with each player's figures, and for a
// quiz the hardest question and every question's answers (report-question.js). A game still
// running is read again every few seconds until it ends.
import { h, fill } from '../dom.js';
import { api } from '../api.js';
import { ordinal, plural } from '../words.js';
import { currentAccount } from '../account.js';
import { games } from '../games/index.js';
import { podium } from '../components/leaderboard.js';
import { reportQuestion } from './report-question.js';

const RUNNING_REFRESH_MS = 2000;
const MODES = { turns: 'taking turns', race: 'a race' };

export function reportScreen(id, key) {
  const path = `/api/games/${encodeURIComponent(id)}${key ? `?key=${encodeURIComponent(key)}` : ''}`;
  const back = h('span');
  const title = h('h1', { class: 'library-title', 'data-test': 'report-title' }, 'Game report');
  const body = h('div', { class: 'report-body', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the report…'));
  const el = h('div', { class: 'library report' }, h('div', { class: 'library-head' }, back, title), body);
  let shown = null; // the report's JSON as last drawn
  let timer = null;
  let mounted = true;

  currentAccount().then((account) => account && fill(back, h('a', { href: '#/games', class: 'btn btn-small btn-ghost', 'data-test': 'back-to-games' }, '← Reports')));
  load();

  async function load() {
    let report;
    try {
      report = await api('GET', path);
    } catch (error) {
      if (mounted) problem(error);
      return;
    }
    if (!mounted) return;
    const json = JSON.stringify(report);
    if (json !== shown) {
      shown = json;
      fill(title, report.title);
      fill(body, content(report));
      body.setAttribute('aria-busy', 'false');
    }
    if (!report.endedAt) timer = setTimeout(load, RUNNING_REFRESH_MS);
  }

  async function problem(error) {
    const missing = error.code === 'not_found';
    const signedOut = missing && !key && !(await currentAccount());
    fill(body, h('p', { class: 'card', role: 'alert', 'data-test': 'report-problem' },
      missing ? 'There is no such game among yours.' : `The report could not be loaded: ${error.message}`,
      signedOut && [' ', h('a', { href: '#/signin' }, 'Sign in'), ' to see the games you hosted.']));
    body.setAttribute('aria-busy', 'false');
  }

  return {
    el,
    update() {},
    unmount() {
      mounted = false;
      clearTimeout(timer);
    },
  };
}

function content(report) {
  const plugin = games[report.game];
  const questions = report.questions || [];
  const sections = questions.map((q) => reportQuestion(q, q.index === report.hardest));
  const hardest = questions.findIndex((q) => q.index === report.hardest);
  return [
    summary(report, plugin),
    downloads(report.downloads),
    h('section', { class: 'card report-standings', 'aria-labelledby': 'report-standings-title' },
      h('h2', { id: 'report-standings-title', class: 'card-title' }, 'Standings'),
      report.players.length ? podium(report.players, { unit: plugin ? plugin.unit : 'pts' }) : h('p', { class: 'muted' }, 'Nobody played.'),
      report.players.length > 0 && standings(report)),
    hardest >= 0 && hardestCallOut(questions[hardest], sections[hardest]),
    sections.length > 0 && h('section', { class: 'report-questions', 'aria-labelledby': 'report-questions-title' },
      h('h2', { id: 'report-questions-title', class: 'card-title' }, 'Questions'),
      sections),
  ];
}

function summary(report, plugin) {
  const running = !report.endedAt; // absent while the game runs
  const bots = report.players.filter((p) => p.bot).length;
  const fact = (term, value, test) => h('div', {}, h('dt', {}, term), h('dd', { 'data-test': test }, value));
  return h('section', { class: 'card report-summary', 'aria-label': 'Summary' },
    h('p', { class: 'report-status', 'data-test': 'report-status', 'data-state': running ? 'running' : 'finished' },
      running ? '⏳ Still running: this page follows it until it ends.' : '✓ Finished'),
    h('dl', { class: 'report-facts' },
      fact('Game', plugin ? `${plugin.icon} ${plugin.title}` : report.game, 'report-game'),
      fact('Room', report.room, 'report-room'),
      fact('Started', new Date(report.startedAt).toLocaleString(), 'report-started'),
      fact('Length', running ? 'still running' : duration(report.endedAt - report.startedAt), 'report-length'),
      fact('Players', `${report.players.length}${bots ? ` (${plural(bots, 'bot')})` : ''}`, 'report-players'),
      report.questions && fact('Questions', String(report.questions.length), 'report-questions'),
      report.memory && fact('Board', `${report.memory.rows} × ${report.memory.cols}, ${plural(report.memory.pairs, 'pair')}, ${MODES[report.memory.mode] || report.memory.mode}`, 'report-board')));
}

function downloads(links) {
  const link = (kind, text) => links[kind] && h('a', { href: links[kind], class: 'btn btn-small', download: '', 'data-test': `download-${kind}` }, text);
  return h('section', { class: 'report-downloads', 'aria-labelledby': 'report-downloads-title' },
    h('h2', { id: 'report-downloads-title', class: 'sr-only' }, 'Downloads'),
    h('div', { class: 'row' },
      link('csv', '⬇ Results (CSV)'),
      link('xlsx', '⬇ Results (Excel)'),
      link('replay', '⬇ Replay file')));
}

/** The standings table: a quiz's points and right answers, or memory's pairs, flips and (taking turns) turns. */
function standings(report) {
  const quiz = Boolean(report.questions);
  const asked = quiz ? report.questions.length : 0;
  const turns = report.players.some((p) => typeof p.turns === 'number');
  const numbers = quiz ? ['Points', 'Right answers'] : ['Pairs', 'Flips', turns && 'Turns'];
  return h('table', { class: 'report-table', 'data-test': 'report-standings' },
    h('caption', { class: 'sr-only' }, 'Every player, best first'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Place'),
      h('th', { scope: 'col' }, 'Player'),
      numbers.map((name) => name && h('th', { scope: 'col', class: 'num' }, name)))),
    h('tbody', {}, report.players.map((p) => h('tr', { 'data-test': 'report-player', 'data-player-id': p.player, 'data-rank': String(p.rank), 'data-bot': String(p.bot) },
      h('td', {}, ordinal(p.rank)),
      h('th', { scope: 'row' }, p.name, p.bot && [' ', h('span', { class: 'badge', 'data-test': 'report-bot' }, '🤖 bot')]),
      h('td', { class: 'num', 'data-test': 'report-score' }, String(p.score)),
      quiz
        ? h('td', { class: 'num', 'data-test': 'report-right-answers' }, `${p.correct} of ${asked}`)
        : [
          h('td', { class: 'num', 'data-test': 'report-flips' }, String(p.flips)),
          turns && h('td', { class: 'num', 'data-test': 'report-turns' }, String(p.turns)),
        ]))));
}

/** The question fewest got right, with a button that takes the focus to it. */
function hardestCallOut(question, section) {
  const number = question.index + 1;
  return h('section', { class: 'card report-hardest', 'data-test': 'report-hardest', 'data-index': String(question.index), 'aria-labelledby': 'report-hardest-title' },
    h('h2', { id: 'report-hardest-title', class: 'card-title' }, '🧗 The hardest question'),
    h('p', {}, h('b', {}, `Question ${number}: `), question.text),
    h('p', { class: 'muted' }, `${question.right} of ${plural(question.answers.length, 'player')} got it right.`),
    h('button', {
      type: 'button', class: 'btn btn-small',
      onclick: () => {
        section.scrollIntoView({ block: 'start' });
        section.focus({ preventScroll: true });
      },
    }, `See question ${number}`));
}

/** "45 s", "3 min 20 s", "1 h 5 min". */
function duration(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
