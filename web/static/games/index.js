// The games this client knows: the one place that lists them. Everything game-specific is in a
// game's plug-in; the store, the screens and the home page reach it only through `games`.
//
// A plug-in is an object with:
//   id, icon, title, blurb      the game's id (as the server names it) and how the home page shows it
//   formTitle                   the heading of its create form ("New quiz")
//   unit                        what its scores count, for standings ('pts', 'pairs')
//   hostPlays(options)          whether the host of a room with these options plays
//   fromSnapshot(snapshot, prev) its state (`room.play`) from a `room` snapshot; prev is the state it had
//                               in the same room before (or null). It holds `paused` and `remaining`
//                               (ms left while paused), which the generic reducer sets on `paused`/`resumed`
//   reduce(room, message)       the room after one of its events (and `resumed`, `error` and its own
//                               `local/...` actions); a room it has nothing to do with is returned as is
//   screenOf(play)              the data-screen value while it runs ('quiz-question', 'memory', ...)
//   holdsOver(play)             whether this last moment stays on screen a while after game_over
//   screen(ctx)                 the screen while it runs: { el, update(state, prev), unmount?() }
//   createForm(ctx, limits)     its fields on the home page, within the server's limits (/api/limits, its
//                               own under its id; {} when unknown, see limits.js): { fields, read() }, read() giving
//                               { options } for `create`, or { error, focus? } said in words
//   summary(options)            a line about a room's options, for the lobby
import { memory } from './memory.js';
import { quiz } from './quiz.js';

export const games = { quiz, memory };

/** The plug-in of a room's game (a room or a room snapshot). */
export const gameOf = (room) => games[room.game];
