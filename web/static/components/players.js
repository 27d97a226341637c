// The player list: who plays, with badges for host, you and bots, connection state and score.
import { h } from '../dom.js';
import { playsIn } from '../room.js';

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
 * onKick (a remove button per player when given; called with the player, a server bot too),
 * scoreLabel (e.g. 'pts', 'pairs').
 */
export function playerList(room, options = {}) {
  return updatePlayerList(h('ul', { class: 'player-list', 'data-test': 'player-list', 'aria-label': 'Players' }), room, options);
}

/** Lists that have shown their first players: from then on a new entry plays its entrance. */
const shown = new WeakSet();

/**
 * Brings a list made by playerList up to date in place: an entry that did not change is kept as
 * it is (so it neither replays its entrance nor loses the focus), a changed one gets the new
 * attributes and content, and only people new to the list get a new entry, which pops in
 * (class `entering`) unless it is part of the list's first showing. Returns the list.
 */
export function updatePlayerList(list, room, { me, turn = null, onKick = null, scoreLabel = 'pts' } = {}) {
  const players = room.players.filter((p) => p.role !== 'spectator');
  const old = new Map([...list.children].map((li) => [li.dataset.playerId, li]));
  const animate = shown.has(list);
  let at = list.firstElementChild;
  for (const p of players) {
    const fresh = playerEntry(room, p, { me, turn, onKick, scoreLabel });
    let li = old.get(p.player);
    old.delete(p.player);
    if (!li) {
      li = fresh;
      if (animate) {
        li.classList.add('entering');
        li.addEventListener('animationend', () => li.classList.remove('entering'), { once: true });
      }
    } else {
      fresh.classList.toggle('entering', li.classList.contains('entering'));
      if (!li.isEqualNode(fresh)) patch(li, fresh);
    }
    if (li === at) at = at.nextElementSibling;
    else list.insertBefore(li, at);
  }
  for (const gone of old.values()) gone.remove();
  if (players.length) shown.add(list);
  return list;
}

/** Gives el the attributes and children of fresh, keeping el itself (and the focus inside it). */
function patch(el, fresh) {
  for (const { name } of [...el.attributes]) if (!fresh.hasAttribute(name)) el.removeAttribute(name);
  for (const { name, value } of [...fresh.attributes]) if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  const focused = el.contains(document.activeElement) && document.activeElement.dataset.test;
  el.replaceChildren(...fresh.childNodes);
  if (focused) {
    const again = el.querySelector(`[data-test="${CSS.escape(focused)}"]`);
    if (again) again.focus();
  }
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
    h('button', {
      type: 'button', class: 'kick', 'data-test': p.serverBot ? 'remove-bot' : 'kick', 'data-player-id': p.player,
      'aria-label': p.serverBot ? `Remove the bot ${p.name}` : `Remove ${p.name}`, onclick: () => onKick(p),
    }, '✕'));
}
