// Hosting a saved quiz: a quiz room made from it over the game connection, which carries this
// browser's session cookie, so the server knows the quiz is ours.
import { currentAccount } from '../account.js';

/** Creates a quiz room of saved quiz `id`, named as this browser last played (or by the account). */
export async function hostQuiz(ctx, id) {
  const account = await currentAccount();
  const name = ctx.savedName() || (account && account.name) || 'Host';
  ctx.saveName(name);
  ctx.actions.create(name, 'quiz', { quiz: id });
}
