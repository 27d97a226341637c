// Bootstrap: wires the connection to the store, keeps the right screen mounted, and holds the
// few actions that need a session (create, join, leave).
import { h, fill, setText } from './dom.js';
import { createConnection } from './connection.js';
import { createStore, initialState, reduce, screenOf } from './store.js';
import { iPlay } from './room.js';
import { clockOffset } from './clock.js';
import { startTicking } from './countdown.js';
import { loadLimits } from './limits.js';
import { showError, hideError } from './live.js';
import { errorWords, goodbyeWords } from './words.js';
import { createChat } from './components/chat.js';
import { gameOf } from './games/index.js';
import { homeScreen } from './screens/home.js';
import { lobbyScreen } from './screens/lobby.js';
import { gameOverScreen } from './screens/gameover.js';
import { libraryRoute } from './library/routes.js';
import { accountNav } from './library/account-nav.js';

const NAME_KEY = 'partyline.name';

const store = createStore(reduce, initialState);
const connection = createConnection({
  url: socketUrl(),
  onMessage: received,
  onStatus: (status) => store.dispatch({ type: 'conn', status }),
});

// ---- actions ----

let afterWelcome = null; // what to do once the (new) session is welcomed

function send(message) {
  const id = connection.send(message);
  if (!id) store.dispatch({ type: 'local/error', code: 'offline', message: errorWords('offline') });
  return id;
}

/** Runs `run` on a session named `name`: the current one, or a fresh one when the name changed. */
function withSession(name, run) {
  const me = store.getState().me;
  const sameName = Boolean(me && me.name === name);
  if (connection.status === 'open' && sameName) {
    run();
    return;
  }
  afterWelcome = run;
  connection.start({ as: name, fresh: !sameName });
}

const actions = {
  create: (name, game, options) => withSession(name, () => send({ type: 'create', game, options })),
  join: (name, code, as) => withSession(name, () => send({ type: 'join', room: code, as })),
  leave: () => {
    if (!connection.send({ type: 'leave' })) store.dispatch({ type: 'left' });
  },
};

function received(message) {
  store.dispatch(message);
  if (message.type === 'welcome' && afterWelcome) {
    const run = afterWelcome;
    afterWelcome = null;
    run();
  } else if (message.type === 'error') {
    afterWelcome = null;
  } else if (message.type === 'goodbye' && message.reason !== 'kicked' && message.reason !== 'replaced') {
    store.dispatch({ type: 'local/error', code: message.reason, message: goodbyeWords(message.reason) });
  }
}

// ---- where things are ----

/** ws(s)://this-host/ws; on localhost a ?ws= parameter may point elsewhere (development). */
function socketUrl() {
  const override = new URLSearchParams(location.search).get('ws');
  if (override && ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname)) return override;
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

/** The room code from /join/CODE or /#CODE, if any. */
function codeFromUrl() {
  const path = location.pathname.match(/^\/join\/([A-Za-z0-9]{4,8})\/?$/);
  const hash = location.hash.match(/^#([A-Za-z0-9]{4,8})$/);
  const code = (path && path[1]) || (hash && hash[1]);
  return code ? code.toUpperCase() : null;
}

const ctx = {
  store,
  send,
  actions,
  prefillCode: codeFromUrl(),
  savedName: () => localStorage.getItem(NAME_KEY) || '',
  saveName: (name) => localStorage.setItem(NAME_KEY, name),
  limits: loadLimits(), // read once; the page renders at once and applies them when they come (see limits.js)
};

// ---- rendering ----

const screenEl = document.querySelector('[data-test="screen"]');
const stage = document.getElementById('stage');
const side = document.getElementById('side');
const banner = document.querySelector('[data-test="reconnecting"]');
const replaced = document.getElementById('replaced');
const topRoom = document.getElementById('topbar-room');
const topMe = document.getElementById('topbar-me');

let current = null; // { key, view }
let chat = null; // { code, view }

const SCREENS = { home: homeScreen, lobby: lobbyScreen, 'game-over': gameOverScreen };

let route = libraryRoute(location.hash); // the library's screen asked for, if any (out of a room)

/** The screen to mount: the library's asked for, a generic one, or else the room's game's own (one view for all its data-screens). */
function screenView(state) {
  if (route && !state.room) return { key: `library:${route.key}`, make: route.make };
  const screen = screenOf(state);
  const generic = SCREENS[screen];
  const kind = generic ? screen : state.room.game;
  return { key: state.room ? `${kind}:${state.room.code}` : kind, make: generic || gameOf(state.room).screen };
}

function render(state, prev) {
  // Back from a room: the address may have changed meanwhile (a new quiz's first save names it).
  if (prev && prev.room && !state.room) route = libraryRoute(location.hash);
  const { key, make } = screenView(state);
  if (!current || current.key !== key) {
    if (current && current.view.unmount) current.view.unmount();
    const view = make(ctx, state.room);
    current = { key, view };
    fill(stage, view.el);
    view.update(state, null);
    window.scrollTo(0, 0);
  } else {
    current.view.update(state, prev);
  }
  screenEl.dataset.screen = route && !state.room ? route.screen : screenOf(state);
  document.body.classList.toggle('in-room', Boolean(state.room));
  document.body.classList.toggle('resuming', state.resuming && !state.room);
  document.body.classList.toggle('display', Boolean(state.room) && !iPlay(state.room));

  renderChat(state);
  renderChrome(state, prev);
  holdFinal(state);
}

/** A game's last moment (the quiz's final reveal) stays up this long before the podium. */
const FINAL_HOLD_MS = 4000;
let finalTimer = null;

function holdFinal(state) {
  const holding = Boolean(state.room && state.room.hold);
  if (holding && !finalTimer) {
    finalTimer = setTimeout(() => {
      finalTimer = null;
      store.dispatch({ type: 'local/show-final' });
    }, FINAL_HOLD_MS);
  }
}

function renderChat(state) {
  if (!state.room) {
    if (chat) fill(side);
    chat = null;
    return;
  }
  if (!chat || chat.code !== state.room.code) {
    chat = { code: state.room.code, view: createChat((text) => send({ type: 'chat', text }), ctx.limits) };
    fill(side, chat.view.el);
  }
  chat.view.update(state.room.chat);
}

function renderChrome(state, prev) {
  banner.hidden = state.conn !== 'reconnecting';
  replaced.hidden = state.conn !== 'stopped';
  screenEl.inert = state.conn === 'stopped'; // this tab no longer plays: nothing in it can be pressed
  if (state.room) {
    fill(topRoom,
      h('span', { class: 'topbar-code mono', 'aria-label': 'Room code' }, state.room.code),
      h('button', { type: 'button', class: 'btn btn-small btn-ghost', 'data-test': 'leave', onclick: actions.leave }, 'Leave'));
  } else {
    fill(topRoom);
  }
  setText(topMe, state.me ? state.me.name : '');
  topMe.classList.toggle('online', state.conn === 'open');
  if (state.error !== (prev && prev.error)) {
    if (state.error) showError(errorWords(state.error.code, state.error.message), state.error.code);
    else hideError();
  }
}

// ---- start ----

document.querySelector('[data-test="error"] .toast-close').addEventListener('click', () => store.dispatch({ type: 'local/dismiss-error' }));
document.getElementById('play-here').addEventListener('click', () => connection.start());
window.addEventListener('hashchange', () => {
  ctx.prefillCode = codeFromUrl();
  route = libraryRoute(location.hash);
  if (!store.getState().room) {
    if (current && current.view.unmount) current.view.unmount();
    current = null;
    render(store.getState(), null);
  }
});
accountNav(document.getElementById('topbar-account'));

store.subscribe(render);
render(store.getState(), null);
startTicking();
// A kept session (a refresh, a dropped network) takes its seat back; otherwise we connect on
// the first create or join, when there is a name to say hello with.
if (connection.hasSession) {
  store.dispatch({ type: 'local/resuming' });
  connection.start({ as: ctx.savedName() || undefined });
}

/** Read-only hooks for browser tests. */
Object.defineProperty(window, 'partyline', {
  value: Object.freeze({
    get state() {
      return structuredClone(store.getState());
    },
    get playerId() {
      const me = store.getState().me;
      return me ? me.player : null;
    },
    get connected() {
      return connection.status === 'open';
    },
    get clockOffset() {
      return clockOffset();
    },
  }),
});
