// Memory's create form on the home page: the board's rows and columns (within the server's
// limits), the mode, and the seconds per turn.
import { h, setText } from '../../dom.js';
import { field } from '../../components/fields.js';

const DEFAULT_SIDE = 4;

export function memoryForm(ctx, limits) {
  const own = limits.memory || {};
  const side = (test, min, max) => h('select', { class: 'input', 'data-test': test },
    sides(min, max).map((n) => h('option', { value: String(n), selected: n === DEFAULT_SIDE }, String(n))));
  const rows = side('memory-rows', own.minRows, own.maxRows);
  const cols = side('memory-cols', own.minCols, own.maxCols);
  const size = h('small', { class: 'hint', 'aria-live': 'polite' });
  const describe = () => {
    const cards = Number(rows.value) * Number(cols.value);
    setText(size, cards % 2 ? `${cards} cards is odd — make rows or columns even.` : `${cards} cards, ${cards / 2} pairs`);
  };
  rows.addEventListener('change', describe);
  cols.addEventListener('change', describe);
  describe();
  const mode = h('select', { class: 'input', 'data-test': 'memory-mode' },
    h('option', { value: 'turns' }, 'Take turns on one board'), h('option', { value: 'race' }, 'Race — everyone on their own board'));
  const turnSeconds = h('input', { class: 'input', type: 'number', min: '3', max: '300', value: '15', 'data-test': 'memory-turn-seconds' });

  function read() {
    const options = { rows: Number(rows.value), cols: Number(cols.value), mode: mode.value };
    if ((options.rows * options.cols) % 2) return { error: 'The board needs an even number of cards: make rows or columns even.' };
    const t = Number(turnSeconds.value) || 15;
    if (t < 3 || t > 300) return { error: 'Seconds per turn must be between 3 and 300.', focus: turnSeconds };
    if (options.mode === 'turns') options.turnSeconds = t;
    return { options };
  }

  return {
    fields: [
      h('div', { class: 'row' }, field('Rows', rows), h('span', { class: 'times', 'aria-hidden': 'true' }, '×'), field('Columns', cols)),
      size,
      field('Mode', mode),
      field('Seconds per turn', turnSeconds, 'Turns mode only'),
    ],
    read,
  };
}

/** min..max; without the server's limits, only the default size (the server's errors tell the rest). */
function sides(min, max) {
  if (min === undefined || max === undefined) return [DEFAULT_SIDE];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
