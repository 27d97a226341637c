// Saves a quiz a moment after each edit, with the version it was loaded at: when another tab
// (or person) saved first the server answers version_conflict, and the editor is told so
// instead of overwriting their work.
import { api } from '../api.js';

const QUIET_MS = 800;

/**
 * Autosave for quiz `id` at `version` (a new quiz has no id: its first save creates it, and
 * `created(id)` hears its id). `read()` gives { document } or { problem } (not saved
 * while there is one); `status(kind, text)` hears 'pending' | 'saving' | 'saved' | 'invalid' |
 * 'error' | 'conflict'. `changed()` schedules a save; `flush()` saves now; `overwrite()` saves over the
 * newer version after the user chose to keep theirs.
 */
export function autosave(id, version, read, status, created) {
  let timer = null;
  let saving = null;
  let again = false;
  let conflicted = false;

  async function save(keepalive = false) {
    clearTimeout(timer);
    timer = null;
    if (conflicted) return;
    if (saving) {
      again = true;
      return;
    }
    const { document, problem } = read();
    if (problem) {
      status('invalid', `Not saved yet: ${problem}`);
      return;
    }
    status('saving', 'Saving…');
    saving = id === null
      ? api('POST', '/api/quizzes', document)
      : api('PUT', `/api/quizzes/${encodeURIComponent(id)}`, { ...document, version }, { keepalive });
    try {
      const answer = await saving;
      version = answer.version;
      if (id === null) {
        id = answer.id;
        created(id);
      }
      status('saved', 'All changes saved');
    } catch (error) {
      if (error.code === 'version_conflict') {
        conflicted = true;
        status('conflict', 'This quiz was changed in another tab or window, and your last edits are not saved.');
      } else {
        status('error', `Not saved: ${error.message}`);
      }
    } finally {
      saving = null;
    }
    if (again) {
      again = false;
      save();
    }
  }

  return {
    changed() {
      clearTimeout(timer);
      timer = setTimeout(save, QUIET_MS);
      if (!conflicted) status('pending', 'Unsaved changes…');
    },
    flush: () => save(),
    /** Saves now, in a request that outlives the page (it is being closed or reloaded). */
    flushOnLeaving: () => save(true),
    async overwrite() {
      ({ version } = await api('GET', `/api/quizzes/${encodeURIComponent(id)}`));
      conflicted = false;
      await save();
    },
    get pending() {
      return timer !== null || saving !== null;
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
