// Reordering cards by dragging their handle, with a mouse, a pen or a finger (pointer events, so
// it works on phones too): while the pointer is held, the card trades places with a neighbour
// whose middle it passes. The keyboard way is on each card (Alt+↑/↓, or its ↑ ↓ buttons).

/** Lets the handles (`.qcard-handle`) in `list` drag their cards; `cards()` is the current order, `move(card, ±1)` moves one. */
export function dragToReorder(list, cards, move) {
  list.addEventListener('pointerdown', (event) => {
    const handle = event.target.closest('.qcard-handle');
    if (!handle || event.button !== 0) return;
    const card = cards().find((c) => c.handle === handle);
    if (!card) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    card.el.classList.add('dragging');

    const follow = (moveEvent) => {
      const order = cards();
      const at = order.indexOf(card);
      const before = order[at - 1];
      const after = order[at + 1];
      if (before && moveEvent.clientY < middle(before.el)) move(card, -1);
      else if (after && moveEvent.clientY > middle(after.el)) move(card, 1);
    };
    const drop = () => {
      card.el.classList.remove('dragging');
      handle.removeEventListener('pointermove', follow);
      handle.removeEventListener('pointerup', drop);
      handle.removeEventListener('pointercancel', drop);
    };
    handle.addEventListener('pointermove', follow);
    handle.addEventListener('pointerup', drop);
    handle.addEventListener('pointercancel', drop);
  });
}

function middle(el) {
  const box = el.getBoundingClientRect();
  return box.top + box.height / 2;
}
