// The only way this client builds DOM: h(tag, attrs, ...children).
// Text always goes in as text nodes, so names, chat and questions can never become markup.

/**
 * Creates an element. attrs: `class`, `data-*`, `aria-*` and plain attributes are set as
 * attributes; `on*` functions become listeners; `hidden`, `disabled`, `checked`, `value`,
 * `selected` and `open` are set as properties; null, undefined and false values are skipped.
 * Children are nodes, strings or numbers (as text), arrays of those, or null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (PROPS.has(key)) {
      el[key] = value;
    } else if (key === 'style') {
      throw new Error('h(): use classes or el.style.setProperty, not a style attribute');
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

const PROPS = new Set(['hidden', 'disabled', 'checked', 'value', 'selected', 'open', 'multiple']);

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.append(child);
    else el.append(document.createTextNode(String(child)));
  }
}

/** Replaces everything inside el with children (same forms as h()). */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Sets el's text only when it changed, so screen readers and selections are not disturbed. */
export function setText(el, text) {
  const value = String(text);
  if (el.textContent !== value) el.textContent = value;
}
