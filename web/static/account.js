// Who is signed in (GET /api/me), and signing up, in and out. Screens subscribe to changes.
import { api, SIGNED_OUT } from './api.js';

let me; // undefined: not asked yet; null: signed out; { id, name }
let asking = null;
const listeners = new Set();

function set(value) {
  me = value;
  for (const listener of listeners) listener(me);
}

/** Resolves to the account signed in, or null; asks the server once. */
export function currentAccount() {
  if (me !== undefined) return Promise.resolve(me);
  asking ||= api('GET', '/api/me').then(set, () => set(null)).then(() => me);
  return asking;
}

/** Calls listener(account or null) once it is known, and on every change; returns the unsubscribe. */
export function onAccount(listener) {
  listeners.add(listener);
  if (me === undefined) currentAccount(); // its answer reaches every listener
  else listener(me);
  return () => listeners.delete(listener);
}

window.addEventListener(SIGNED_OUT, () => me && set(null));

export async function signUp(name, password) {
  set(await api('POST', '/api/accounts', { name, password }));
  return me;
}

export async function signIn(name, password) {
  set(await api('POST', '/api/login', { name, password }));
  return me;
}

export async function signOut() {
  await api('POST', '/api/logout');
  set(null);
}
