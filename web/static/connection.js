// The WebSocket to the server: hello (resuming the seat when a session token is kept), heartbeat
// and clock-offset pings, and reconnecting with exponential backoff and jitter.
import { addSample } from './clock.js';

const TOKEN_KEY = 'partyline.session';
const PING_EVERY_MS = 10_000;
const SILENCE_LIMIT_MS = 30_000; // nothing heard for this long: the link is dead, reconnect
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 10_000;

/**
 * status: 'idle' (no socket and nothing to say hello with), 'connecting' (first attempt),
 * 'open' (welcomed), 'reconnecting' (lost, retrying), 'stopped' (replaced by another tab;
 * waits for start()).
 * onMessage gets every server message, plus {type:'sync'} once the server has answered the
 * first ping after a welcome: on a resumed session the room snapshot, if any, comes before it.
 */
export function createConnection({ url, onMessage, onStatus }) {
  let ws = null;
  let status = 'idle';
  let name = null;
  let attempts = 0;
  let retryTimer = null;
  let pingTimer = null;
  let lastHeard = 0;
  let helloSentAt = 0;
  let syncPing = null; // t of the first ping after a welcome
  let nextId = 1;

  const token = {
    get: () => sessionStorage.getItem(TOKEN_KEY),
    set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
    clear: () => sessionStorage.removeItem(TOKEN_KEY),
  };

  function setStatus(next) {
    if (next === status) return;
    status = next;
    onStatus(status);
  }

  function hello() {
    const session = token.get();
    helloSentAt = Date.now();
    if (session) raw({ type: 'hello', session, protocol: 1 });
    else raw({ type: 'hello', name, protocol: 1, client: 'partyline-web/1' });
  }

  function raw(message) {
    ws.send(JSON.stringify(message));
  }

  function open() {
    clearTimeout(retryTimer);
    if (!token.get() && !name) {
      setStatus('idle');
      return;
    }
    const socket = new WebSocket(url);
    ws = socket;
    socket.onopen = () => {
      lastHeard = Date.now();
      hello();
    };
    socket.onmessage = (event) => {
      lastHeard = Date.now();
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message && typeof message.type === 'string') receive(message, lastHeard);
    };
    socket.onclose = () => {
      if (ws === socket) lost();
    };
  }

  function receive(message, receivedAt) {
    switch (message.type) {
      case 'welcome':
        token.set(message.session);
        addSample(message.now, helloSentAt, receivedAt);
        attempts = 0;
        setStatus('open');
        onMessage(message);
        startPings();
        return;
      case 'ping':
        raw({ type: 'pong', t: message.t });
        return;
      case 'pong':
        if (typeof message.t === 'number') addSample(message.now, message.t, receivedAt);
        if (syncPing !== null && message.t === syncPing) {
          syncPing = null;
          onMessage({ type: 'sync' });
        }
        return;
      case 'error':
        if (message.code === 'bad_session') {
          // The seat is gone (expired or the server restarted): start afresh under our name.
          token.clear();
          if (name) hello();
          else stopSocket('idle');
          onMessage({ type: 'session_lost' });
          return;
        }
        break;
      case 'goodbye':
        if (message.reason === 'replaced') stopSocket('stopped');
        break;
      default:
        break;
    }
    onMessage(message);
  }

  function ping() {
    if (status !== 'open') return;
    if (Date.now() - lastHeard > SILENCE_LIMIT_MS) {
      lost();
      return;
    }
    raw({ type: 'ping', t: Date.now() });
  }

  function startPings() {
    clearInterval(pingTimer);
    syncPing = Date.now();
    raw({ type: 'ping', t: syncPing });
    // A few quick samples sharpen the clock offset early; then a steady heartbeat.
    setTimeout(ping, 400);
    setTimeout(ping, 1200);
    pingTimer = setInterval(ping, PING_EVERY_MS);
  }

  function detach() {
    clearInterval(pingTimer);
    if (ws) {
      const socket = ws;
      ws = null;
      socket.onopen = socket.onmessage = socket.onclose = null;
      try {
        socket.close();
      } catch {
        /* already closed */
      }
    }
  }

  function stopSocket(nextStatus) {
    detach();
    clearTimeout(retryTimer);
    setStatus(nextStatus);
  }

  /** The socket died: retry after 0.5 s, 1 s, 2 s, … up to 10 s, each with jitter. */
  function lost() {
    detach();
    setStatus('reconnecting');
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempts);
    attempts += 1;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(open, ceiling / 2 + Math.random() * (ceiling / 2));
  }

  // Retry at once when the network or the tab comes back.
  const retrySoon = () => {
    if (status === 'reconnecting') open();
  };
  window.addEventListener('online', retrySoon);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') retrySoon();
  });

  return {
    get status() {
      return status;
    },
    get hasSession() {
      return token.get() !== null;
    },
    /** Connects (resuming a kept session), or with fresh: true starts a new session as `as`. */
    start({ as, fresh = false } = {}) {
      if (as) name = as;
      if (fresh) token.clear();
      detach();
      setStatus(status === 'reconnecting' ? 'reconnecting' : 'connecting');
      open();
    },
    /** Sends a message with a fresh id; returns the id, or null when not connected. */
    send(message) {
      if (status !== 'open' || !ws) return null;
      const id = `c${nextId++}`;
      raw({ ...message, id });
      return id;
    },
  };
}
