// The player list: who plays, with badges for host, you and bots, connection state and score.
import { h } from '../dom.js';
import { playsIn } from '../store.js';

/** A stable colour slot (0..7) for a player's avatar, from the id. */
export function hue(id) {
  let sum = 0;
  for (const ch of String(id)) sum = (sum * 31 + ch.charCodeAt(0)) >>> 0;
  return sum % 8;
}

export function avatar(player) {
  const initial = Array.from(player.name.trim())[0] || '?';
  return h('span', { class: `avatar hue-${hue(player.player)}`, 'aria-hidden': 'true' }, initial.toUpperCase());
}

/**
 * The list of everyone who is not a spectator. options: me (player id), turn (id on turn),
 * onKick (shown per player when given), scoreLabel (e.g. 'pts', 'pairs').
 */
export function playerList(room, { me, turn = null, onKick = null, scoreLabel = 'pts' } = {}) {
  const players = room.players.filter((p) => p.role !== 'spectator');
  return h('ul', { class: 'player-list', 'data-test': 'player-list', 'aria-label': 'Players' },
    players.map((p) => playerEntry(room, p, { me, turn, onKick, scoreLabel })));
}

function playerEntry(room, p, { me, turn, onKick, scoreLabel }) {
  const plays = playsIn(room, p.role);
  return h('li', {
    class: ['player', p.connected ? '' : 'offline', p.player === turn ? 'on-turn' : '', p.player === me ? 'me' : ''].join(' '),
    'data-test': 'player',
    'data-player-id': p.player,
    'data-connected': String(p.connected),
    'data-role': p.role,
  },
  avatar(p),
  h('span', { class: 'player-main' },
    h('span', { class: 'player-name', 'data-test': 'player-name' }, p.name),
    h('span', { class: 'badges' },
      p.role === 'host' && h('span', { class: 'badge host-badge', 'data-test': 'host-badge' }, plays ? '👑 host' : '👑 host · presenting'),
      p.player === me && h('span', { class: 'badge you-badge' }, 'you'),
      p.bot && h('span', { class: 'badge bot-badge', 'data-test': 'bot-badge' }, '🤖 bot'),
      !p.connected && h('span', { class: 'badge offline-badge', 'data-test': 'offline-badge' }, '⚠ offline'),
      p.player === turn && h('span', { class: 'badge turn-badge' }, '▶ turn'))),
  h('span', { class: 'player-score', 'data-test': 'player-score', 'aria-label': `${p.score} ${scoreLabel}` }, String(p.score)),
  onKick && p.role !== 'host' && p.player !== me &&
    h('button', { type: 'button', class: 'kick', 'data-test': 'kick', 'data-player-id': p.player, 'aria-label': `Remove ${p.name}`, onclick: () => onKick(p) }, '✕'));
}
