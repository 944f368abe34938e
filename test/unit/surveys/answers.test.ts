import { describe, expect, it } from 'vitest';
import { buildAnswerValidator, validateAnswers, type AnswerIssue } from '../../../surveys/answers.ts';
import { templates } from '../../../surveys/templates/index.ts';
import { sampleAnswers, sampleDefinition } from './sample.ts';

const validate = buildAnswerValidator(sampleDefinition());

/** The issues for the sample's valid answers changed by `changes` (undefined deletes). */
function issuesWith(changes: Record<string, unknown>): Pick<AnswerIssue, 'question' | 'code'>[] {
  const answers: Record<string, unknown> = { ...sampleAnswers(), ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete answers[key];
  const result = validate(answers);
  if (result.ok) return [];
  return result.issues.map(({ question, code }) => ({ question, code }));
}

describe('buildAnswerValidator: valid answers', () => {
  it('accepts a complete set and returns it in question order', () => {
    expect(validate(sampleAnswers())).toEqual({ ok: true, answers: sampleAnswers() });
  });

  it('accepts the not-applicable code of a scale', () => {
    expect(issuesWith({ q1: 0, channels: undefined, 'channels-other': undefined })).toEqual([]);
  });

  it('trims text and treats blank text, null, an empty list and an empty option as no answer', () => {
    const result = validate({ ...sampleAnswers(), note: '  很好\n', age: null, channels: ['other'], 'channels-other': ' x ', role: 'b', spend: undefined });
    expect(result).toEqual({
      ok: true,
      answers: { contact: 'yes', role: 'b', q1: 2, channels: ['other'], 'channels-other': 'x', overall: 4, note: '很好' },
    });
    const blanks = validate({ ...sampleAnswers(), note: '   ', channels: [], 'channels-other': undefined });
    expect(blanks.ok && Object.keys(blanks.answers)).toEqual(['contact', 'role', 'q1', 'age', 'spend', 'overall']);
  });

  it('stores 0 for -0 so a stored answer re-validates to itself', () => {
    const result = validate({ ...sampleAnswers(), q1: -0, channels: undefined, 'channels-other': undefined, spend: -0 });
    expect(result.ok && Object.is(result.answers.q1, 0) && Object.is(result.answers.spend, 0)).toBe(true);
  });

  it('validateAnswers caches one validator per definition', () => {
    const d = sampleDefinition();
    expect(validateAnswers(d, sampleAnswers())).toEqual({ ok: true, answers: sampleAnswers() });
    expect(validateAnswers(d, {}).ok).toBe(false);
  });
});

describe('buildAnswerValidator: refused input', () => {
  it('refuses answers that are not a plain object', () => {
    for (const input of [null, undefined, 3, 'q1', [], [sampleAnswers()], new Date(), new Map()]) {
      const result = validate(input);
      expect(result.ok ? [] : result.issues.map((i) => [i.question, i.code])).toEqual([['', 'invalid_type']]);
    }
  });

  it('refuses unknown question ids, including __proto__', () => {
    const answers = JSON.parse('{"__proto__": {"q1": 5}, "q99": 1}') as Record<string, unknown>;
    const result = validate({ ...sampleAnswers(), ...answers });
    expect(result.ok ? [] : result.issues.map((i) => [i.question, i.code])).toEqual([
      ['__proto__', 'unknown_question'], ['q99', 'unknown_question'],
    ]);
  });

  it('requires a visible required question', () => {
    expect(issuesWith({ overall: undefined, role: '' })).toEqual([
      { question: 'role', code: 'required' }, { question: 'overall', code: 'required' },
    ]);
  });

  it('refuses a likert answer of the wrong type or off the scale, with an English message naming it', () => {
    expect(issuesWith({ overall: '5' })).toEqual([{ question: 'overall', code: 'invalid_type' }]);
    expect(issuesWith({ overall: [5] })).toEqual([{ question: 'overall', code: 'invalid_type' }]);
    expect(issuesWith({ overall: { code: 5 } })).toEqual([{ question: 'overall', code: 'invalid_type' }]);
    for (const bad of [6, 4.5, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(issuesWith({ overall: bad })).toEqual([{ question: 'overall', code: 'invalid_value' }]);
    }
    const result = validate({ ...sampleAnswers(), overall: 6 });
    expect(!result.ok && result.issues[0]).toEqual({
      question: 'overall', code: 'invalid_value', message: 'overall: 6 is not a level of scale sat5', params: { value: '6', scale: 'sat5' },
    });
  });

  it('refuses a single answer that is not one of its options', () => {
    expect(issuesWith({ role: 'c' })).toEqual([{ question: 'role', code: 'invalid_value' }]);
    expect(issuesWith({ role: 1 })).toEqual([{ question: 'role', code: 'invalid_type' }]);
    expect(issuesWith({ role: ['a'] })).toEqual([{ question: 'role', code: 'invalid_type' }]);
  });

  it('refuses multi answers that are not a list of distinct options within the limits', () => {
    expect(issuesWith({ channels: 'wait' })).toEqual([{ question: 'channels', code: 'invalid_type' }]);
    expect(issuesWith({ channels: ['wait', 3] })).toEqual([{ question: 'channels', code: 'invalid_type' }]);
    expect(issuesWith({ channels: ['wait', ['other']] })).toEqual([{ question: 'channels', code: 'invalid_type' }]);
    expect(issuesWith({ channels: ['wait', 'nope'] })).toEqual([{ question: 'channels', code: 'invalid_value' }]);
    expect(issuesWith({ channels: ['wait', 'wait'] })).toEqual([{ question: 'channels', code: 'duplicate' }]);
    expect(issuesWith({ channels: ['wait', 'staff', 'other'] })).toEqual([{ question: 'channels', code: 'too_many' }]);
  });

  it('refuses fewer choices than minSelected', () => {
    const d = sampleDefinition();
    Object.assign(d.questions[3]!, { minSelected: 2 });
    const result = buildAnswerValidator(d)({ ...sampleAnswers(), channels: ['wait'], 'channels-other': undefined });
    expect(!result.ok && result.issues).toEqual([{
      question: 'channels', code: 'too_few', message: 'channels: choose at least 2, got 1', params: { minSelected: 2, count: 1 },
    }]);
  });

  it('refuses text that is not a string, too long, or holds NUL', () => {
    expect(issuesWith({ note: 5 })).toEqual([{ question: 'note', code: 'invalid_type' }]);
    expect(issuesWith({ note: ['a'] })).toEqual([{ question: 'note', code: 'invalid_type' }]);
    expect(issuesWith({ note: 'a\u0000b' })).toEqual([{ question: 'note', code: 'invalid_value' }]);
    expect(issuesWith({ 'channels-other': '一二三四五六七八九十' })).toEqual([]);
    expect(issuesWith({ 'channels-other': '一二三四五六七八九十一' })).toEqual([{ question: 'channels-other', code: 'too_long' }]);
    // Ten emoji are 20 UTF-16 units but ten characters.
    expect(issuesWith({ 'channels-other': '😀'.repeat(10) })).toEqual([]);
  });

  it('limits text without maxLength to 2000 characters', () => {
    expect(issuesWith({ note: 'x'.repeat(2000) })).toEqual([]);
    expect(issuesWith({ note: 'x'.repeat(2001) })).toEqual([{ question: 'note', code: 'too_long' }]);
  });

  it('refuses numbers of the wrong type, non-finite, fractional where integer, or out of range', () => {
    expect(issuesWith({ age: '30' })).toEqual([{ question: 'age', code: 'invalid_type' }]);
    expect(issuesWith({ age: true })).toEqual([{ question: 'age', code: 'invalid_type' }]);
    expect(issuesWith({ spend: Number.NaN })).toEqual([{ question: 'spend', code: 'invalid_value' }]);
    expect(issuesWith({ spend: Number.NEGATIVE_INFINITY })).toEqual([{ question: 'spend', code: 'invalid_value' }]);
    expect(issuesWith({ age: 30.5 })).toEqual([{ question: 'age', code: 'not_integer' }]);
    expect(issuesWith({ age: 15 })).toEqual([{ question: 'age', code: 'too_small' }]);
    expect(issuesWith({ age: 101 })).toEqual([{ question: 'age', code: 'too_large' }]);
    expect(issuesWith({ spend: -0.01 })).toEqual([{ question: 'spend', code: 'too_small' }]);
    expect(issuesWith({ spend: 1e12 })).toEqual([]);
  });

  it('reports every question at once', () => {
    expect(issuesWith({ contact: 'maybe', age: 1.5, overall: 9, extra: 1 })).toEqual([
      { question: 'extra', code: 'unknown_question' },
      { question: 'contact', code: 'invalid_value' },
      { question: 'age', code: 'not_integer' },
      { question: 'overall', code: 'invalid_value' },
    ]);
  });

  it('never throws on exotic objects', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    expect(validate(hostile)).toMatchObject({ ok: false, issues: [{ question: '', code: 'invalid_type' }] });
    const getter = Object.defineProperty({ ...sampleAnswers() }, 'note', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(validate(getter).ok).toBe(false);
    expect(validate({ ...sampleAnswers(), note: Symbol('x'), age: 10n })).toMatchObject({ ok: false });
  });

  it('keeps the issue list bounded', () => {
    const junk = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`x${i}`, i]));
    const result = validate({ ...sampleAnswers(), ...junk });
    expect(!result.ok && result.issues.length).toBe(100);
  });
});

describe('buildAnswerValidator: conditions and the screener', () => {
  it('refuses an answer to a hidden follow-up', () => {
    expect(issuesWith({ q1: 4, channels: undefined, 'channels-other': undefined, age: 30 })).toEqual([]);
    expect(issuesWith({ q1: 4, 'channels-other': undefined })).toEqual([{ question: 'channels', code: 'hidden' }]);
    const result = validate({ ...sampleAnswers(), q1: 4, 'channels-other': undefined });
    expect(!result.ok && result.issues[0]).toEqual({
      question: 'channels', code: 'hidden', message: 'channels: must not be answered, as its condition on q1 is not met', params: { dependsOn: 'q1' },
    });
  });

  it('hides the follow-up of a hidden follow-up', () => {
    expect(issuesWith({ q1: 5, channels: undefined })).toEqual([{ question: 'channels-other', code: 'hidden' }]);
  });

  it('shows a condition on a multi question when any chosen value is listed', () => {
    expect(issuesWith({ channels: ['wait'], 'channels-other': 'x' })).toEqual([{ question: 'channels-other', code: 'hidden' }]);
    expect(issuesWith({ channels: ['staff', 'other'], 'channels-other': 'x' })).toEqual([]);
  });

  it('requires a required follow-up only while it is visible', () => {
    expect(issuesWith({ 'channels-other': undefined })).toEqual([{ question: 'channels-other', code: 'required' }]);
    expect(issuesWith({ channels: ['wait'], 'channels-other': undefined })).toEqual([]);
  });

  it('lets a respondent the screener finds ineligible leave later required questions out', () => {
    expect(validate({ contact: 'no' })).toEqual({ ok: true, answers: { contact: 'no' } });
    expect(validate({ contact: 'yes' }).ok).toBe(false);
    expect(issuesWith({ contact: 'no', role: undefined, q1: undefined, channels: undefined, 'channels-other': undefined, overall: undefined })).toEqual([]);
  });

  it('still checks the answers an ineligible respondent gave', () => {
    expect(validate({ contact: 'no', overall: 7 })).toMatchObject({ ok: false, issues: [{ question: 'overall', code: 'invalid_value' }] });
    expect(validate({ contact: 'no', q1: 5, channels: ['wait'] })).toMatchObject({ ok: false, issues: [{ question: 'channels', code: 'hidden' }] });
  });

  it('requires the screener itself', () => {
    expect(issuesWith({ contact: undefined })).toEqual([{ question: 'contact', code: 'required' }]);
  });
});

describe('template answers', () => {
  it('a resident who answers everything passes; a dissatisfied one may explain', () => {
    const answers = {
      contact: 'yes', identity: 'employee', town: 'wangtuan',
      q1: 4, q2: 5, q3: 2, 'q3-why': '人才公寓申请等待时间长', q4: 4, q5: 0, q6: 3, q7: 5, overall: 5, suggestion: '继续加强政策宣传',
    };
    expect(buildAnswerValidator(templates.public)(answers)).toEqual({ ok: true, answers });
  });

  it('a company that picks four needs is refused', () => {
    const answers = {
      contact: 'yes', size: 'small', industry: 'manufacturing', q1: 5, q2: 5, q3: 4, q4: 4, q5: 5, overall: 5,
      needs: ['funding', 'talent', 'hiring', 'approval'],
    };
    const result = buildAnswerValidator(templates.enterprise)(answers);
    expect(result.ok ? [] : result.issues.map((i) => [i.question, i.code])).toEqual([['needs', 'too_many']]);
  });
});

describe('buildAnswerValidator: issues upstream', () => {
  it('names only the refused question, not the follow-ups whose visibility it decides', () => {
    expect(issuesWith({ q1: 'bad' })).toEqual([{ question: 'q1', code: 'invalid_type' }]);
    expect(issuesWith({ q1: 9, channels: undefined, 'channels-other': undefined })).toEqual([{ question: 'q1', code: 'invalid_value' }]);
    expect(issuesWith({ channels: ['other', 'nope'] })).toEqual([{ question: 'channels', code: 'invalid_value' }]);
  });
});
