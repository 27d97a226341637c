// Reports (#/games): the games a signed-in host ran, newest first, each opening its report.
import { h, fill } from '../dom.js';
import { api } from '../api.js';
import { plural } from '../words.js';
import { currentAccount } from '../account.js';
import { games } from '../games/index.js';

export function gamesScreen() {
  const list = h('ul', { class: 'quiz-list', 'data-test': 'my-games', 'aria-busy': 'true' });
  const el = h('div', { class: 'library games' },
    h('div', { class: 'library-head' }, h('h1', { class: 'library-title' }, 'Reports')),
    h('p', { class: 'hint' }, 'Every game you host while signed in is kept here: open one for its standings, every answer, and its files.'),
    list);

  load();

  async function load() {
    const account = await currentAccount();
    if (!account) {
      fill(list, h('li', { class: 'card' }, h('a', { href: '#/signin', 'data-test': 'go-sign-in' }, 'Sign in'), ' to see the reports of the games you host.'));
    } else {
      try {
        const { games: hosted } = await api('GET', '/api/games');
        fill(list, hosted.length === 0
          ? h('li', { class: 'card muted', 'data-test': 'no-games' }, 'No games yet: host a quiz or a memory game, and its report will be here.')
          : hosted.map(entry));
      } catch (error) {
        fill(list, h('li', { class: 'card', role: 'alert' }, `Your games could not be loaded: ${error.message}`));
      }
    }
    list.setAttribute('aria-busy', 'false');
  }

  return { el, update() {} };
}

function entry(game) {
  const plugin = games[game.game];
  const running = !game.endedAt; // absent while the game runs
  return h('li', { class: 'card quiz-entry', 'data-test': 'game-entry', 'data-id': game.id },
    h('div', { class: 'quiz-entry-main' },
      h('a', { href: `#/games/${encodeURIComponent(game.id)}`, class: 'quiz-entry-title', 'data-test': 'game-open' }, game.title),
      h('small', {},
        `${plugin ? `${plugin.icon} ${plugin.title}` : game.game} · room ${game.room} · ${new Date(game.startedAt).toLocaleString()} · `,
        `${plural(game.players, 'player')} · `,
        h('span', { 'data-test': 'game-state', 'data-state': running ? 'running' : 'finished' }, running ? 'still running' : 'finished'))));
}
