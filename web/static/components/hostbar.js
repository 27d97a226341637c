// The host's game controls: pause or resume, skip, end.
import { h } from '../dom.js';

/** skipLabel null hides skip (a race has none). */
export function hostBar({ paused, skipLabel, send }) {
  return h('div', { class: 'host-bar', role: 'group', 'aria-label': 'Host controls' },
    paused
      ? h('button', { type: 'button', class: 'btn', 'data-test': 'resume', onclick: () => send({ type: 'resume' }) }, '▶ Resume')
      : h('button', { type: 'button', class: 'btn', 'data-test': 'pause', onclick: () => send({ type: 'pause' }) }, '⏸ Pause'),
    skipLabel && h('button', { type: 'button', class: 'btn', 'data-test': 'skip', onclick: () => send({ type: 'skip' }) }, `⏭ ${skipLabel}`),
    h('button', { type: 'button', class: 'btn btn-danger', 'data-test': 'end', onclick: () => send({ type: 'end' }) }, '⏹ End game'));
}
