// A big room (more than 100 members): the server counts its crowd (`room.crowd`) and names only a
// few of it (`room.players`: the host, you, the latest to come). These show the counts, and how
// many more there are than the names on screen, so that no screen draws an entry per player.
import { h, setText } from '../dom.js';
import { playsIn } from '../room.js';
import { count, plural } from '../words.js';

/** "2,417 players · 3 watching · 7 away": a big room's counts, with data-players, data-spectators and data-connected. */
export function crowdCount(room) {
  const { players, spectators, connected } = room.crowd;
  const away = players - connected;
  return h('span', {
    class: 'crowd-count', 'data-test': 'crowd-count',
    'data-players': String(players), 'data-spectators': String(spectators), 'data-connected': String(connected),
  },
  h('strong', {}, plural(players, 'player')),
  ` · ${count(spectators)} watching`,
  away > 0 && ` · ${count(away)} away`);
}

/** The line under a big room's few names, "…and 2,405 more players"; hidden in a small room. See updateCrowdMore. */
export function crowdMore(room) {
  return updateCrowdMore(h('p', { class: 'crowd-more muted', 'data-test': 'crowd-more' }), room);
}

/** Brings a line made by crowdMore up to date in place: its text and data-count (the players not named). */
export function updateCrowdMore(el, room) {
  const named = room.players.filter((p) => playsIn(room, p.role)).length;
  const more = room.crowd ? Math.max(0, room.crowd.players - named) : 0;
  el.hidden = more === 0;
  el.dataset.count = String(more);
  setText(el, `…and ${plural(more, 'more player', 'more players')}`);
  return el;
}
