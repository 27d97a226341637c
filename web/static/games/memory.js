// The memory plug-in: the board's state (read from a room snapshot, folded from its events), its
// screen, its create form and its words for the lobby. See games/index.js for the interface.
import { patchPlayers } from '../room.js';
import { memoryForm } from './memory/form.js';
import { memoryScreen } from './memory/screen.js';

export const memory = {
  id: 'memory',
  icon: '🃏',
  title: 'Memory',
  blurb: 'Find the pairs',
  formTitle: 'New memory game',
  unit: 'pairs',
  hostPlays: () => true,
  fromSnapshot: (snapshot) => boardFrom(snapshot.board, snapshot.paused),
  reduce,
  screenOf: () => 'memory',
  holdsOver: () => false,
  screen: memoryScreen,
  createForm: memoryForm,
  summary,
};

/** cards: [{ state: 'down' | 'up' | 'matched', face }]; pending: cards flipped here that the server has not shown yet. */
function boardFrom(board, paused) {
  const b = board || { rows: 4, cols: 4, mode: 'turns', pairs: 8 };
  const cards = Array.from({ length: b.rows * b.cols }, () => ({ state: 'down', face: null }));
  for (const [i, face] of Object.entries(b.faceUp || {})) cards[i] = { state: 'up', face };
  for (const [i, face] of Object.entries(b.found || {})) cards[i] = { state: 'matched', face };
  for (const i of b.matched || []) if (cards[i].state !== 'matched') cards[i] = { state: 'matched', face: null };
  return {
    rows: b.rows,
    cols: b.cols,
    mode: b.mode,
    pairs: b.pairs,
    turn: b.turn || null,
    deadline: b.deadline || null,
    hideAt: b.hideAt || null,
    cards,
    progress: b.progress || {},
    leaders: {}, // a big race's named racers (id → name) from `standings`
    paused: Boolean(paused),
    remaining: null,
    pending: [],
  };
}

function reduce(room, msg) {
  const m = room.play;
  const setCards = (indexes, card) => {
    const cards = m.cards.slice();
    for (const i of indexes) cards[i] = typeof card === 'function' ? card(cards[i]) : card;
    return cards;
  };
  switch (msg.type) {
    case 'board': {
      const fresh = boardFrom({ ...msg, progress: msg.mode === 'race' ? {} : undefined }, false);
      return { ...patchPlayers(room, (p) => ({ ...p, score: 0 })), state: 'playing', play: fresh };
    }
    case 'local/flip':
      return { ...room, play: { ...m, pending: [...m.pending, msg.card] } };
    case 'error':
      return m.pending.length === 0 ? room : { ...room, play: { ...m, pending: [] } };
    case 'flipped':
      return {
        ...room,
        play: { ...m, cards: setCards([msg.card], { state: 'up', face: msg.face }), pending: m.pending.filter((c) => c !== msg.card) },
      };
    case 'match': {
      const cards = setCards(msg.cards, (c) => ({ state: 'matched', face: c.face }));
      const scored = patchPlayers(room, (p) => (p.player === msg.by ? { ...p, score: msg.score } : p));
      const progress = m.mode === 'race' ? { ...m.progress, [msg.by]: msg.score } : m.progress; // a big race sends no progress of your own
      return { ...scored, play: { ...m, cards, progress } };
    }
    case 'miss':
      return { ...room, play: { ...m, hideAt: msg.hideAt } };
    case 'hide':
      return { ...room, play: { ...m, hideAt: null, cards: setCards(msg.cards, { state: 'down', face: null }) } };
    case 'turn':
      return { ...room, play: { ...m, turn: msg.player || null, deadline: msg.deadline || null, pending: [] } };
    case 'progress': {
      const scored = patchPlayers(room, (p) => (p.player === msg.player ? { ...p, score: msg.pairs } : p));
      return { ...scored, play: { ...m, progress: { ...m.progress, [msg.player]: msg.pairs } } };
    }
    case 'standings': { // a big race: the top racers, a few times a second, and you
      const me = room.you && room.you.player;
      const progress = Object.fromEntries(msg.leaderboard.map((s) => [s.player, s.score]));
      if (me && !(me in progress) && me in m.progress) progress[me] = m.progress[me];
      const leaders = Object.fromEntries(msg.leaderboard.map((s) => [s.player, s.name]));
      return { ...room, play: { ...m, progress, leaders } };
    }
    case 'resumed':
      return msg.deadline ? { ...room, play: { ...m, deadline: msg.deadline } } : room;
    default:
      return room;
  }
}

/** The lobby's line about the room's options. */
function summary(o) {
  const mode = o.mode === 'race' ? 'race: everyone on their own board' : `taking turns, ${o.turnSeconds} s each`;
  return `${o.rows} × ${o.cols} board · ${mode}`;
}
