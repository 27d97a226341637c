// How everyone answered a choice question, one bar a choice: the choice, its votes and their share
// of the players, and whether it was right are all in words; the bars only repeat the numbers.
import { h } from '../dom.js';
import { plural } from '../words.js';

/** The distribution of a report's `question` (choices, distribution, correct, answers). */
export function distribution(question) {
  const players = question.answers.length;
  return h('ol', { class: 'distribution report-dist', 'aria-label': `How everyone answered question ${question.index + 1}` },
    question.choices.map((text, i) => {
      const right = question.correct.includes(i);
      const count = question.distribution[i] || 0;
      const share = players ? count / players : 0;
      const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
      bar.style.setProperty('--share', String(share));
      return h('li', {
        class: `dist c${i}${right ? ' correct' : ''}`, 'data-test': 'report-choice', 'data-index': String(i), 'data-count': String(count), 'data-correct': String(right),
      },
      h('span', { class: 'dist-text' }, text),
      h('span', { class: 'verdict' }, right ? '✓ right answer' : ''),
      bar,
      h('span', { class: 'dist-count' }, `${plural(count, 'vote')} · ${Math.round(share * 100)}%`));
    }));
}
