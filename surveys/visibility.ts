import type { Answers, AnswerValue, Question, SurveyDefinition, VisibleIf } from './definition.ts';
import { questionsById } from './lookup.ts';

// Visibility and eligibility, shared by the respondent page (to show and hide follow-ups), the
// form conversion and the answer validator, so all three agree on what "hidden" means.

/** Whether an answer meets a condition: for a list of options, any chosen one counts. */
export function meetsCondition(condition: VisibleIf, value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.some((v) => condition.in.includes(v));
  return condition.in.includes(value);
}

/**
 * A question is visible when it has no condition, or when the question it depends on is itself
 * visible and its answer meets the condition. A follow-up of a hidden question is hidden even if
 * a stale answer to that question lingers in `answers` (the page keeps answers while toggling).
 */
export function isVisible(definition: SurveyDefinition, question: Question, answers: Partial<Answers>): boolean {
  const index = questionsById(definition);
  // Parsed definitions only point backwards, so this ends; the bound guards hand-built ones.
  let current: Question | undefined = question;
  for (let depth = 0; current?.visibleIf && depth <= definition.questions.length; depth++) {
    const condition: VisibleIf = current.visibleIf;
    const value = Object.hasOwn(answers, condition.question) ? answers[condition.question] : undefined;
    if (!meetsCondition(condition, value)) return false;
    current = index.get(condition.question);
    if (current === undefined) return false;
  }
  return current !== undefined && current.visibleIf === undefined;
}

export function visibleQuestions(definition: SurveyDefinition, answers: Partial<Answers>): Question[] {
  return definition.questions.filter((question) => isVisible(definition, question, answers));
}

/**
 * Eligible unless a visible screener was answered with a value outside its eligible list. An
 * unanswered screener does not make a respondent ineligible: required-ness is the validator's job.
 */
export function isEligible(definition: SurveyDefinition, answers: Partial<Answers>): boolean {
  return ineligibleAt(definition, answers) === -1;
}

/** A screener answered with a value outside its eligible list. */
export function answeredIneligibly(question: Question, value: AnswerValue | undefined): boolean {
  return question.kind === 'single' && question.screener !== undefined && typeof value === 'string' && !question.screener.eligible.includes(value);
}

/** Index of the first visible screener answered ineligibly, or -1. */
export function ineligibleAt(definition: SurveyDefinition, answers: Partial<Answers>): number {
  return definition.questions.findIndex((question) => {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    return answeredIneligibly(question, value) && isVisible(definition, question, answers);
  });
}
