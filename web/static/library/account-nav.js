// The top bar's account links: "Sign in", or "My quizzes", "Reports" and "Sign out".
import { h, fill } from '../dom.js';
import { onAccount, signOut } from '../account.js';
import { settled } from './autosave.js';

/** Keeps `nav` showing the account's links as it signs in and out. */
export function accountNav(nav) {
  onAccount((account) => fill(nav, account
    ? [
      h('a', { href: '#/quizzes', class: 'btn btn-small btn-ghost', 'data-test': 'nav-quizzes' }, 'My quizzes'),
      h('a', { href: '#/games', class: 'btn btn-small btn-ghost', 'data-test': 'nav-games' }, 'Reports'),
      h('button', {
        type: 'button', class: 'btn btn-small btn-ghost', 'data-test': 'sign-out',
        onclick: async () => {
          // Leaving the screen first lets an editor save what it holds while still signed in.
          location.hash = '#/signin';
          await new Promise((resolve) => setTimeout(resolve));
          await settled();
          await signOut().catch(() => {});
        },
      }, `Sign out ${account.name}`),
    ]
    : h('a', { href: '#/signin', class: 'btn btn-small btn-ghost', 'data-test': 'nav-sign-in' }, 'Sign in')));
}
