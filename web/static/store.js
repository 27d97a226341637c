// The client's state, folded from server messages (and a few local actions) by one reducer.
// State is plain data, replaced rather than mutated, so a render can compare old and new.
// Everything about one game (its snapshot fields, its events, its screens) is its plug-in's,
// reached through the registry in games/index.js.
import { gameOf } from './games/index.js';
import { CROWD_SHOWN, applyScores, iPlay, patchPlay, patchPlayers, playsIn } from './room.js';

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

/** Which screen shows; the value of data-screen (a game's own screens are named by its plug-in). */
export function screenOf(state) {
  const room = state.room;
  if (!room) return 'home';
  if ((room.state === 'finished' || room.over) && !room.hold) return 'game-over';
  if (room.state === 'lobby') return 'lobby';
  return gameOf(room).screenOf(room.play);
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
      return {
        ...state,
        error: { code: action.code, message: action.message, at: Date.now() },
        // The game hears of a refused request too (memory forgets the flips it was waiting for).
        room: state.room && gameOf(state.room).reduce(state.room, action),
      };
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

// ---- the room snapshot ----

function roomFrom(snapshot, previous) {
  const same = previous && previous.code === snapshot.code;
  const game = gameOf(snapshot);
  const options = snapshot.options || {};
  const room = {
    code: snapshot.code,
    game: snapshot.game,
    state: snapshot.state,
    options,
    hostPlays: game.hostPlays(options),
    host: snapshot.host,
    seq: snapshot.seq,
    you: snapshot.you,
    players: snapshot.players || [], // everyone; in a big room only a few (see presence())
    crowd: snapshot.crowd || null, // a big room's counts: { players, spectators, connected }; null in a small room
    chat: same ? previous.chat : [],
    stale: false,
    over: same && snapshot.state === 'finished' ? previous.over : null,
    hold: false, // the game's last moment stays on screen a while after game_over (see app.js)
    play: game.fromSnapshot(snapshot, same ? previous.play : null), // the game's own state; its plug-in shapes it
  };
  if (room.state === 'finished' && !room.over) room.over = { leaderboard: standingsOf(room.players, room), reason: 'finished', seed: null };
  return room;
}

/**
 * Standings from the player list (a snapshot of a finished room has no leaderboard). A big room's
 * list names its top scorers beside you and the host: only ranks within that top are sure.
 */
function standingsOf(players, room) {
  const ranked = players.filter((p) => playsIn(room, p.role)).sort((a, b) => b.score - a.score);
  const standings = ranked.map((p) => ({
    player: p.player,
    name: p.name,
    score: p.score,
    rank: 1 + ranked.filter((q) => q.score > p.score).length,
  }));
  return room.crowd ? standings.filter((e) => e.rank <= CROWD_SHOWN) : standings;
}

// ---- events inside a room ----

function inRoom(room, msg, me) {
  switch (msg.type) {
    case 'player_joined': {
      const entry = { player: msg.player, name: msg.name, role: msg.role, score: msg.score, connected: msg.connected, bot: msg.bot, serverBot: Boolean(msg.serverBot) };
      return { ...room, players: withEntries(room.players, [entry]) };
    }
    case 'presence':
      return presence(room, msg);
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
      // `report` (the API address of the game's report) comes only to the room's creator.
      const over = { leaderboard: msg.leaderboard, reason: msg.reason || 'finished', seed: msg.seed ?? null, report: msg.report ?? null };
      // A game may keep its last moment (the quiz's final reveal) on screen a while (see app.js).
      return { ...applyScores(room, msg.leaderboard), state: 'finished', over, hold: gameOf(room).holdsOver(room.play) };
    }
    case 'local/show-final':
      return room.hold ? { ...room, hold: false } : room;
    case 'paused':
      return patchPlay(room, { paused: true, remaining: msg.remaining ?? null });
    case 'resumed': // the game puts the new deadline where its clock is
      return gameOf(room).reduce(patchPlay(room, { paused: false, remaining: null }), msg);
    default:
      return gameOf(room).reduce(room, msg);
  }
}

/** players with entries put in: one already listed is replaced where it is, a new one goes last. */
function withEntries(players, entries) {
  const fresh = new Map(entries.map((e) => [e.player, e]));
  const kept = players.map((p) => fresh.get(p.player) || p);
  const listed = new Set(players.map((p) => p.player));
  return [...kept, ...entries.filter((e) => !listed.has(e.player))];
}

// ---- a big room ----

/**
 * A big room's comings and goings (in place of player_joined, player_left and player_status):
 * its counts now, and the latest who came (`joined`, put in first) and went (`left`). The list
 * stays a few: the host, you, and the latest others. A room that has just turned big has its
 * whole list cut down the same way.
 */
function presence(room, { crowd, joined = [], left = [] }) {
  const gone = new Set(left);
  const players = withEntries(room.players, joined).filter((p) => !gone.has(p.player));
  return { ...room, crowd, players: fewOf(room, players) };
}

/** The host, you, and the latest CROWD_SHOWN others of players, in their order. */
function fewOf(room, players) {
  const always = (p) => p.player === room.host || (room.you && p.player === room.you.player);
  const latest = new Set(players.filter((p) => !always(p)).slice(-CROWD_SHOWN));
  return players.filter((p) => always(p) || latest.has(p));
}
