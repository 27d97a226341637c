// Saves a quiz a moment after each edit, with the version it was loaded at: when another tab
// (or person) saved first the server answers version_conflict, and the editor is told so
// instead of overwriting their work. Edits are "dirty" until a save of them succeeds.
import { api } from '../api.js';

const QUIET_MS = 800;
const RETRY_MS = 5000;

/** Saves on their way, by quiz id ('new' for a quiz being created): a screen that reads quizzes waits for them first. */
const inFlight = new Map();

/** Resolves once the saves on their way now have landed (or failed). */
export async function settled() {
  await Promise.allSettled([...inFlight.values()]);
}

/**
 * Autosave for quiz `id` at `version` (a new quiz has no id: its first save creates it, and
 * `created(id)` hears its id). `read()` gives { document } or { problem } (not saved while
 * there is one); `status(kind, text)` hears 'pending' | 'saved' | 'invalid' | 'error' |
 * 'conflict'. `changed()` schedules a save; `flush()` saves now and resolves to whether
 * everything is saved; `overwrite()` saves over the newer version after the user chose to keep theirs.
 */
export function autosave(id, version, read, status, created) {
  let timer = null;
  let saving = null;
  let dirty = false;
  let conflicted = false;
  let state = 'saved';

  function tell(kind, text) {
    state = kind;
    status(kind, text);
  }

  function schedule(ms) {
    clearTimeout(timer);
    timer = setTimeout(save, ms);
  }

  /** One save of what the editor holds now; resolves to whether it is all saved. */
  async function save(keepalive = false) {
    clearTimeout(timer);
    timer = null;
    while (saving) await saving.catch(() => {});
    if (conflicted) return false;
    if (!dirty) return true;
    const { document, problem } = read();
    if (problem) {
      tell('invalid', `Not saved yet: ${problem}`);
      return false;
    }
    dirty = false;
    const key = id ?? 'new';
    saving = id === null
      ? api('POST', '/api/quizzes', document, { keepalive })
      : api('PUT', `/api/quizzes/${encodeURIComponent(id)}`, { ...document, version }, { keepalive });
    inFlight.set(key, saving);
    try {
      const answer = await saving;
      version = answer.version;
      if (id === null) {
        id = answer.id;
        created(id);
      }
    } catch (error) {
      dirty = true;
      if (error.code === 'version_conflict') {
        conflicted = true;
        tell('conflict', 'Not saved: this quiz was changed in another tab or window.');
      } else {
        tell('error', `Not saved: ${error.message} Trying again shortly.`);
        schedule(RETRY_MS);
      }
      return false;
    } finally {
      if (inFlight.get(key) === saving) inFlight.delete(key);
      saving = null;
    }
    if (dirty) return save();
    if (timer === null) tell('saved', 'All changes saved');
    return true;
  }

  return {
    changed() {
      dirty = true;
      schedule(QUIET_MS);
      // A problem stays in view (and is not spoken again) until it is mended.
      if (!conflicted && state !== 'invalid') tell('pending', 'Saving…');
    },
    flush: () => save(),
    /** Saves now, in a request that outlives the page (being closed or reloaded; bodies up to 64 KiB). */
    flushOnLeaving: () => save(true),
    async overwrite() {
      try {
        ({ version } = await api('GET', `/api/quizzes/${encodeURIComponent(id)}`));
      } catch (error) {
        tell('error', `Not saved: ${error.message}`);
        return;
      }
      conflicted = false;
      await save();
    },
    /** Whether edits are not saved yet (waiting, on their way, or refused). */
    get pending() {
      return dirty || saving !== null;
    },
    stop() {
      clearTimeout(timer);
      timer = null;
    },
  };
}
