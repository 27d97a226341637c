// A question's optional picture: chosen from a file, pasted, or dropped on the zone; checked on
// the page (type and size), uploaded to /api/images, then shown from the server with a remove button.
import { h, fill, setText } from '../dom.js';
import { api } from '../api.js';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** The field for image `id` (or none); `changed()` runs when it is set or removed. */
export function imageField(id, changed) {
  let current = id || null;
  let number = 0;
  let uploads = 0; // the latest upload wins, whichever answers last
  const input = h('input', {
    type: 'file', class: 'sr-only', tabindex: '-1', 'aria-label': 'Picture file', accept: IMAGE_TYPES.join(','), 'data-test': 'q-image-file',
    onchange: () => input.files[0] && upload(input.files[0]),
  });
  const choose = h('button', { type: 'button', class: 'btn btn-small', 'data-test': 'q-image-choose', onclick: () => input.click() }, 'Add a picture');
  const removeButton = h('button', {
    type: 'button', class: 'btn btn-small btn-ghost', 'data-test': 'q-image-remove',
    onclick: () => { current = null; show(); changed(); choose.focus(); },
  }, 'Remove picture');
  const preview = h('div', { class: 'image-preview' });
  const status = h('p', { class: 'hint', role: 'status', 'data-test': 'q-image-status' });
  const zone = h('div', {
    class: 'image-zone', role: 'group', tabindex: '0', 'data-test': 'q-image-zone',
    ondragover: (event) => { event.preventDefault(); zone.classList.add('over'); },
    ondragleave: () => zone.classList.remove('over'),
    ondrop: (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      const file = [...(event.dataTransfer?.files || [])][0];
      if (file) upload(file);
    },
    onpaste: (event) => {
      const file = [...(event.clipboardData?.files || [])].find((f) => f.type.startsWith('image/'));
      if (!file) return;
      event.preventDefault();
      upload(file);
    },
  }, preview, h('p', { class: 'hint' }, 'Drop or paste a picture here (PNG, JPEG, WebP or GIF, up to 2 MB)'), h('div', { class: 'row' }, choose, removeButton), input, status);

  function show(localUrl) {
    removeButton.hidden = !current;
    setText(choose, current ? 'Change picture' : 'Add a picture');
    const src = localUrl || (current && `/api/images/${encodeURIComponent(current)}`);
    fill(preview, src && h('img', { src, alt: `Picture for question ${number}`, 'data-test': 'q-image' }));
  }

  async function upload(file) {
    if (!IMAGE_TYPES.includes(file.type)) return say(`“${file.name}” is not a PNG, JPEG, WebP or GIF picture.`);
    if (file.size > MAX_IMAGE_BYTES) return say(`“${file.name}” is ${(file.size / 1048576).toFixed(1)} MB; a picture may be 2 MB at most.`);
    const mine = ++uploads;
    const local = URL.createObjectURL(file);
    show(local);
    say('Uploading the picture…');
    try {
      const { id: uploaded } = await api('POST', '/api/images', file);
      if (mine !== uploads) return;
      current = uploaded;
      say('Picture added.');
      changed();
    } catch (error) {
      if (mine === uploads) say(`The picture was not added: ${error.message}`);
    } finally {
      if (mine === uploads) show();
      URL.revokeObjectURL(local);
      input.value = '';
    }
  }

  function say(text) {
    setText(status, text);
  }

  show();
  return {
    el: zone,
    id: () => current,
    setNumber(n) {
      number = n;
      const img = preview.querySelector('img');
      if (img) img.alt = `Picture for question ${n}`;
      zone.setAttribute('aria-label', `Picture for question ${n}`);
    },
  };
}
