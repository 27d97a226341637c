// One question in a quiz's report: its text and right answer, how everyone answered, and each
// player's answer with whether it was right, how long it took and the points it won.
import { h } from '../dom.js';
import { plural } from '../words.js';
import { distribution } from './distribution.js';

const KINDS = { single: 'one answer', multi: 'several answers', truefalse: 'true or false', typed: 'typed answer' };

/** The question's section (focusable, so the hardest question's call-out can take the focus there). */
export function reportQuestion(question, hardest) {
  const number = question.index + 1;
  const titleId = `report-question-${number}`;
  const typed = question.kind === 'typed';
  return h('section', {
    class: `card report-question${hardest ? ' hardest' : ''}`, tabindex: '-1', 'aria-labelledby': titleId,
    'data-test': 'report-question', 'data-index': String(question.index),
  },
  h('h3', { id: titleId, class: 'report-question-title' },
    `Question ${number}`,
    h('small', {}, ` · ${KINDS[question.kind]} · ${question.points} pts`),
    hardest && h('span', { class: 'badge hardest-badge' }, 'hardest')),
  h('p', { class: 'report-question-text', 'data-test': 'report-question-text' }, question.text),
  h('p', { 'data-test': 'report-correct' },
    h('b', {}, typed ? 'Accepted: ' : 'Right answer: '),
    typed ? question.accept.join(' / ') : question.correct.map((i) => question.choices[i]).join(', ')),
  question.distribution && distribution(question),
  h('p', { class: 'muted', 'data-test': 'report-right' }, `${question.right} of ${plural(question.answers.length, 'player')} got it right.`),
  answers(question));
}

function answers(question) {
  return h('table', { class: 'report-table' },
    h('caption', { class: 'sr-only' }, `Each player's answer to question ${question.index + 1}`),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Player'),
      h('th', { scope: 'col' }, 'Answer'),
      h('th', { scope: 'col' }, 'Right?'),
      h('th', { scope: 'col', class: 'num' }, 'Time'),
      h('th', { scope: 'col', class: 'num' }, 'Points'))),
    h('tbody', {}, question.answers.map((a) => h('tr', { 'data-test': 'report-answer', 'data-player-id': a.player, 'data-correct': String(a.correct) },
      h('th', { scope: 'row' }, a.name),
      h('td', { 'data-test': 'answer-text' }, a.answered ? a.answer : h('span', { class: 'muted' }, 'no answer')),
      h('td', { class: a.correct ? 'answer-right' : 'answer-wrong', 'data-test': 'answer-verdict' }, a.correct ? '✓ right' : '✗ wrong'),
      h('td', { class: 'num', 'data-test': 'answer-time' }, typeof a.timeMs === 'number' ? `${(a.timeMs / 1000).toFixed(1)} s` : '—'),
      h('td', { class: 'num', 'data-test': 'answer-points' }, String(a.points))))));
}
