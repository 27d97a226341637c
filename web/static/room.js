// Facts about a room in the store (who plays, who hosts) and the small updates of its players
// that the store and the games' reducers share. Rooms are plain data, replaced, never mutated.

/** How many others a big room (more than 100 members) names beside the host and you, and the top a big race shows: the server's Crowd.SHOWN. */
export const CROWD_SHOWN = 10;

/** Whether the member with this role takes part in the room's game (the host only when the game says so). */
export function playsIn(room, role) {
  return role === 'player' || (role === 'host' && room.hostPlays);
}

/** Whether you play: a player promoted to host mid-game keeps playing (the game knows its seats). */
export const iPlay = (room) => Boolean(room && room.you && (room.you.plays ?? playsIn(room, room.you.role)));
export const iHost = (room) => Boolean(room && room.you && room.you.role === 'host');

/**
 * How many play, watch, and play connected now: the server's counts in a big room (`room.crowd`,
 * whose list names only a few), counted from the list in a small one.
 */
export function headcount(room) {
  if (room.crowd) return room.crowd;
  const players = room.players.filter((p) => playsIn(room, p.role));
  return {
    players: players.length,
    spectators: room.players.filter((p) => p.role === 'spectator').length,
    connected: players.filter((p) => p.connected).length,
  };
}

export function patchPlayers(room, fn) {
  return { ...room, players: room.players.map(fn) };
}

/** The scores of a leaderboard ([{player, score}]) put on the players. */
export function applyScores(room, entries) {
  const scores = new Map(entries.map((e) => [e.player, e.score]));
  return patchPlayers(room, (p) => (scores.has(p.player) ? { ...p, score: scores.get(p.player) } : p));
}

/** The room with its game's state (`room.play`) patched. */
export function patchPlay(room, patch) {
  return { ...room, play: { ...room.play, ...patch } };
}
