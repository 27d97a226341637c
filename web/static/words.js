// Words for people: error codes, goodbye reasons, ranks, counts. Server texts stay as a fallback.

const ERRORS = {
  room_not_found: 'There is no room with that code. Check the code and try again.',
  room_full: 'That room is full.',
  banned: 'The host removed you from that room, so you cannot join it again.',
  bots_not_allowed: 'That room does not admit bots.',
  not_your_turn: 'Hold on — it is not your turn.',
  too_late: 'Too late — that question had already closed.',
  already_answered: 'You already answered this question.',
  rate_limited: 'Whoa, slow down a little!',
  too_large: 'That was too big to send.',
  not_host: 'Only the host can do that.',
  not_a_player: 'Spectators watch; they cannot play.',
  already_in_room: 'You are already in a room. Leave it first.',
  not_in_room: 'You are not in a room any more.',
  too_many_rooms: 'The server has too many rooms right now. Try again in a moment.',
  protocol_version: 'This page is out of date. Reload it.',
  internal_error: 'Something went wrong on the server. Try again.',
  offline: 'You are offline right now. Reconnecting…',
};

/** A sentence for an error; codes whose server text says it best (bad_request, wrong_state, bad_name with its bounds) use that text. */
export function errorWords(code, message) {
  if (ERRORS[code]) return ERRORS[code];
  if (message) return capitalize(message) + (/[.!?]$/.test(message) ? '' : '.');
  return 'Something went wrong.';
}

const GOODBYES = {
  kicked: 'The host removed you from the room.',
  idle: 'You were quiet for a long time, so the server hung up. Reconnecting…',
  replaced: 'This game is now open in another tab or window.',
  shutdown: 'The server is restarting. Reconnecting…',
  rate_limited: 'Too many messages too fast. Reconnecting…',
  too_large: 'A message was too large. Reconnecting…',
  slow_consumer: 'Your connection could not keep up. Reconnecting…',
};

export function goodbyeWords(reason) {
  return GOODBYES[reason] || 'The server closed the connection. Reconnecting…';
}

export function ordinal(n) {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th';
  return `${n}${suffix}`;
}

export function capitalize(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** A number as people read it: 2,417. */
export function count(n) {
  return typeof n === 'number' ? n.toLocaleString('en') : String(n);
}

export function plural(n, one, many = `${one}s`) {
  return `${count(n)} ${n === 1 ? one : many}`;
}
