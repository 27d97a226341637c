// The library's places in the page's hash: #/signin, #/quizzes, #/quizzes/new and
// #/quizzes/<id>. Any other hash (a room code, or none) is not the library's.
import { signInScreen } from './signin.js';
import { quizzesScreen } from './quizzes.js';
import { editorScreen } from './editor.js';

/** { key, screen, make(ctx) } for a library hash, or null. */
export function libraryRoute(hash) {
  if (hash === '#/signin') return { key: 'signin', screen: 'signin', make: signInScreen };
  if (hash === '#/quizzes') return { key: 'quizzes', screen: 'quizzes', make: quizzesScreen };
  const edit = hash.match(/^#\/quizzes\/([A-Za-z0-9_-]{1,64})$/);
  if (edit) return { key: `quiz:${edit[1]}`, screen: 'editor', make: (ctx) => editorScreen(ctx, edit[1]) };
  return null;
}
