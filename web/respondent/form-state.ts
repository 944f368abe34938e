// What the live page derives from the answers so far: which questions show, which are still
// owed, what gets sent. Pure, so the server render and the hydrated page agree.
import type { AnswerIssue, AnswerValue, Answers, Question, SurveyDefinition } from '../../surveys/index.ts';
// Straight from the module, not the package index: the index also exports the zod schema,
// which would multiply the respondent bundle.
import { ineligibleAt, isVisible } from '../../surveys/visibility.ts';

export interface FormView {
  /** Ids of the questions on screen. */
  shown: Set<string>;
  /** The screener answered ineligibly, after which nothing more is asked; undefined if none. */
  screenedOutAt: string | undefined;
}

export function formView(definition: SurveyDefinition, answers: Answers): FormView {
  const cut = ineligibleAt(definition, answers);
  const shown = new Set<string>();
  definition.questions.forEach((question, i) => {
    if ((cut === -1 || i <= cut) && isVisible(definition, question, answers)) shown.add(question.id);
  });
  return { shown, screenedOutAt: cut === -1 ? undefined : definition.questions[cut]?.id };
}

/** An own property only: question ids are JSON keys, and `answers` may come from a draft or a post. */
export function answerOf(answers: Answers, id: string): AnswerValue | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

/** Blank text and an empty list are what an untouched field looks like: no answer. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The answers to send: only questions on screen (a hidden question must be absent), only real answers. */
export function submittedAnswers(definition: SurveyDefinition, answers: Answers): Answers {
  const { shown } = formView(definition, answers);
  const out: Answers = {};
  for (const question of definition.questions) {
    const value = answerOf(answers, question.id);
    if (shown.has(question.id) && value !== undefined && isAnswered(value)) out[question.id] = value;
  }
  return out;
}

function owed(definition: SurveyDefinition, answers: Answers): Question[] {
  const { shown } = formView(definition, answers);
  return definition.questions.filter((q) => q.required === true && shown.has(q.id));
}

/** Answered ÷ required questions on screen, for the progress bar. */
export function progress(definition: SurveyDefinition, answers: Answers): { done: number; total: number } {
  const required = owed(definition, answers);
  const done = required.filter((q) => isAnswered(answerOf(answers, q.id))).length;
  return { done, total: required.length };
}

/** The check the page can make before sending; the server still validates everything. */
export function missingRequired(definition: SurveyDefinition, answers: Answers): AnswerIssue[] {
  return owed(definition, answers)
    .filter((q) => !isAnswered(answerOf(answers, q.id)))
    .map((q) => ({ question: q.id, code: 'required', message: `${q.id}: an answer is required` }));
}

/** Issues in the order of the questions, so "the first" is the first on the page. */
export function inPageOrder(definition: SurveyDefinition, issues: AnswerIssue[]): AnswerIssue[] {
  const order = new Map(definition.questions.map((q, i) => [q.id, i]));
  const rank = (issue: AnswerIssue) => order.get(issue.question) ?? -1;
  return [...issues].sort((a, b) => rank(a) - rank(b));
}
