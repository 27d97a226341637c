// Game over: the podium, your place, and the full standings.
import { h, fill } from '../dom.js';
import { announce } from '../live.js';
import { leaderboard, podium } from '../components/leaderboard.js';
import { gameOf } from '../games/index.js';
import { iPlay } from '../room.js';
import { ordinal } from '../words.js';

const REASONS = {
  finished: 'Game over!',
  ended: 'The host ended the game',
  abandoned: 'Everyone left — game over',
};

export function gameOverScreen(ctx) {
  const el = h('div', { class: 'game-over' });
  let shown = null;

  return {
    el,
    update(state) {
      const room = state.room;
      if (room.over === shown) return;
      shown = room.over;
      const { leaderboard: standings, reason, seed } = room.over;
      const me = state.me && state.me.player;
      const unit = gameOf(room).unit;
      const mine = standings.find((e) => e.player === me);
      const winner = standings[0];
      fill(el,
        h('h1', { class: 'over-title' }, REASONS[reason] || REASONS.finished),
        standings.length ? podium(standings, { unit }) : h('p', { class: 'muted' }, 'Nobody scored this time.'),
        iPlay(room) && mine && h('p', { class: 'my-place', 'data-test': 'my-place' },
          mine.rank === 1 ? `🎉 You won with ${mine.score} ${unit}!` : `You finished ${ordinal(mine.rank)} with ${mine.score} ${unit}.`),
        h('section', { class: 'card standings' }, h('h2', { class: 'card-title' }, 'Final standings'), leaderboard(standings, { me, unit })),
        seed !== null && seed !== undefined && h('p', { class: 'muted small' }, `This game was dealt from seed ${seed}.`),
        h('button', { type: 'button', class: 'btn btn-primary btn-big', 'data-test': 'back-home', onclick: () => ctx.actions.leave() }, '🏠 Back to the start'));
      announce(winner ? `Game over. ${winner.name} wins with ${winner.score} ${unit}.${mine && iPlay(room) ? ` You finished ${ordinal(mine.rank)}.` : ''}` : 'Game over.');
    },
  };
}
