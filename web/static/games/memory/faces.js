// Memory card faces: the server sends short names; each known one is drawn as an emoji,
// always with the name written under it (an unknown name shows as text alone).

const EMOJI = {
  owl: '🦉', fox: '🦊', cat: '🐱', dog: '🐶', frog: '🐸', bee: '🐝', fish: '🐟', whale: '🐳',
  octopus: '🐙', crab: '🦀', snail: '🐌', turtle: '🐢', penguin: '🐧', parrot: '🦜', lion: '🦁', tiger: '🐯',
  panda: '🐼', koala: '🐨', rabbit: '🐰', mouse: '🐭', horse: '🐴', unicorn: '🦄', apple: '🍎', pear: '🍐',
  cherry: '🍒', lemon: '🍋', grapes: '🍇', carrot: '🥕', mushroom: '🍄', cactus: '🌵', sun: '☀️', moon: '🌙',
  star: '⭐', rainbow: '🌈', rocket: '🚀', anchor: '⚓', bell: '🔔', key: '🔑', guitar: '🎸', balloon: '🎈',
};

/** The emoji for a face name, or null for a name this client does not know. */
export function emojiFor(face) {
  return Object.prototype.hasOwnProperty.call(EMOJI, face) ? EMOJI[face] : null;
}
