// Things said to everyone at once: the screen-reader announcer and the error toast.
import { setText } from './dom.js';

const ERROR_SHOWN_MS = 10_000;
let errorTimer = null;

/** Speaks text through the polite live region (re-announces the same text too). */
export function announce(text) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  // A separate task lets screen readers notice the change even when the text repeats.
  setTimeout(() => {
    region.textContent = text;
  }, 50);
}

/** Shows the latest error in words; it hides itself after a while or when dismissed. */
export function showError(text, code) {
  const toast = document.querySelector('[data-test="error"]');
  setText(toast.querySelector('.toast-text'), text);
  toast.dataset.code = code || '';
  toast.hidden = false;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(hideError, ERROR_SHOWN_MS);
}

export function hideError() {
  clearTimeout(errorTimer);
  document.querySelector('[data-test="error"]').hidden = true;
}
