// Signing in, or making an account (#/signin): one form, two ways to send it. Afterwards the
// page goes to My quizzes.
import { h, setText } from '../dom.js';
import { field } from '../components/fields.js';
import { signIn, signUp } from '../account.js';

export function signInScreen() {
  const name = h('input', {
    class: 'input input-big', type: 'text', 'data-test': 'account-name', autocomplete: 'username',
    minlength: '3', maxlength: '32', required: true, autocapitalize: 'none', spellcheck: 'false',
  });
  const password = h('input', {
    class: 'input input-big', type: 'password', 'data-test': 'account-password', autocomplete: 'current-password',
    minlength: '10', maxlength: '200', required: true,
  });
  const problem = h('p', { class: 'form-problem', role: 'alert', 'data-test': 'account-problem' });
  const signInButton = h('button', { type: 'submit', class: 'btn btn-primary btn-big', 'data-test': 'sign-in', value: 'in' }, 'Sign in');
  const signUpButton = h('button', { type: 'submit', class: 'btn btn-big', 'data-test': 'sign-up', value: 'up' }, 'Create account');

  const form = h('form', {
    class: 'card account-card', 'aria-labelledby': 'account-title',
    onsubmit: async (event) => {
      event.preventDefault();
      const creating = event.submitter === signUpButton;
      password.autocomplete = creating ? 'new-password' : 'current-password';
      setText(problem, '');
      for (const button of [signInButton, signUpButton]) button.disabled = true;
      try {
        await (creating ? signUp : signIn)(name.value.trim(), password.value);
        location.hash = '#/quizzes';
      } catch (error) {
        setText(problem, error.message);
        (error.field === 'password' ? password : name).focus();
      } finally {
        for (const button of [signInButton, signUpButton]) button.disabled = false;
      }
    },
  },
  h('h1', { id: 'account-title', class: 'card-title' }, 'Sign in to keep your quizzes'),
  field('Name', name, '3 to 32 letters, digits, dots, dashes or underscores'),
  field('Password', password, 'At least 10 characters'),
  problem,
  h('div', { class: 'row' }, signInButton, signUpButton),
  h('p', { class: 'hint' }, 'Playing needs no account: only hosts who keep quizzes do.'));

  queueMicrotask(() => name.focus());
  return { el: h('div', { class: 'library account' }, form), update() {} };
}
