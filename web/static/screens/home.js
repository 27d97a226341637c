// Home: your name, join a room by code, create a quiz or memory room, and the public rooms.
import { h, fill, setText } from '../dom.js';
import { parseQuestions, EXAMPLE } from '../questions.js';
import { plural } from '../words.js';

const ROOMS_EVERY_MS = 5000;
const MAX_FRAME_BYTES = 8000; // the server's frame limit is 8 KiB; a bigger create would be refused

export function homeScreen(ctx) {
  const nameInput = h('input', {
    id: 'name', class: 'input input-big', 'data-test': 'name-input', type: 'text', maxlength: '24',
    autocomplete: 'nickname', placeholder: 'e.g. Ada', value: ctx.savedName(),
    oninput: () => ctx.saveName(nameInput.value.trim()),
  });
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
  const createQuizButton = h('button', {
    type: 'button', class: 'btn btn-game btn-quiz', 'data-test': 'create-quiz', 'aria-expanded': 'false',
    onclick: () => toggle('quiz'),
  }, h('span', { class: 'btn-game-icon', 'aria-hidden': 'true' }, '🧠'), h('span', {}, 'Quiz'), h('small', {}, 'Kahoot-style questions'));
  const createMemoryButton = h('button', {
    type: 'button', class: 'btn btn-game btn-memory', 'data-test': 'create-memory', 'aria-expanded': 'false',
    onclick: () => toggle('memory'),
  }, h('span', { class: 'btn-game-icon', 'aria-hidden': 'true' }, '🃏'), h('span', {}, 'Memory'), h('small', {}, 'Find the pairs'));

  function toggle(which) {
    openForm = openForm === which ? null : which;
    createQuizButton.setAttribute('aria-expanded', String(openForm === 'quiz'));
    createMemoryButton.setAttribute('aria-expanded', String(openForm === 'memory'));
    fill(formSlot, openForm === 'quiz' ? quizForm(ctx, name, fail) : openForm === 'memory' ? memoryForm(ctx, name, fail) : null);
    const first = formSlot.querySelector('select, input');
    if (first) first.focus();
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
      h('span', { class: 'room-entry-game', 'aria-hidden': 'true' }, room.game === 'memory' ? '🃏' : '🧠'),
      h('span', { class: 'room-entry-main' },
        h('b', { class: 'mono' }, room.code),
        h('small', {}, `${room.game} · ${room.state === 'lobby' ? 'waiting to start' : room.state} · ${room.players}/${room.max} players`)),
      room.state !== 'finished' && h('button', { type: 'button', class: 'btn btn-small', 'data-test': 'room-join', onclick: () => go('player') }, 'Join'),
      h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-test': 'room-watch', onclick: () => go('spectator') }, 'Watch'));
  }
  refreshRooms();
  const roomsTimer = setInterval(refreshRooms, ROOMS_EVERY_MS);

  const nameCard = h('div', { class: 'card name-card' },
    h('label', { class: 'field', for: 'name' }, h('span', { class: 'card-title' }, 'Your name')), nameInput);
  const createCard = h('section', { class: 'card create-card', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title', class: 'card-title' }, 'Host a game'),
    h('div', { class: 'game-buttons' }, createQuizButton, createMemoryButton),
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

function field(label, input, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'label' }, label), input, hint && h('small', { class: 'hint' }, hint));
}

function publicToggle() {
  return h('input', { type: 'checkbox', 'data-test': 'create-public' });
}

function checkbox(input, label) {
  return h('label', { class: 'check' }, input, h('span', {}, label));
}

function quizForm(ctx, name, fail) {
  const pack = h('select', { class: 'input', 'data-test': 'quiz-pack' }, h('option', { value: 'custom' }, '✍ My own questions (below)'));
  const packInfo = h('small', { class: 'hint' });
  const packs = new Map();
  ctx.packs().then((list) => {
    for (const p of list) packs.set(p.id, p);
    pack.prepend(...list.map((p) => h('option', { value: p.id }, `${p.title} (${plural(p.questions, 'question')})`)));
    if (!questions.value.trim()) pack.value = list.length ? list[0].id : 'custom';
    describe();
  });
  const describe = () => {
    const p = packs.get(pack.value);
    setText(packInfo, p ? p.description : 'Paste questions as JSON below, or load a .json file.');
  };
  pack.addEventListener('change', describe);

  const questions = h('textarea', {
    class: 'input mono', 'data-test': 'quiz-questions', rows: '6', spellcheck: 'false',
    placeholder: EXAMPLE, 'aria-label': 'Your own questions, as JSON',
    oninput: () => {
      if (questions.value.trim()) pack.value = 'custom';
      describe();
    },
  });
  const file = h('input', {
    type: 'file', accept: '.json,application/json', class: 'file', 'data-test': 'quiz-file', 'aria-label': 'Load questions from a JSON file',
    onchange: async () => {
      const chosen = file.files && file.files[0];
      if (!chosen) return;
      questions.value = await chosen.text();
      pack.value = 'custom';
      describe();
    },
  });
  const example = h('button', {
    type: 'button', class: 'btn btn-small btn-ghost',
    onclick: () => {
      questions.value = EXAMPLE;
      pack.value = 'custom';
      describe();
    },
  }, 'Insert an example');
  const seconds = h('input', { class: 'input', type: 'number', min: '5', max: '120', value: '20', 'data-test': 'quiz-seconds' });
  const count = h('input', { class: 'input', type: 'number', min: '1', max: '100', placeholder: 'all', 'data-test': 'quiz-count' });
  const hostPlays = h('input', { type: 'checkbox', 'data-test': 'quiz-host-plays' });
  const isPublic = publicToggle();

  return h('form', {
    class: 'create-form',
    'aria-label': 'New quiz',
    onsubmit: (event) => {
      event.preventDefault();
      const who = name();
      if (!who) return;
      const options = { seconds: Number(seconds.value) || 20, hostPlays: hostPlays.checked, public: isPublic.checked };
      if (options.seconds < 5 || options.seconds > 120) return fail('Seconds per question must be between 5 and 120.');
      if (pack.value === 'custom') {
        const parsed = parseQuestions(questions.value);
        if (parsed.error) {
          questions.focus();
          return fail(parsed.error);
        }
        options.questions = parsed.questions;
      } else {
        options.pack = pack.value;
      }
      if (count.value) {
        const n = Number(count.value);
        const max = options.questions ? options.questions.length : (packs.get(pack.value) || {}).questions || 100;
        if (!Number.isInteger(n) || n < 1 || n > max) return fail(`Number of questions must be between 1 and ${max}.`);
        options.count = n;
      }
      if (new TextEncoder().encode(JSON.stringify({ type: 'create', game: 'quiz', options, id: 'c000' })).length > MAX_FRAME_BYTES) {
        return fail('Those questions are too long to send in one go (8 KB at most). Use fewer or shorter questions.');
      }
      busy(event.submitter || event.target.querySelector('[data-test="create-submit"]'));
      ctx.actions.create(who, 'quiz', options);
    },
  },
  h('h3', { class: 'form-title' }, '🧠 New quiz'),
  field('Questions', pack, packInfo),
  h('div', { class: 'custom-questions' }, questions, h('div', { class: 'row' }, file, example)),
  h('div', { class: 'row' }, field('Seconds per question', seconds), field('How many questions', count)),
  checkbox(hostPlays, 'I play too (otherwise this screen presents the quiz)'),
  checkbox(isPublic, 'List it under public rooms'),
  h('button', { type: 'submit', class: 'btn btn-primary btn-big', 'data-test': 'create-submit' }, 'Create quiz room'));
}

function memoryForm(ctx, name, fail) {
  const sides = [2, 3, 4, 5, 6, 7, 8];
  const side = (test) => h('select', { class: 'input', 'data-test': test }, sides.map((n) => h('option', { value: String(n), selected: n === 4 }, String(n))));
  const rows = side('memory-rows');
  const cols = side('memory-cols');
  const size = h('small', { class: 'hint', 'aria-live': 'polite' });
  const describe = () => {
    const cards = Number(rows.value) * Number(cols.value);
    setText(size, cards % 2 ? `${cards} cards is odd — make rows or columns even.` : `${cards} cards, ${cards / 2} pairs`);
  };
  rows.addEventListener('change', describe);
  cols.addEventListener('change', describe);
  describe();
  const mode = h('select', { class: 'input', 'data-test': 'memory-mode' },
    h('option', { value: 'turns' }, 'Take turns on one board'), h('option', { value: 'race' }, 'Race — everyone on their own board'));
  const turnSeconds = h('input', { class: 'input', type: 'number', min: '3', max: '300', value: '15', 'data-test': 'memory-turn-seconds' });
  const isPublic = publicToggle();

  return h('form', {
    class: 'create-form',
    'aria-label': 'New memory game',
    onsubmit: (event) => {
      event.preventDefault();
      const who = name();
      if (!who) return;
      const options = { rows: Number(rows.value), cols: Number(cols.value), mode: mode.value, public: isPublic.checked };
      if ((options.rows * options.cols) % 2) return fail('The board needs an even number of cards: make rows or columns even.');
      const t = Number(turnSeconds.value) || 15;
      if (t < 3 || t > 300) return fail('Seconds per turn must be between 3 and 300.');
      if (options.mode === 'turns') options.turnSeconds = t;
      busy(event.submitter || event.target.querySelector('[data-test="create-submit"]'));
      ctx.actions.create(who, 'memory', options);
    },
  },
  h('h3', { class: 'form-title' }, '🃏 New memory game'),
  h('div', { class: 'row' }, field('Rows', rows), h('span', { class: 'times', 'aria-hidden': 'true' }, '×'), field('Columns', cols)),
  size,
  field('Mode', mode),
  field('Seconds per turn', turnSeconds, 'Turns mode only'),
  checkbox(isPublic, 'List it under public rooms'),
  h('button', { type: 'submit', class: 'btn btn-primary btn-big', 'data-test': 'create-submit' }, 'Create memory room'));
}
