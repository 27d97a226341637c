// Labelled form fields, the same in every form: a field with its label (and hint), a checkbox.
import { h } from '../dom.js';

export function field(label, input, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'label' }, label), input, hint && h('small', { class: 'hint' }, hint));
}

export function checkbox(input, label) {
  return h('label', { class: 'check' }, input, h('span', {}, label));
}
