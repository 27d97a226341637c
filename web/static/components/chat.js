// The chat panel: a log that only appends new lines, and a one-line form.
import { h } from '../dom.js';
import { capLength } from '../limits.js';
import { hue } from './players.js';

/** send(text) sends a line; limits is the promise of the server's limits (the line's length). */
export function createChat(send, limits) {
  const log = h('ol', { class: 'chat-log', 'data-test': 'chat-log', role: 'log', 'aria-label': 'Chat messages' });
  const input = h('input', {
    class: 'chat-input', 'data-test': 'chat-input', type: 'text',
    autocomplete: 'off', placeholder: 'Say something nice…', 'aria-label': 'Chat message',
  });
  limits.then((known) => capLength(input, known.maxChatChars));
  const form = h('form', {
    class: 'chat-form',
    onsubmit: (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (text && send(text)) input.value = '';
    },
  }, input, h('button', { type: 'submit', class: 'chat-send', 'data-test': 'chat-send' }, 'Send'));
  const el = h('section', { class: 'chat panel', 'aria-label': 'Chat' }, h('h2', { class: 'panel-title' }, '💬 Chat'), log, form);
  let lastSeq = -1;

  return {
    el,
    /** Appends the lines newer than those shown (the store keeps the last 100, each with its room seq). */
    update(lines) {
      const fresh = lines.filter((line) => line.seq > lastSeq);
      if (fresh.length === 0) return;
      const nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      for (const line of fresh) {
        log.append(h('li', { class: 'chat-line', 'data-test': 'chat-line', 'data-player-id': line.from },
          h('b', { class: `chat-name hue-text-${hue(line.from)}` }, line.name), ' ', h('span', { class: 'chat-text' }, line.text)));
      }
      lastSeq = fresh[fresh.length - 1].seq;
      while (log.children.length > 100) log.firstElementChild.remove();
      if (nearBottom) log.scrollTop = log.scrollHeight;
    },
  };
}
