import type { Answers, AnswerValue, Question, SurveyDefinition } from './definition.ts';
import { answeredIneligibly, isVisible } from './visibility.ts';

// The no-JavaScript path: a plain HTML form post, field name = question id, every value text,
// a multi question as a repeated field. Conversion is lenient and leaves judging to the answer
// validator: what cannot be parsed stays as text, so the validator names the question.

export type FormFields = Record<string, string | string[]>;

/**
 * Typed answers from a form post. Blank fields are absent. Answers to questions hidden by the
 * other answers are dropped: without JavaScript the page shows every question, the conditional
 * ones with a hint, and the respondent cannot know which apply. So are the answers after a
 * screener answered ineligibly, which the page tells such a respondent to skip and the live page
 * never sends. Fields that are not question ids (the page's own `id`, `t`, `startedAt`, …) are
 * ignored.
 */
export function answersFromForm(definition: SurveyDefinition, form: FormFields): Answers {
  const answers: Answers = {};
  // In question order, so a condition (which looks only backwards) sees converted answers, and a
  // follow-up of a dropped question is dropped too.
  for (const question of definition.questions) {
    if (!Object.hasOwn(form, question.id)) continue;
    const value = convert(question, form[question.id]);
    if (value === undefined) continue;
    if (!isVisible(definition, question, answers)) continue;
    answers[question.id] = value;
    if (answeredIneligibly(question, value)) break;
  }
  return answers;
}

function convert(question: Question, field: unknown): AnswerValue | undefined {
  const values = fieldValues(field);
  if (values.length === 0) return undefined;
  if (question.kind === 'multi') return values;
  // Two values for a one-value question: keep both so the validator reports it.
  if (values.length > 1) return values;
  const text = values[0]!;
  switch (question.kind) {
    case 'likert':
      return /^-?\d{1,4}$/.test(text) ? Number(text) : text;
    case 'number':
      return parseNumber(text);
    default:
      return text;
  }
}

/** The non-blank string values of a field, trimmed; anything else a form parser hands over is dropped. */
function fieldValues(field: unknown): string[] {
  const all = Array.isArray(field) ? (field as unknown[]) : [field];
  const values: string[] = [];
  for (const value of all) {
    if (typeof value !== 'string') continue;
    const trimmed = value.trim();
    if (trimmed !== '') values.push(trimmed);
  }
  return values;
}

/**
 * A number as people type it on a phone: full-width digits from a Chinese keyboard, thousands
 * separators. Anything else stays text for the validator to refuse.
 */
function parseNumber(text: string): number | string {
  const ascii = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－﹣]/g, '-')
    .replace(/[,，](?=\d{3}(?!\d))/g, '');
  return /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(ascii) ? Number(ascii) : text;
}
