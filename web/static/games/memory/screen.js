// Memory's screen: the board of cards (flipped in place, so CSS can animate the turn), whose turn it is
// with its countdown, the scores, and in a race everyone's progress.
import { h, fill, setText } from '../../dom.js';
import { countdown } from '../../countdown.js';
import { announce } from '../../live.js';
import { hostBar } from '../../components/hostbar.js';
import { playerList, updatePlayerList } from '../../components/players.js';
import { crowdMore, updateCrowdMore } from '../../components/crowd.js';
import { CROWD_SHOWN, iHost, iPlay } from '../../room.js';
import { plural } from '../../words.js';
import { emojiFor } from './faces.js';

export function memoryScreen(ctx) {
  const header = h('div', { class: 'memory-header' });
  const controls = h('div', { class: 'controls-slot' });
  const status = h('p', { class: 'memory-status', role: 'status' });
  const boardSlot = h('div', { class: 'board-slot' });
  const side = h('div', { class: 'memory-side' });
  const el = h('div', { class: 'memory' }, header, controls, status, h('div', { class: 'memory-main' }, boardSlot, side));

  let board = null; // { el, cards: [button] } for the current size
  const scores = playerList({ players: [] }); // the turns game's scoreboard, updated in place
  const more = crowdMore({ players: [] }); // under it, in a big room: how many more play than it names
  let lastTurn;

  function flip(i) {
    if (ctx.send({ type: 'flip', card: i })) ctx.store.dispatch({ type: 'local/flip', card: i });
  }

  function buildBoard(m) {
    const cards = m.cards.map((_, i) =>
      h('button', { type: 'button', class: 'mcard', 'data-test': 'card', 'data-index': String(i), onclick: () => flip(i) },
        h('span', { class: 'card-inner' },
          h('span', { class: 'card-back', 'aria-hidden': 'true' }),
          h('span', { class: 'card-front' })),
        h('span', { class: 'matched-mark', 'aria-hidden': 'true' }, '✓')));
    const grid = h('div', {
      class: 'board', role: 'group', tabindex: '-1', 'aria-label': `Memory board, ${m.rows} rows by ${m.cols} columns`,
      onkeydown: (e) => arrows(e, m.cols),
      onfocusin: (e) => {
        const i = cards.indexOf(e.target);
        if (i >= 0) board.lastFocus = i;
      },
    }, cards);
    grid.style.setProperty('--rows', String(m.rows));
    grid.style.setProperty('--cols', String(m.cols));
    board = { el: grid, cards, size: `${m.rows}x${m.cols}`, lastFocus: 0 };
    fill(boardSlot, grid);
  }

  /** Tells the CSS how much height is left under the board's top, so square cards fit the viewport. */
  function fitBoard() {
    if (!board) return;
    const top = board.el.getBoundingClientRect().top + window.scrollY;
    board.el.style.setProperty('--avail', `${Math.max(220, window.innerHeight - top - 16)}px`);
  }
  window.addEventListener('resize', fitBoard);

  /** Arrow keys move the focus across the grid, skipping cards that cannot be flipped. */
  function arrows(event, cols) {
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols }[event.key];
    if (!step || !board) return;
    let i = board.cards.indexOf(document.activeElement);
    if (i < 0) return;
    event.preventDefault();
    for (i += step; i >= 0 && i < board.cards.length; i += step) {
      if (!board.cards[i].disabled) {
        board.cards[i].focus();
        return;
      }
    }
  }

  function paintCards(m, canFlip) {
    const active = document.activeElement;
    const hadFocus = active === board.el || board.cards.includes(active);
    m.cards.forEach((card, i) => {
      const button = board.cards[i];
      const pending = m.pending.includes(i);
      if (button.dataset.state !== card.state || button.dataset.face !== (card.face || undefined)) {
        button.dataset.state = card.state;
        if (card.face && card.state !== 'down') button.dataset.face = card.face;
        else delete button.dataset.face;
        const front = button.querySelector('.card-front');
        const emoji = card.face && emojiFor(card.face);
        fill(front, card.face && [emoji && h('span', { class: 'emoji', 'aria-hidden': 'true' }, emoji), h('span', { class: 'face-name' }, card.face)]);
        front.classList.toggle('text-only', Boolean(card.face) && !emoji);
      }
      const where = `row ${Math.floor(i / m.cols) + 1}, column ${(i % m.cols) + 1}`;
      const what = card.state === 'matched' ? `${card.face || 'matched'}, matched` : card.state === 'up' ? card.face : 'face down';
      button.setAttribute('aria-label', `Card ${where}: ${what}`);
      button.disabled = !(canFlip && card.state === 'down' && !pending);
      button.classList.toggle('pending', pending);
    });
    if (hadFocus) keepFocus();
  }

  /**
   * A card that gets disabled (just flipped, or the turn passed) drops the keyboard focus: move it
   * to the nearest card that can be flipped, or hold it on the board until one can.
   */
  function keepFocus() {
    if (board.cards.includes(document.activeElement) && !document.activeElement.disabled) return;
    const from = board.lastFocus;
    const order = board.cards.map((_, i) => i).sort((a, b) => Math.abs(a - from) - Math.abs(b - from) || a - b);
    const next = order.find((i) => !board.cards[i].disabled);
    (next === undefined ? board.el : board.cards[next]).focus();
  }

  function render(state) {
    const room = state.room;
    const m = room.play;
    const me = state.me && state.me.player;
    const race = m.mode === 'race';
    const seesBoard = !race || iPlay(room);
    const up = m.cards.filter((c) => c.state === 'up').length + m.pending.length;
    const myMove = iPlay(room) && (race || m.turn === me);
    const canFlip = myMove && !m.paused && !m.hideAt && up < 2;

    fill(header, turnLine(room, m, me), !race && m.turn && countdown({
      deadline: m.paused ? null : m.deadline, totalMs: (room.options.turnSeconds || 15) * 1000, pausedMs: m.paused ? m.remaining : null, label: 'Time left in this turn',
    }));
    fill(controls, iHost(room) ? hostBar({ paused: m.paused, skipLabel: race ? null : 'Pass turn', send: (msg) => ctx.send(msg) }) : null);
    setText(status, m.paused ? '⏸ Paused by the host' : m.hideAt ? '✘ No match — turning back…' : myMove ? (up === 1 ? 'Now find its pair!' : 'Flip a card.') : '');
    status.classList.toggle('miss', Boolean(m.hideAt));

    el.classList.toggle('watch-race', !seesBoard);
    if (seesBoard) {
      if (!board || board.size !== `${m.rows}x${m.cols}`) buildBoard(m);
      board.el.classList.toggle('my-turn', canFlip);
      paintCards(m, canFlip);
      fitBoard();
    } else if (board || !boardSlot.firstChild) {
      board = null;
      fill(boardSlot, h('p', { class: 'race-watch' }, 'Everyone is racing on their own board — watch the progress!'));
    }

    if (race) {
      fill(side, raceProgress(room, m, me));
    } else {
      if (scores.parentNode !== side) fill(side, h('h2', { class: 'card-title' }, 'Pairs found'), scores, more);
      updatePlayerList(scores, room, { me, turn: m.turn, scoreLabel: 'pairs' });
      updateCrowdMore(more, room);
    }

    if (m.turn !== lastTurn && !race) {
      lastTurn = m.turn;
      announce(m.turn === me ? 'Your turn! Flip two cards.' : m.turn ? `${nameOf(room, m.turn)}’s turn.` : 'Waiting for a player to come back.');
    }
  }

  return {
    el,
    update(state) {
      render(state);
    },
    unmount() {
      window.removeEventListener('resize', fitBoard);
    },
  };
}

function nameOf(room, id) {
  const p = room.players.find((x) => x.player === id);
  return p ? p.name : 'Someone';
}

function turnLine(room, m, me) {
  if (m.mode === 'race') {
    return h('p', { class: 'turn race', 'data-test': 'turn' }, `🏁 Race! First to find all ${m.pairs} pairs wins`);
  }
  const text = !m.turn ? 'Waiting for a player…' : m.turn === me ? '⭐ Your turn!' : `${nameOf(room, m.turn)}’s turn`;
  return h('p', { class: `turn${m.turn === me ? ' mine' : ''}`, 'data-test': 'turn', 'data-player-id': m.turn || '' }, text);
}

/** Who the race panel lists: every player, or in a big race the best ten known (from standings, else the few named players) and you. */
function racersOf(room, m, me) {
  const players = room.players.filter((p) => p.role !== 'spectator');
  if (!room.crowd) return players;
  const known = new Map(players.map((p) => [p.player, p]));
  const ids = [...new Set([...Object.keys(m.progress), ...known.keys()])];
  const racer = (id) => known.get(id) || { player: id, name: m.leaders[id] || 'Racer', connected: true, bot: false, role: 'player' };
  const best = ids.sort((a, b) => (m.progress[b] || 0) - (m.progress[a] || 0)).slice(0, CROWD_SHOWN);
  if (me && known.has(me) && !best.includes(me)) best.push(me);
  return best.map(racer);
}

function raceProgress(room, m, me) {
  const racers = racersOf(room, m, me);
  return [
    h('h2', { class: 'card-title' }, 'Progress'),
    h('ol', { class: 'progress-list', 'aria-label': 'Race progress' },
      racers.map((p) => {
        const pairs = m.progress[p.player] || 0;
        const bar = h('span', { class: 'progress-bar', 'aria-hidden': 'true' });
        bar.style.setProperty('--share', String(pairs / m.pairs));
        return h('li', { class: `progress${p.player === me ? ' me' : ''}${p.connected ? '' : ' offline'}`, 'data-test': 'progress', 'data-player-id': p.player, 'data-pairs': String(pairs) },
          h('span', { class: 'progress-name' }, p.name, p.player === me ? ' (you)' : '', p.bot ? ' 🤖' : '', p.connected ? '' : ' ⚠ offline'),
          bar,
          h('span', { class: 'progress-count' }, `${pairs} / ${plural(m.pairs, 'pair')}`));
      })),
    crowdMore({ ...room, players: racers }), // "…and N more" than the panel names
  ];
}
