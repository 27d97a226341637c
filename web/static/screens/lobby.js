// Lobby: the room code and link to share, who is in, and the host's start, kick and bot controls.
import { h, fill, setText } from '../dom.js';
import { playerList, updatePlayerList } from '../components/players.js';
import { crowdCount, crowdMore, updateCrowdMore } from '../components/crowd.js';
import { gameOf } from '../games/index.js';
import { headcount, iHost, iPlay } from '../room.js';
import { plural } from '../words.js';

export function lobbyScreen(ctx, room) {
  const game = gameOf(room);
  const link = joinLink(room.code);
  const list = playerList({ players: [] });
  const players = h('div', { class: 'players-slot' }, list);
  const counts = h('p', { class: 'counts muted', 'aria-live': 'polite' });
  const more = crowdMore(room);
  const startSlot = h('div', { class: 'start-slot' });
  const start = startBox(ctx);
  const waiting = waitingLine();
  const bots = botControl(ctx);

  const el = h('div', { class: 'lobby' },
    h('section', { class: 'share card', 'aria-label': 'Invite people' },
      h('p', { class: 'share-lead' }, 'Join on your phone with this code'),
      h('div', { class: 'code-row' },
        h('output', { class: 'room-code mono', 'data-test': 'room-code', 'aria-label': `Room code ${spell(room.code)}` }, room.code),
        copyButton('Copy code', room.code, 'copy-code')),
      h('div', { class: 'link-row' },
        h('a', { class: 'join-link', 'data-test': 'join-link', href: link }, link),
        copyButton('Copy link', link, 'copy-link'))),
    h('section', { class: 'card lobby-players', 'aria-label': 'Who is here' },
      h('h2', { class: 'card-title' }, `${game.icon} ${game.title}`),
      h('p', { class: 'muted' }, game.summary(room.options)),
      counts,
      players,
      more,
      bots),
    startSlot);

  return {
    el,
    update(state) {
      const r = state.room;
      const me = state.me && state.me.player;
      const host = iHost(r);
      updatePlayerList(list, r, { me, scoreLabel: game.unit, onKick: host ? (p) => ctx.send(p.serverBot ? { type: 'remove_bot', player: p.player } : { type: 'kick', player: p.player }) : null });
      updateCrowdMore(more, r);
      bots.hidden = !host || r.options.bots === false;
      const { players: playing, spectators } = headcount(r);
      // A big room's counts change a few times a second: shown, not read out each time.
      counts.setAttribute('aria-live', r.crowd ? 'off' : 'polite');
      if (r.crowd) {
        fill(counts, crowdCount(r));
      } else {
        setText(counts, `${plural(playing, 'player')} · `);
        counts.append(h('span', { 'data-test': 'spectator-count', 'data-count': String(spectators) }, plural(spectators, 'spectator')));
      }
      setText(start.note, playing === 0 ? 'Waiting for the first player to join…' : `${plural(playing, 'player')} ready.`);
      setText(waiting.note, iPlay(r) ? ' You are in! Waiting for the host to start…' : ' Watching. Waiting for the host to start…');
      // Put in only when it changes, so the Start button keeps the focus while people come and go.
      const shown = host ? start.el : waiting.el;
      if (startSlot.firstChild !== shown) fill(startSlot, shown);
    },
  };
}

/** The host's Start button with a note on who is ready; made once. */
function startBox(ctx) {
  const note = h('p', { class: 'muted' });
  const el = h('div', { class: 'start-box' },
    h('button', { type: 'button', class: 'btn btn-primary btn-huge', 'data-test': 'start', onclick: () => ctx.send({ type: 'start' }) }, '▶ Start the game'),
    note);
  return { el, note };
}

/** What the others see until the host starts; made once. */
function waitingLine() {
  const note = h('span');
  const el = h('p', { class: 'waiting', role: 'status' }, h('span', { class: 'dots', 'aria-hidden': 'true' }, '● ● ●'), note);
  return { el, note };
}

/** The host's "Add bot" button and the skill of the next bot; made once, so the chosen skill stays put. */
function botControl(ctx) {
  const skill = h('select', { class: 'input', 'data-test': 'bot-skill', 'aria-label': 'Bot skill' },
    h('option', { value: '0.3' }, 'Easy'),
    h('option', { value: '0.7', selected: true }, 'Normal'),
    h('option', { value: '1' }, 'Hard'));
  return h('div', { class: 'bot-row', hidden: true },
    skill,
    h('button', { type: 'button', class: 'btn btn-small', 'data-test': 'add-bot', onclick: () => ctx.send({ type: 'add_bot', skill: Number(skill.value) }) }, '🤖 Add bot'));
}

export function joinLink(code) {
  return `${location.origin}/join/${code}`;
}

/** "A B C" so a screen reader reads a code letter by letter. */
function spell(code) {
  return code.split('').join(' ');
}

function copyButton(label, text, test) {
  const button = h('button', {
    type: 'button', class: 'btn btn-small', 'data-test': test,
    onclick: async () => {
      const ok = await copy(text);
      setText(button, ok ? '✓ Copied' : 'Select and copy');
      setTimeout(() => setText(button, label), 1500);
    },
  }, label);
  return button;
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (plain http on a LAN address): copy through a temporary text field.
    const field = h('textarea', { class: 'offscreen', readonly: true, value: text });
    document.body.append(field);
    field.select();
    const ok = document.execCommand('copy');
    field.remove();
    return ok;
  }
}
