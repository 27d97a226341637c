// Countdowns that tick against the server's clock. A countdown element is any element with
// data-deadline (server epoch ms) and data-total (ms, for the shrinking bar); one timer updates
// them all, so screens only build them and never tick themselves.
import { h, setText } from './dom.js';
import { msUntil } from './clock.js';

/**
 * A countdown element. deadline: server epoch ms, or null when there is no clock;
 * pausedMs: the time left while paused (shown still).
 */
export function countdown({ deadline, totalMs, pausedMs = null, label = 'Time left' }) {
  const el = h('div', { class: 'countdown', 'data-test': 'countdown', role: 'timer', 'aria-label': label },
    h('span', { class: 'countdown-number' }), h('span', { class: 'countdown-bar', 'aria-hidden': 'true' }));
  if (pausedMs !== null) {
    el.classList.add('paused');
    el.dataset.remaining = String(pausedMs);
  } else if (deadline) {
    el.dataset.deadline = String(deadline);
  }
  el.dataset.total = String(totalMs || 0);
  paint(el);
  return el;
}

function paint(el) {
  const left = el.dataset.deadline ? msUntil(Number(el.dataset.deadline)) : Number(el.dataset.remaining || 0);
  const total = Number(el.dataset.total) || 1;
  const seconds = Math.ceil(left / 1000);
  setText(el.querySelector('.countdown-number'), el.dataset.deadline || el.dataset.remaining ? String(seconds) : '–');
  el.dataset.seconds = String(seconds);
  el.style.setProperty('--left', String(Math.min(1, left / total)));
  el.classList.toggle('urgent', Boolean(el.dataset.deadline) && left > 0 && left <= 5000);
}

export function startTicking() {
  setInterval(() => {
    for (const el of document.querySelectorAll('.countdown[data-deadline]')) paint(el);
  }, 200);
}
