import type { AnswerValue, Question, SurveyDefinition } from './definition.ts';
import { defaultTextMaxLength } from './definition.ts';
import { answerIssue, show, typeName, type AnswerIssue } from './issues.ts';

// One checker per question, built once per definition: the sets and limits are computed here so
// checking an answer on the insert path is a few comparisons.

/** A clean value, `undefined` when the answer counts as absent (blank text, empty list), or an issue. */
export type Checked = { ok: true; value: AnswerValue | undefined } | { ok: false; issue: AnswerIssue };
export type Checker = (value: unknown) => Checked;

const absent: Checked = { ok: true, value: undefined };
const accept = (value: AnswerValue): Checked => ({ ok: true, value });
const reject = (issue: AnswerIssue): Checked => ({ ok: false, issue });

// JSON cannot tell -0 from 0, so store 0 and let a stored answer re-validate to itself.
const unsigned = (n: number) => (n === 0 ? 0 : n);

export function checkerFor(definition: SurveyDefinition, question: Question): Checker {
  switch (question.kind) {
    case 'likert':
      return likertChecker(definition, question.id, question.scale);
    case 'single':
      return singleChecker(question.id, question.options.map((o) => o.value));
    case 'multi':
      return multiChecker(question.id, question.options.map((o) => o.value), question.minSelected, question.maxSelected);
    case 'text':
      return textChecker(question.id, question.maxLength ?? defaultTextMaxLength);
    case 'number':
      return numberChecker(question.id, question.min, question.max, question.integer === true);
  }
}

function likertChecker(definition: SurveyDefinition, id: string, scaleId: string): Checker {
  const scale = Object.hasOwn(definition.scales, scaleId) ? definition.scales[scaleId] : undefined;
  const codes = new Set<number>(scale?.levels.map((level) => level.code) ?? []);
  if (scale?.notApplicable) codes.add(scale.notApplicable.code);
  return (value) => {
    if (typeof value !== 'number') {
      return reject(answerIssue(id, 'invalid_type', `${id}: expected a level code of scale ${scaleId}, got ${show(value)}`,
        { expected: 'number', received: typeName(value), scale: scaleId }));
    }
    if (!codes.has(value)) {
      return reject(answerIssue(id, 'invalid_value', `${id}: ${show(value)} is not a level of scale ${scaleId}`,
        { value: show(value), scale: scaleId }));
    }
    return accept(unsigned(value));
  };
}

function singleChecker(id: string, values: string[]): Checker {
  const allowed = new Set(values);
  return (value) => {
    if (typeof value !== 'string') {
      return reject(answerIssue(id, 'invalid_type', `${id}: expected an option value, got ${show(value)}`,
        { expected: 'string', received: typeName(value) }));
    }
    if (value === '') return absent;
    if (!allowed.has(value)) {
      return reject(answerIssue(id, 'invalid_value', `${id}: ${show(value)} is not an option`, { value: show(value) }));
    }
    return accept(value);
  };
}

function multiChecker(id: string, values: string[], minSelected?: number, maxSelected?: number): Checker {
  const allowed = new Set(values);
  const most = maxSelected ?? values.length;
  return (value) => {
    if (!Array.isArray(value)) {
      return reject(answerIssue(id, 'invalid_type', `${id}: expected a list of option values, got ${show(value)}`,
        { expected: 'array', received: typeName(value) }));
    }
    // An empty list is what a page sends after unticking every box: the same as no answer.
    if (value.length === 0) return absent;
    const chosen = new Set<string>();
    for (const item of value as unknown[]) {
      if (typeof item !== 'string') {
        return reject(answerIssue(id, 'invalid_type', `${id}: expected option values, got ${show(item)} in the list`,
          { expected: 'string', received: typeName(item) }));
      }
      if (!allowed.has(item)) {
        return reject(answerIssue(id, 'invalid_value', `${id}: ${show(item)} is not an option`, { value: show(item) }));
      }
      if (chosen.has(item)) {
        return reject(answerIssue(id, 'duplicate', `${id}: ${show(item)} is chosen twice`, { value: item }));
      }
      chosen.add(item);
    }
    if (minSelected !== undefined && chosen.size < minSelected) {
      return reject(answerIssue(id, 'too_few', `${id}: choose at least ${minSelected}, got ${chosen.size}`,
        { minSelected, count: chosen.size }));
    }
    if (chosen.size > most) {
      return reject(answerIssue(id, 'too_many', `${id}: choose at most ${most}, got ${chosen.size}`,
        { maxSelected: most, count: chosen.size }));
    }
    return accept([...chosen]);
  };
}

function textChecker(id: string, maxLength: number): Checker {
  return (value) => {
    if (typeof value !== 'string') {
      return reject(answerIssue(id, 'invalid_type', `${id}: expected text, got ${show(value)}`,
        { expected: 'string', received: typeName(value) }));
    }
    const trimmed = value.trim();
    if (trimmed === '') return absent;
    // PostgreSQL text cannot hold NUL, and no keyboard types one: refuse rather than fail on insert.
    if (trimmed.includes('\u0000')) {
      return reject(answerIssue(id, 'invalid_value', `${id}: text contains a NUL character`, { value: 'NUL' }));
    }
    // Count characters as a reader does (an emoji is one), not UTF-16 units; only when it matters.
    if (trimmed.length > maxLength) {
      const length = codePoints(trimmed);
      if (length > maxLength) {
        return reject(answerIssue(id, 'too_long', `${id}: text of ${length} characters is longer than ${maxLength}`,
          { maxLength, length }));
      }
    }
    return accept(trimmed);
  };
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function numberChecker(id: string, min: number | undefined, max: number | undefined, integer: boolean): Checker {
  return (value) => {
    if (typeof value !== 'number') {
      return reject(answerIssue(id, 'invalid_type', `${id}: expected a number, got ${show(value)}`,
        { expected: 'number', received: typeName(value) }));
    }
    if (!Number.isFinite(value)) {
      return reject(answerIssue(id, 'invalid_value', `${id}: ${show(value)} is not a finite number`, { value: show(value) }));
    }
    if (integer && !Number.isInteger(value)) {
      return reject(answerIssue(id, 'not_integer', `${id}: ${value} is not a whole number`, { value }));
    }
    if (min !== undefined && value < min) {
      return reject(answerIssue(id, 'too_small', `${id}: ${value} is less than ${min}`, { value, min }));
    }
    if (max !== undefined && value > max) {
      return reject(answerIssue(id, 'too_large', `${id}: ${value} is more than ${max}`, { value, max }));
    }
    return accept(unsigned(value));
  };
}
