import type { Answers, Question, SurveyDefinition } from './definition.ts';
import { checkerFor, type Checker } from './checkers.ts';
import { answerIssue, show, type AnswerIssue } from './issues.ts';
import { questionsById } from './lookup.ts';
import { meetsCondition } from './visibility.ts';

export type { AnswerIssue, AnswerIssueCode } from './issues.ts';

export type AnswerValidation = { ok: true; answers: Answers } | { ok: false; issues: AnswerIssue[] };
export type AnswerValidator = (answers: unknown) => AnswerValidation;

// A 422 body stays small however many junk keys a client sends.
const maxIssues = 100;

interface Step {
  question: Question;
  check: Checker;
  /** Eligible values when the question is a screener. */
  eligible?: Set<string>;
}

/**
 * Builds the validator of DESIGN §9 for one definition (assumed parsed by parseDefinition). The
 * result holds only the visible, valid, non-blank answers, in question order, with text trimmed;
 * validating it again returns it unchanged.
 *
 * Rules: answers are a plain object keyed by question id; an answer must fit its question;
 * `null`, blank text and an empty list count as no answer; an answered hidden question is an
 * issue; a visible required question must be answered, except that once a screener is answered
 * ineligibly, the questions after it are optional (the page lets such a respondent submit at
 * once; the server flags the response as ineligible).
 */
export function buildAnswerValidator(definition: SurveyDefinition): AnswerValidator {
  const known = questionsById(definition);
  const steps: Step[] = definition.questions.map((question) => {
    const step: Step = { question, check: checkerFor(definition, question) };
    if (question.kind === 'single' && question.screener) step.eligible = new Set(question.screener.eligible);
    return step;
  });

  const validate = (input: unknown): AnswerValidation => {
    if (!isPlainObject(input)) {
      return { ok: false, issues: [answerIssue('', 'invalid_type', `answers must be an object of question ids, got ${show(input)}`)] };
    }
    const issues: AnswerIssue[] = [];
    const report = (issue: AnswerIssue) => {
      if (issues.length < maxIssues) issues.push(issue);
    };
    for (const key of Object.keys(input)) {
      if (!known.has(key)) {
        report(answerIssue(key.slice(0, 64), 'unknown_question', `${show(key)} is not a question of this survey`));
      }
    }

    const answers: Answers = {};
    // Questions whose visibility cannot be known because a question they depend on was refused:
    // they get no `hidden` or `required` issue, which would only echo the real one upstream.
    const unresolved = new Set<string>();
    let eligible = true;
    for (const { question, check, eligible: screener } of steps) {
      const id = question.id;
      const raw = Object.hasOwn(input, id) ? input[id] : undefined;
      const checked = raw === undefined || raw === null ? undefined : check(raw);
      if (checked && !checked.ok) {
        report(checked.issue);
        unresolved.add(id);
        continue;
      }
      const condition = question.visibleIf;
      if (condition && unresolved.has(condition.question)) {
        unresolved.add(id);
        continue;
      }
      const value = checked?.value;
      // Conditions point only backwards, and `answers` holds only visible valid answers so far,
      // so a follow-up of a hidden question is hidden too.
      const visible = !condition
        || meetsCondition(condition, Object.hasOwn(answers, condition.question) ? answers[condition.question] : undefined);
      if (value === undefined) {
        if (visible && question.required && eligible) {
          report(answerIssue(id, 'required', `${id}: an answer is required`));
        }
        continue;
      }
      if (!visible) {
        const on = condition!.question;
        report(answerIssue(id, 'hidden', `${id}: must not be answered, as its condition on ${on} is not met`, { dependsOn: on }));
        continue;
      }
      answers[id] = value;
      if (screener && typeof value === 'string' && !screener.has(value)) eligible = false;
    }
    return issues.length > 0 ? { ok: false, issues } : { ok: true, answers };
  };

  return (input) => {
    try {
      return validate(input);
    } catch {
      // Only exotic objects (proxies, throwing getters) get here; JSON never does.
      return { ok: false, issues: [answerIssue('', 'invalid_type', 'answers could not be read')] };
    }
  };
}

const validators = new WeakMap<SurveyDefinition, AnswerValidator>();

/** buildAnswerValidator, cached per definition object. */
export function validateAnswers(definition: SurveyDefinition, answers: unknown): AnswerValidation {
  let validator = validators.get(definition);
  if (!validator) {
    validator = buildAnswerValidator(definition);
    validators.set(definition, validator);
  }
  return validator(answers);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
