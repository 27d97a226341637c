// Checks a host's own quiz questions (pasted or uploaded JSON) before they go to the server,
// with the same rules the server applies and the bounds it gave (/api/limits), so mistakes are
// explained in words right away. A bound the server did not give is left to the server.
import { outside } from '../../limits.js';
import { plural } from '../../words.js';

const KINDS = ['single', 'multi', 'truefalse', 'typed'];

/**
 * Parses and checks text against the quiz's limits. Returns { questions } or { error: 'a sentence' }.
 * Accepts a list of questions, or an object with a `questions` list (a pack file).
 */
export function parseQuestions(text, limits) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `That is not valid JSON: ${e.message}` };
  }
  const list = Array.isArray(data) ? data : data && Array.isArray(data.questions) ? data.questions : null;
  if (!list) return { error: 'Expected a list of questions: [ {"kind": "single", "text": "…", …}, … ]' };
  if (outside(list.length, 1, limits.maxQuestions)) return { error: `Give ${count(1, limits.maxQuestions, 'question')}.` };
  for (let i = 0; i < list.length; i++) {
    const problem = checkQuestion(list[i], limits);
    if (problem) return { error: `Question ${i + 1}: ${problem}` };
  }
  return { questions: list };
}

/** What is wrong with one question (a sentence), or null: the rules the server checks, within its limits. */
export function checkQuestion(q, limits) {
  if (!q || typeof q !== 'object' || Array.isArray(q)) return 'each question is an object like {"kind":"single","text":"…"}.';
  if (!KINDS.includes(q.kind)) return `"kind" must be one of ${KINDS.join(', ')}.`;
  const text = typeof q.text === 'string' ? q.text.trim() : '';
  if (outside(text.length, 1, limits.maxQuestionChars)) return `"text" must be ${count(1, limits.maxQuestionChars, 'character')}.`;
  if (q.points !== undefined && limits.allowedPoints && !limits.allowedPoints.includes(q.points)) return `"points" must be one of ${limits.allowedPoints.join(', ')}.`;
  if (q.seconds !== undefined && !Number.isInteger(q.seconds)) return '"seconds" must be a whole number.';
  if (q.seconds !== undefined && outside(q.seconds, limits.minSeconds, limits.maxSeconds)) return `"seconds" must be from ${limits.minSeconds} to ${limits.maxSeconds}.`;
  if (q.kind === 'typed') {
    if (q.choices !== undefined || q.answer !== undefined) return 'a typed question has "accept", not "choices" or "answer".';
    if (!Array.isArray(q.accept) || q.accept.length === 0 || q.accept.some((a) => typeof a !== 'string' || !a.trim())) {
      return '"accept" needs at least one accepted answer text.';
    }
    return null;
  }
  const choices = q.choices === undefined && q.kind === 'truefalse' ? ['True', 'False'] : q.choices;
  const most = q.kind === 'truefalse' ? 2 : limits.maxChoices;
  if (!Array.isArray(choices) || outside(choices.length, 2, most)) return `needs ${count(2, most, 'choice')} in "choices".`;
  if (choices.some((c) => typeof c !== 'string' || outside(c.trim().length, 1, limits.maxChoiceChars))) {
    return `each choice must be ${count(1, limits.maxChoiceChars, 'character')}.`;
  }
  const answer = q.answer;
  if (!Array.isArray(answer) || answer.length === 0 || answer.some((a) => !Number.isInteger(a) || a < 0 || a >= choices.length)) {
    return '"answer" must list the indexes of the correct choices, counting from 0 (e.g. [2]).';
  }
  if (new Set(answer).size !== answer.length) return '"answer" lists a choice twice.';
  if (q.kind !== 'multi' && answer.length !== 1) return `a ${q.kind} question has exactly one answer.`;
  if (q.accept !== undefined) return 'only a typed question has "accept".';
  return null;
}

/** "1 to 500 characters", "2 choices", or "at least 1 character" when the server gave no upper bound. */
function count(min, max, noun) {
  if (max === undefined) return `at least ${plural(min, noun)}`;
  return min === max ? plural(min, noun) : `${min} to ${plural(max, noun)}`;
}

/** An example shown in the text area, and handy to copy. */
export const EXAMPLE = JSON.stringify([
  { kind: 'single', text: 'Which planet is known as the red planet?', choices: ['Venus', 'Mars', 'Jupiter', 'Saturn'], answer: [1] },
  { kind: 'truefalse', text: 'Octopuses have three hearts.', answer: [0] },
  { kind: 'multi', text: 'Which of these are primary colours of light?', choices: ['Red', 'Yellow', 'Green', 'Blue'], answer: [0, 2, 3] },
  { kind: 'typed', text: 'What is the chemical symbol for gold?', accept: ['Au'] },
], null, 1);
