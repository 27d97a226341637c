// The library's places in the page's hash: #/signin, #/quizzes, #/quizzes/new, #/quizzes/<id>,
// #/games (the games I hosted) and #/games/<id>, or #/games/<id>?key=<key> for a game hosted
// without an account. Any other hash (a room code, or none) is not the library's.
import { signInScreen } from './signin.js';
import { quizzesScreen } from './quizzes.js';
import { editorScreen } from './editor.js';
import { gamesScreen } from './games.js';
import { reportScreen } from './report.js';

/** { key, screen, make(ctx) } for a library hash, or null. */
export function libraryRoute(hash) {
  if (hash === '#/signin') return { key: 'signin', screen: 'signin', make: signInScreen };
  if (hash === '#/quizzes') return { key: 'quizzes', screen: 'quizzes', make: quizzesScreen };
  if (hash === '#/games') return { key: 'games', screen: 'games', make: gamesScreen };
  const edit = hash.match(/^#\/quizzes\/([A-Za-z0-9_-]{1,64})$/);
  if (edit) return { key: `quiz:${edit[1]}`, screen: 'editor', make: (ctx) => editorScreen(ctx, edit[1]) };
  const report = hash.match(/^#\/games\/([A-Za-z0-9_-]{1,64})(?:\?key=([A-Za-z0-9_-]{1,128}))?$/);
  if (report) return { key: `game:${report[1]}`, screen: 'report', make: () => reportScreen(report[1], report[2] || null) };
  return null;
}

/** The hash of the report whose API address is `url` (`/api/games/<id>`, maybe with `?key=…`), or null. */
export function reportHash(url) {
  const match = /^\/api\/games\/([A-Za-z0-9_-]{1,64}(?:\?key=[A-Za-z0-9_-]{1,128})?)$/.exec(url || '');
  return match ? `#/games/${match[1]}` : null;
}
