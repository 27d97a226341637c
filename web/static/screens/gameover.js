// Game over: the podium, your place, the full standings, and for the room's creator a link to
// the game's report (which leaves the room, so the page can show it).
import { h, fill } from '../dom.js';
import { announce } from '../live.js';
import { leaderboard, podium } from '../components/leaderboard.js';
import { gameOf } from '../games/index.js';
import { iPlay } from '../room.js';
import { ordinal } from '../words.js';
import { reportHash } from '../library/routes.js';

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
      const report = reportHash(room.over.report);
      fill(el,
        h('h1', { class: 'over-title' }, REASONS[reason] || REASONS.finished),
        standings.length ? podium(standings, { unit }) : h('p', { class: 'muted' }, 'Nobody scored this time.'),
        iPlay(room) && mine && h('p', { class: 'my-place', 'data-test': 'my-place' },
          mine.rank === 1 ? `🎉 You won with ${mine.score} ${unit}!` : `You finished ${ordinal(mine.rank)} with ${mine.score} ${unit}.`),
        h('section', { class: 'card standings' }, h('h2', { class: 'card-title' }, 'Final standings'), leaderboard(standings, { me, unit })),
        seed !== null && seed !== undefined && h('p', { class: 'muted small' }, `This game was dealt from seed ${seed}.`),
        report && h('p', { class: 'over-report' },
          h('a', { href: report, class: 'btn btn-big', 'data-test': 'open-report', onclick: (event) => openReport(event, ctx) }, '📊 Open the report'),
          h('small', { class: 'muted' }, 'Every answer, and the files to download. Opening it here leaves the room.')),
        h('button', { type: 'button', class: 'btn btn-primary btn-big', 'data-test': 'back-home', onclick: () => ctx.actions.leave() }, '🏠 Back to the start'));
      announce(winner ? `Game over. ${winner.name} wins with ${winner.score} ${unit}.${mine && iPlay(room) ? ` You finished ${ordinal(mine.rank)}.` : ''}` : 'Game over.');
    },
  };
}

/** Opens the report in this tab: its address first, then out of the room (app.js reads the address again as the room is left). A new tab or window opens as links do. */
function openReport(event, ctx) {
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  location.hash = event.currentTarget.getAttribute('href');
  ctx.actions.leave();
}
