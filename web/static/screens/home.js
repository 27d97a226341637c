// Home: your name, join a room by code, host a game (each game's create form comes from its
// plug-in), and the public rooms.
import { h, fill, setText } from '../dom.js';
import { checkbox } from '../components/fields.js';
import { games } from '../games/index.js';
import { capLength } from '../limits.js';
import { count } from '../words.js';

const ROOMS_EVERY_MS = 5000;

export function homeScreen(ctx) {
  const nameInput = h('input', {
    id: 'name', class: 'input input-big', 'data-test': 'name-input', type: 'text',
    autocomplete: 'nickname', placeholder: 'e.g. Ada', value: ctx.savedName(),
    oninput: () => ctx.saveName(nameInput.value.trim()),
  });
  ctx.limits.then((limits) => capLength(nameInput, limits.maxNameChars));
  const notice = h('div', { class: 'notice', 'data-test': 'notice', role: 'status', hidden: true });

  function fail(text) {
    ctx.store.dispatch({ type: 'local/error', message: text });
  }

  /** The trimmed name, or null after telling the user to type one. */
  function name() {
    const value = nameInput.value.trim();
    if (!value) {
      fail('Type your name first — it is what the others will see.');
      nameInput.focus();
      return null;
    }
    ctx.saveName(value);
    return value;
  }

  // ---- join ----
  const codeInput = h('input', {
    id: 'join-code', class: 'input input-big code-input', 'data-test': 'join-code', type: 'text', maxlength: '6',
    autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', placeholder: 'ABC123',
    value: ctx.prefillCode || '',
    oninput: () => {
      codeInput.value = codeInput.value.toUpperCase().replace(/[^A-Z0-9]/g, '');
    },
  });
  const joinAs = h('select', { id: 'join-as', class: 'input input-big', 'data-test': 'join-as' },
    h('option', { value: 'player' }, '🎮 Play'), h('option', { value: 'spectator' }, '👀 Watch (spectator)'));
  const joinButton = h('button', { type: 'submit', class: 'btn btn-primary btn-big', 'data-test': 'join-submit' }, 'Join room');
  const joinForm = h('form', {
    class: 'card join-card',
    'aria-labelledby': 'join-title',
    onsubmit: (event) => {
      event.preventDefault();
      const who = name();
      if (!who) return;
      const code = codeInput.value.trim().toUpperCase();
      if (code.length !== 6) {
        fail('A room code has 6 letters and digits — ask the host for it.');
        codeInput.focus();
        return;
      }
      busy(joinButton);
      ctx.actions.join(who, code, joinAs.value);
    },
  },
  h('h2', { id: 'join-title', class: 'card-title' }, ctx.prefillCode ? `Join room ${ctx.prefillCode}` : 'Join a room'),
  h('div', { class: 'row' },
    h('label', { class: 'field grow' }, h('span', { class: 'label' }, 'Room code'), codeInput),
    h('label', { class: 'field' }, h('span', { class: 'label' }, 'as'), joinAs)),
  joinButton);

  // ---- create ----
  const formSlot = h('div', { class: 'create-slot' });
  let openForm = null;
  const gameButtons = new Map(Object.values(games).map((game) => [game.id, h('button', {
    type: 'button', class: `btn btn-game btn-${game.id}`, 'data-test': `create-${game.id}`, 'aria-expanded': 'false',
    onclick: () => toggle(game.id),
  }, h('span', { class: 'btn-game-icon', 'aria-hidden': 'true' }, game.icon), h('span', {}, game.title), h('small', {}, game.blurb))]));

  /** Opens the game's form (closing any other), or closes it when it is the open one. */
  function toggle(id) {
    openForm = openForm === id ? null : id;
    for (const [game, button] of gameButtons) button.setAttribute('aria-expanded', String(game === openForm));
    fill(formSlot);
    if (!openForm) return;
    // The form is made once the server's limits are known (or known to be missing), as it offers and checks them.
    ctx.limits.then((limits) => {
      if (openForm !== id || formSlot.firstChild) return;
      fill(formSlot, createForm(ctx, games[id], limits, name, fail));
      const first = formSlot.querySelector('select, input');
      if (first) first.focus();
    });
  }

  // ---- public rooms ----
  const roomList = h('ul', { class: 'room-list', 'data-test': 'room-list', 'aria-live': 'polite' });
  async function refreshRooms() {
    try {
      const response = await fetch('/api/rooms', { cache: 'no-store' });
      const { rooms } = await response.json();
      fill(roomList, rooms.length === 0
        ? h('li', { class: 'muted' }, 'No public rooms right now. Create one!')
        : rooms.map((room) => roomEntry(room)));
    } catch {
      fill(roomList, h('li', { class: 'muted' }, 'Could not load the public rooms.'));
    }
  }
  function roomEntry(room) {
    const go = (as) => {
      const who = name();
      if (who) ctx.actions.join(who, room.code, as);
    };
    return h('li', { class: 'room-entry', 'data-test': 'room-entry', 'data-code': room.code },
      h('span', { class: 'room-entry-game', 'aria-hidden': 'true' }, games[room.game]?.icon),
      h('span', { class: 'room-entry-main' },
        h('b', { class: 'mono' }, room.code),
        h('small', {}, `${room.game} · ${room.state === 'lobby' ? 'waiting to start' : room.state} · ${count(room.players)}/${count(room.max)} players`)),
      room.state !== 'finished' && h('button', { type: 'button', class: 'btn btn-small', 'data-test': 'room-join', onclick: () => go('player') }, 'Join'),
      h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-test': 'room-watch', onclick: () => go('spectator') }, 'Watch'));
  }
  refreshRooms();
  const roomsTimer = setInterval(refreshRooms, ROOMS_EVERY_MS);

  const nameCard = h('div', { class: 'card name-card' },
    h('label', { class: 'field', for: 'name' }, h('span', { class: 'card-title' }, 'Your name')), nameInput);
  const createCard = h('section', { class: 'card create-card', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title', class: 'card-title' }, 'Host a game'),
    h('div', { class: 'game-buttons' }, [...gameButtons.values()]),
    formSlot);
  const roomsCard = h('section', { class: 'card rooms-card', 'aria-labelledby': 'rooms-title' },
    h('h2', { id: 'rooms-title', class: 'card-title' }, 'Public rooms'), roomList);

  const el = h('div', { class: 'home' },
    h('header', { class: 'hero' },
      h('h1', { class: 'hero-title' }, 'Party', h('span', {}, 'line')),
      h('p', { class: 'hero-sub' }, 'Quiz nights and memory battles for the whole room — on any phone.')),
    notice,
    nameCard,
    h('div', { class: 'home-grid' },
      ctx.prefillCode ? [joinForm, createCard] : [createCard, joinForm]),
    roomsCard);

  // Arriving through a shared link: the code is there, so the name (or the join button) is next.
  queueMicrotask(() => (ctx.prefillCode && nameInput.value ? joinButton : nameInput).focus());

  return {
    el,
    update(state, prev) {
      notice.hidden = !state.notice;
      setText(notice, state.notice || '');
      if (state.error && (!prev || state.error !== prev.error)) {
        for (const button of el.querySelectorAll('button.busy')) unbusy(button);
      }
    },
    unmount() {
      clearInterval(roomsTimer);
    },
  };
}

/** Disables a submit button while its request is on its way (a double click must not create two rooms). */
function busy(button) {
  button.disabled = true;
  button.classList.add('busy');
  setTimeout(() => unbusy(button), 5000);
}

function unbusy(button) {
  button.disabled = false;
  button.classList.remove('busy');
}

/**
 * The create form of a game: its own fields (from its plug-in), then "public" and the submit
 * button. Submitting checks the name, the game's fields and the size of the message.
 */
function createForm(ctx, game, limits, name, fail) {
  const own = game.createForm(ctx, limits);
  const isPublic = h('input', { type: 'checkbox', 'data-test': 'create-public' });
  return h('form', {
    class: 'create-form',
    'aria-label': game.formTitle,
    onsubmit: (event) => {
      event.preventDefault();
      const who = name();
      if (!who) return;
      const read = own.read();
      if (read.error) {
        if (read.focus) read.focus.focus();
        return fail(read.error);
      }
      const options = { ...read.options, public: isPublic.checked };
      if (tooBig({ type: 'create', game: game.id, options }, limits.maxLineBytes)) {
        return fail(`Your ${game.title.toLowerCase()} is too big to send in one go (${kilobytes(limits.maxLineBytes)} at most): make it smaller.`);
      }
      busy(event.submitter || event.target.querySelector('[data-test="create-submit"]'));
      ctx.actions.create(who, game.id, options);
    },
  },
  h('h3', { class: 'form-title' }, `${game.icon} ${game.formTitle}`),
  own.fields,
  checkbox(isPublic, 'List it under public rooms'),
  h('button', { type: 'submit', class: 'btn btn-primary btn-big', 'data-test': 'create-submit' }, `Create ${game.title.toLowerCase()} room`));
}

/** Whether a message (with the id the connection adds) is over the server's frame size, when it said what that is. */
function tooBig(message, maxBytes) {
  return maxBytes !== undefined && new TextEncoder().encode(JSON.stringify({ ...message, id: 'c000000' })).length > maxBytes;
}

function kilobytes(bytes) {
  const kb = bytes / 1024;
  return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
}
