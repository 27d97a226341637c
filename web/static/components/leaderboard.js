// Standings: the ranked leaderboard and the top-three podium.
import { h } from '../dom.js';
import { ordinal } from '../words.js';
import { avatar } from './players.js';

/**
 * An ordered leaderboard. entries: [{player,name,score,rank}]; gains: Map player → points won
 * this round (shown as +N); limit: how many rows, the viewer's own row is always kept.
 */
export function leaderboard(entries, { me = null, gains = null, limit = Infinity, unit = 'pts' } = {}) {
  const shown = entries.filter((e, i) => i < limit || e.player === me);
  return h('ol', { class: 'leaderboard', 'data-test': 'leaderboard', 'aria-label': 'Leaderboard' },
    shown.map((e) => {
      const gain = gains ? gains.get(e.player) : null;
      return h('li', {
        class: `leaderboard-entry${e.player === me ? ' me' : ''}`,
        'data-test': 'leaderboard-entry',
        'data-player-id': e.player,
        'data-rank': String(e.rank),
      },
      h('span', { class: 'rank', 'aria-label': `${ordinal(e.rank)} place` }, String(e.rank)),
      avatar(e),
      h('span', { class: 'leaderboard-name' }, e.name),
      // Points wrap under the name (CSS) when both do not fit on one line, so the name is not cut.
      h('span', { class: 'leaderboard-points' },
        gain ? h('span', { class: 'gain' }, `+${gain}`) : null,
        h('span', { class: 'leaderboard-score' }, `${e.score}`, h('small', {}, ` ${unit}`))));
    }));
}

/** The top three on steps: 2nd, 1st, 3rd from left to right (CSS orders them); tied players share a medal. */
export function podium(entries, { unit = 'pts' } = {}) {
  const medals = ['🥇', '🥈', '🥉'];
  return h('ol', { class: 'podium', 'data-test': 'podium', 'aria-label': 'Podium' },
    entries.slice(0, 3).map((e, i) =>
      h('li', { class: `podium-entry place-${i + 1}`, 'data-test': 'podium-entry', 'data-player-id': e.player, 'data-rank': String(e.rank) },
        h('span', { class: 'medal', 'aria-hidden': 'true' }, medals[Math.min(e.rank, 3) - 1]),
        h('span', { class: 'podium-name' }, e.name),
        h('span', { class: 'podium-score' }, `${e.score} ${unit}`),
        h('span', { class: 'podium-step' }, ordinal(e.rank)))));
}
