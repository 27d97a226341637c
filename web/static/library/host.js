// Hosting a saved quiz: a quiz room made from it over the game connection, which carries this
// browser's session cookie, so the server knows the quiz is ours.

/** Creates a quiz room of saved quiz `id`, named as the host last played (or by the account). */
export function hostQuiz(ctx, id, accountName) {
  const name = ctx.savedName() || accountName || 'Host';
  ctx.saveName(name);
  ctx.actions.create(name, 'quiz', { quiz: id });
}
