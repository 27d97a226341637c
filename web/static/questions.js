// Checks a host's own quiz questions (pasted or uploaded JSON) before they go to the server,
// with the same rules the server applies, so mistakes are explained in words right away.

const KINDS = ['single', 'multi', 'truefalse', 'typed'];
const MAX_QUESTIONS = 100;

/**
 * Parses and checks text. Returns { questions } or { error: 'a sentence' }. Accepts a list of
 * questions, or an object with a `questions` list (a pack file).
 */
export function parseQuestions(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `That is not valid JSON: ${e.message}` };
  }
  const list = Array.isArray(data) ? data : data && Array.isArray(data.questions) ? data.questions : null;
  if (!list) return { error: 'Expected a list of questions: [ {"kind": "single", "text": "…", …}, … ]' };
  if (list.length === 0 || list.length > MAX_QUESTIONS) return { error: `Give between 1 and ${MAX_QUESTIONS} questions.` };
  for (let i = 0; i < list.length; i++) {
    const problem = check(list[i]);
    if (problem) return { error: `Question ${i + 1}: ${problem}` };
  }
  return { questions: list };
}

function check(q) {
  if (!q || typeof q !== 'object' || Array.isArray(q)) return 'each question is an object like {"kind":"single","text":"…"}.';
  if (!KINDS.includes(q.kind)) return `"kind" must be one of ${KINDS.join(', ')}.`;
  if (typeof q.text !== 'string' || !q.text.trim() || q.text.length > 500) return '"text" must be 1 to 500 characters.';
  if (q.points !== undefined && ![0, 1000, 2000].includes(q.points)) return '"points" must be 0, 1000 or 2000.';
  if (q.seconds !== undefined && !(Number.isInteger(q.seconds) && q.seconds >= 5 && q.seconds <= 120)) return '"seconds" must be a whole number from 5 to 120.';
  if (q.kind === 'typed') {
    if (q.choices !== undefined || q.answer !== undefined) return 'a typed question has "accept", not "choices" or "answer".';
    if (!Array.isArray(q.accept) || q.accept.length === 0 || q.accept.some((a) => typeof a !== 'string' || !a.trim())) {
      return '"accept" needs at least one accepted answer text.';
    }
    return null;
  }
  const choices = q.choices === undefined && q.kind === 'truefalse' ? ['True', 'False'] : q.choices;
  const [min, max] = q.kind === 'truefalse' ? [2, 2] : [2, 6];
  if (!Array.isArray(choices) || choices.length < min || choices.length > max) return `needs ${min === max ? min : `${min} to ${max}`} "choices".`;
  if (choices.some((c) => typeof c !== 'string' || !c.trim() || c.length > 120)) return 'each choice must be 1 to 120 characters.';
  const answer = q.answer;
  if (!Array.isArray(answer) || answer.length === 0 || answer.some((a) => !Number.isInteger(a) || a < 0 || a >= choices.length)) {
    return '"answer" must list the indexes of the correct choices, counting from 0 (e.g. [2]).';
  }
  if (new Set(answer).size !== answer.length) return '"answer" lists a choice twice.';
  if (q.kind !== 'multi' && answer.length !== 1) return `a ${q.kind} question has exactly one answer.`;
  if (q.accept !== undefined) return 'only a typed question has "accept".';
  return null;
}

/** An example shown in the text area, and handy to copy. */
export const EXAMPLE = JSON.stringify([
  { kind: 'single', text: 'Which planet is known as the red planet?', choices: ['Venus', 'Mars', 'Jupiter', 'Saturn'], answer: [1] },
  { kind: 'truefalse', text: 'Octopuses have three hearts.', answer: [0] },
  { kind: 'multi', text: 'Which of these are primary colours of light?', choices: ['Red', 'Yellow', 'Green', 'Blue'], answer: [0, 2, 3] },
  { kind: 'typed', text: 'What is the chemical symbol for gold?', accept: ['Au'] },
], null, 1);
