// Question numbers: one rule for every place a question is numbered — the respondent page, the
// editor's preview, the desk entry page, the response exports and the results files — so "第 6
// 题" in a report is question 6 on the questionnaire a respondent held.
//
// Main questions (those without visibleIf) are numbered 1, 2, 3… in order, so the numbers a
// respondent sees stay the same whether or not a follow-up is showing. A follow-up (a question
// with visibleIf) takes no main number; where it is named on its own (an export's column, the
// desk entry summary) it is numbered under the question it belongs to, the way sub-clauses are
// numbered in Chinese official documents (6 → 6.1, 6.2, as in GB/T 1.1): "6.1" reads as part of
// question 6, sits between 6 and 7, tells two follow-ups of one question apart, and assumes
// nothing about what the follow-up asks (a "why not satisfied", an "other, please specify").
//
// Pure and free of zod: the respondent page imports this file directly.
import type { SurveyDefinition } from './definition.ts';

export interface QuestionNumber {
  /** The number of the main question: the question itself, or the one a follow-up belongs to. */
  main: number;
  /** A follow-up's place among the follow-ups of its main question, from 1; absent for a main question. */
  sub?: number;
  /** As printed: "6" for a main question, "6.1" for its first follow-up. */
  text: string;
}

type Questions = Pick<SurveyDefinition, 'questions'>;

/**
 * The number of every question that has one, in question order. A follow-up belongs to the main
 * question its visibleIf leads back to (through a follow-up of a follow-up, if need be); one
 * whose condition leads nowhere (a hand-built definition) belongs to the nearest main question
 * above it, and one with no main question above it has no number.
 */
export function questionNumbers(definition: Questions): Map<string, QuestionNumber> {
  const numbers = new Map<string, QuestionNumber>();
  const mains = mainQuestionNumbers(definition);
  const byId = new Map<string, Questions['questions'][number]>();
  for (const q of definition.questions) if (!byId.has(q.id)) byId.set(q.id, q);
  const subs = new Map<number, number>();
  let above: number | undefined;
  for (const q of definition.questions) {
    if (numbers.has(q.id)) continue;
    const main = mains.get(q.id);
    if (main !== undefined) {
      above = main;
      numbers.set(q.id, { main, text: String(main) });
      continue;
    }
    const owner = ownerOf(q.id, byId, mains) ?? above;
    if (owner === undefined) continue;
    const sub = (subs.get(owner) ?? 0) + 1;
    subs.set(owner, sub);
    numbers.set(q.id, { main: owner, sub, text: `${owner}.${sub}` });
  }
  return numbers;
}

/** The main questions' numbers alone: 1, 2, 3… for the questions without visibleIf, in order. */
export function mainQuestionNumbers(definition: Questions): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const question of definition.questions) {
    if (!question.visibleIf) numbers.set(question.id, numbers.size + 1);
  }
  return numbers;
}

/** The main question a follow-up's condition leads back to; bounded, as a cycle is possible in a hand-built definition. */
function ownerOf(id: string, byId: Map<string, Questions['questions'][number]>, mains: Map<string, number>): number | undefined {
  let current = byId.get(id);
  for (let depth = 0; current?.visibleIf && depth <= byId.size; depth++) current = byId.get(current.visibleIf.question);
  return current === undefined || current.visibleIf ? undefined : mains.get(current.id);
}

/**
 * A question's number as it stands before its label: "6." for a main question, "6.1" for a
 * follow-up (a sub-number takes no full stop), nothing without a number.
 */
export function numberMark(number: QuestionNumber | undefined): string {
  if (number === undefined) return '';
  return number.sub === undefined ? `${number.text}.` : number.text;
}

/** A question's label with its number, as a header or a list names it: "6. 您对…是否满意？", "6.1 您不满意的主要原因是？". */
export function numberedLabel(number: QuestionNumber | undefined, label: string): string {
  const mark = numberMark(number);
  return mark === '' ? label : `${mark} ${label}`;
}
