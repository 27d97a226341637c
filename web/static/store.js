// The client's state, folded from server messages (and a few local actions) by one reducer.
// State is plain data, replaced rather than mutated, so a render can compare old and new.

export const initialState = {
  conn: 'idle', // see connection.js
  me: null, // { player, name } once welcomed
  room: null, // see roomFrom()
  error: null, // { code, message, at } the latest error, server's or ours
  notice: null, // a sentence about why we are back home (kicked, room gone, ...)
  resuming: false, // a kept session is being resumed: its room (if any) is not known yet
};

export function createStore(reducer, state) {
  const listeners = new Set();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      const prev = state;
      state = next;
      for (const listener of listeners) listener(state, prev);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Whether the member with this role takes part in the room's game (the quiz host only with hostPlays). */
export function playsIn(room, role) {
  if (role === 'player') return true;
  if (role === 'host') return room.game === 'memory' || Boolean(room.options && room.options.hostPlays);
  return false;
}

/** Whether you play: a player promoted to host mid-game keeps playing (the game knows its seats). */
export const iPlay = (room) => Boolean(room && room.you && (room.you.plays ?? playsIn(room, room.you.role)));
export const iHost = (room) => Boolean(room && room.you && room.you.role === 'host');

/** Which screen shows; the value of data-screen. */
export function screenOf(state) {
  const room = state.room;
  if (!room) return 'home';
  if ((room.state === 'finished' || room.over) && !(room.quiz && room.quiz.holdFinal)) return 'game-over';
  if (room.state === 'lobby') return 'lobby';
  if (room.game === 'memory') return 'memory';
  return room.quiz.phase === 'reveal' ? 'quiz-reveal' : 'quiz-question';
}

export function reduce(state, action) {
  switch (action.type) {
    case 'conn':
      return { ...state, conn: action.status };
    case 'welcome':
      return {
        ...state,
        me: { player: action.player, name: action.name },
        // A resumed session gets its room snapshot next (before 'sync'); a new one has no room.
        room: action.resumed && state.room ? { ...state.room, stale: true } : null,
      };
    case 'local/resuming':
      return { ...state, resuming: true };
    case 'sync':
      if (state.room && state.room.stale) return { ...state, resuming: false, room: null, notice: 'You are no longer in that room.' };
      return { ...state, resuming: false };
    case 'session_lost':
      if (!state.room) return { ...state, resuming: false };
      return { ...state, resuming: false, room: null, notice: 'Your seat expired while you were away. Join again with the code.' };
    case 'room':
      return { ...state, resuming: false, room: roomFrom(action, state.room), notice: null, error: null };
    case 'left':
      return { ...state, room: null };
    case 'goodbye':
      return goodbye(state, action);
    case 'error':
      return { ...state, error: { code: action.code, message: action.message, at: Date.now() }, room: clearPending(state.room) };
    case 'local/error':
      return { ...state, error: { code: action.code || 'client', message: action.message, at: Date.now() } };
    case 'local/dismiss-error':
      return { ...state, error: null };
    case 'local/notice':
      return { ...state, notice: action.text };
    default:
      return state.room ? withRoom(state, inRoom(state.room, action, state.me)) : state;
  }
}

function withRoom(state, room) {
  return room === state.room ? state : { ...state, room };
}

function goodbye(state, { reason }) {
  const notices = {
    kicked: 'The host removed you from the room.',
    replaced: 'This game is now open in another tab or window.',
  };
  if (reason === 'kicked') return { ...state, room: null, notice: notices.kicked };
  if (reason === 'replaced') return { ...state, notice: notices.replaced };
  return state;
}

function clearPending(room) {
  if (!room || !room.memory || room.memory.pending.length === 0) return room;
  return { ...room, memory: { ...room.memory, pending: [] } };
}

// ---- the room snapshot ----

function roomFrom(snapshot, previous) {
  const same = previous && previous.code === snapshot.code;
  const room = {
    code: snapshot.code,
    game: snapshot.game,
    state: snapshot.state,
    options: snapshot.options || {},
    host: snapshot.host,
    seq: snapshot.seq,
    you: snapshot.you,
    players: snapshot.players || [],
    chat: same ? previous.chat : [],
    stale: false,
    over: same && snapshot.state === 'finished' ? previous.over : null,
    quiz: null,
    memory: null,
  };
  if (room.game === 'quiz') room.quiz = quizFrom(snapshot, same ? previous.quiz : null);
  if (room.game === 'memory') room.memory = memoryFrom(snapshot.board, snapshot.paused);
  if (room.state === 'finished' && !room.over) room.over = { leaderboard: standingsOf(room.players, room), reason: 'finished', seed: null };
  return room;
}

function quizFrom(snapshot, previous) {
  const question = snapshot.question || null;
  const reveal = snapshot.reveal || null;
  const phase = question ? 'question' : reveal ? 'reveal' : 'waiting';
  const keepMine = previous && question && previous.question && previous.question.index === question.index;
  return {
    phase,
    question: question || (previous && previous.question) || null,
    answered: Boolean(snapshot.answered),
    myAnswer: keepMine ? previous.myAnswer : null,
    progress: keepMine ? previous.progress : null,
    reveal: question ? null : reveal,
    paused: Boolean(snapshot.paused),
    remaining: null,
  };
}

function memoryFrom(board, paused) {
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
    paused: Boolean(paused),
    remaining: null,
    pending: [],
  };
}

/** Standings from the player list (a snapshot of a finished room has no leaderboard). */
function standingsOf(players, room) {
  const ranked = players.filter((p) => playsIn(room, p.role)).sort((a, b) => b.score - a.score);
  return ranked.map((p) => ({
    player: p.player,
    name: p.name,
    score: p.score,
    rank: 1 + ranked.filter((q) => q.score > p.score).length,
  }));
}

// ---- events inside a room ----

function inRoom(room, msg, me) {
  switch (msg.type) {
    case 'player_joined': {
      const entry = { player: msg.player, name: msg.name, role: msg.role, score: msg.score, connected: msg.connected, bot: msg.bot, serverBot: Boolean(msg.serverBot) };
      const exists = room.players.some((p) => p.player === msg.player);
      const players = exists ? room.players.map((p) => (p.player === msg.player ? entry : p)) : [...room.players, entry];
      return { ...room, players };
    }
    case 'player_left':
      return { ...room, players: room.players.filter((p) => p.player !== msg.player) };
    case 'player_status':
      return patchPlayers(room, (p) => (p.player === msg.player ? { ...p, connected: msg.connected } : p));
    case 'host_changed': {
      const host = msg.host || msg.player;
      const next = patchPlayers(room, (p) => (p.player === host ? { ...p, role: 'host' } : p));
      const promoted = me && host === me.player;
      const you = promoted ? { ...room.you, role: 'host', plays: room.state === 'playing' ? iPlay(room) : undefined } : room.you;
      return { ...next, host, you };
    }
    case 'chat': {
      const line = { from: msg.from, name: msg.name, text: msg.text, seq: msg.seq };
      return { ...room, chat: [...room.chat, line].slice(-100) };
    }
    case 'game_over': {
      const over = { leaderboard: msg.leaderboard, reason: msg.reason || 'finished', seed: msg.seed ?? null };
      // The last reveal comes right before game_over: hold it on screen a moment (see app.js).
      const q = room.quiz;
      const quiz = q && q.phase === 'reveal' && q.reveal && q.reveal.last ? { ...q, holdFinal: true } : q;
      return { ...applyScores(room, msg.leaderboard), state: 'finished', over, quiz };
    }
    case 'local/show-final':
      return room.quiz && room.quiz.holdFinal ? { ...room, quiz: { ...room.quiz, holdFinal: false } } : room;
    case 'paused':
      return patchGame(room, { paused: true, remaining: msg.remaining ?? null });
    case 'resumed':
      return resumed(room, msg.deadline);
    default:
      if (room.game === 'quiz') return quizEvent(room, msg);
      if (room.game === 'memory') return memoryEvent(room, msg);
      return room;
  }
}

function patchPlayers(room, fn) {
  return { ...room, players: room.players.map(fn) };
}

function applyScores(room, entries) {
  const scores = new Map(entries.map((e) => [e.player, e.score]));
  return patchPlayers(room, (p) => (scores.has(p.player) ? { ...p, score: scores.get(p.player) } : p));
}

function patchGame(room, patch) {
  if (room.quiz) return { ...room, quiz: { ...room.quiz, ...patch } };
  if (room.memory) return { ...room, memory: { ...room.memory, ...patch } };
  return room;
}

function resumed(room, deadline) {
  if (room.quiz) {
    const q = room.quiz;
    const question = q.question && deadline && q.phase === 'question' ? { ...q.question, deadline } : q.question;
    return { ...room, quiz: { ...q, paused: false, remaining: null, question } };
  }
  if (room.memory) {
    const m = room.memory;
    return { ...room, memory: { ...m, paused: false, remaining: null, deadline: deadline ?? m.deadline } };
  }
  return room;
}

function quizEvent(room, msg) {
  const q = room.quiz;
  switch (msg.type) {
    case 'question':
      return {
        ...room,
        state: 'playing',
        quiz: { phase: 'question', question: msg, answered: false, myAnswer: null, progress: null, reveal: null, paused: false, remaining: null },
      };
    case 'local/answer':
      return { ...room, quiz: { ...q, myAnswer: msg.answer } };
    case 'answer_ack':
      return { ...room, quiz: { ...q, answered: true } };
    case 'answers':
      if (!q.question || msg.index !== q.question.index) return room;
      return { ...room, quiz: { ...q, progress: { answered: msg.answered, of: msg.of } } };
    case 'reveal':
      return { ...applyScores(room, msg.leaderboard), quiz: { ...q, phase: 'reveal', reveal: msg, paused: false } };
    default:
      return room;
  }
}

function memoryEvent(room, msg) {
  const m = room.memory;
  const setCards = (indexes, card) => {
    const cards = m.cards.slice();
    for (const i of indexes) cards[i] = typeof card === 'function' ? card(cards[i]) : card;
    return cards;
  };
  switch (msg.type) {
    case 'board': {
      const fresh = memoryFrom({ ...msg, progress: msg.mode === 'race' ? {} : undefined }, false);
      return { ...patchPlayers(room, (p) => ({ ...p, score: 0 })), state: 'playing', memory: fresh };
    }
    case 'local/flip':
      return { ...room, memory: { ...m, pending: [...m.pending, msg.card] } };
    case 'flipped':
      return {
        ...room,
        memory: { ...m, cards: setCards([msg.card], { state: 'up', face: msg.face }), pending: m.pending.filter((c) => c !== msg.card) },
      };
    case 'match': {
      const cards = setCards(msg.cards, (c) => ({ state: 'matched', face: c.face }));
      const scored = patchPlayers(room, (p) => (p.player === msg.by ? { ...p, score: msg.score } : p));
      return { ...scored, memory: { ...m, cards } };
    }
    case 'miss':
      return { ...room, memory: { ...m, hideAt: msg.hideAt } };
    case 'hide':
      return { ...room, memory: { ...m, hideAt: null, cards: setCards(msg.cards, { state: 'down', face: null }) } };
    case 'turn':
      return { ...room, memory: { ...m, turn: msg.player || null, deadline: msg.deadline || null, pending: [] } };
    case 'progress': {
      const scored = patchPlayers(room, (p) => (p.player === msg.player ? { ...p, score: msg.pairs } : p));
      return { ...scored, memory: { ...m, progress: { ...m.progress, [msg.player]: msg.pairs } } };
    }
    default:
      return room;
  }
}
