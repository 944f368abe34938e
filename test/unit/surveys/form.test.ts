import { describe, expect, it } from 'vitest';
import { answersFromForm } from '../../../surveys/form.ts';
import { buildAnswerValidator } from '../../../surveys/answers.ts';
import { templates } from '../../../surveys/templates/index.ts';
import { sampleAnswers, sampleDefinition } from './sample.ts';

const d = sampleDefinition();
const validate = buildAnswerValidator(d);

describe('answersFromForm', () => {
  it('turns a complete form post into typed answers the validator accepts', () => {
    const form = {
      id: '3b7e…', t: 'token', startedAt: '2024-01-01T00:00:00Z',
      contact: 'yes', role: 'a', q1: '2', channels: ['wait', 'other'], 'channels-other': '排队',
      age: '30', spend: '12.5', overall: '4', note: '很好',
    };
    const answers = answersFromForm(d, form);
    expect(answers).toEqual(sampleAnswers());
    expect(validate(answers)).toEqual({ ok: true, answers: sampleAnswers() });
  });

  it('makes a single ticked box a list, and drops blank fields', () => {
    expect(answersFromForm(d, { q1: '1', channels: 'wait', note: '  ', age: '', role: ['', ''] })).toEqual({ q1: 1, channels: ['wait'] });
  });

  it('drops answers to questions hidden by the other answers, and their follow-ups', () => {
    const form = { contact: 'yes', q1: '5', channels: ['other'], 'channels-other': '排队', overall: '5' };
    expect(answersFromForm(d, form)).toEqual({ contact: 'yes', q1: 5, overall: 5 });
    expect(answersFromForm(templates.public, { q3: '4', 'q3-why': '慢', q4: '1', 'q4-why': '拖欠工资处理慢' }))
      .toEqual({ q3: 4, q4: 1, 'q4-why': '拖欠工资处理慢' });
  });

  it('drops the answers after a screener answered ineligibly, as the live page sends none', () => {
    const form = { contact: 'no', role: 'a', q1: '2', overall: '4', note: '很好' };
    expect(answersFromForm(d, form)).toEqual({ contact: 'no' });
    expect(validate(answersFromForm(d, form))).toEqual({ ok: true, answers: { contact: 'no' } });
    expect(answersFromForm(templates.public, { contact: 'no', identity: 'employee', q1: '4', overall: '4' })).toEqual({ contact: 'no' });
    // An eligible answer asks everything after it.
    expect(answersFromForm(d, { ...form, contact: 'yes' })).toMatchObject({ contact: 'yes', role: 'a', q1: 2 });
  });

  it('leaves unparseable text for the validator to name', () => {
    const answers = answersFromForm(d, { ...formOf(sampleAnswers()), overall: '满意', age: '三十' });
    expect(answers.overall).toBe('满意');
    expect(answers.age).toBe('三十');
    const result = validate(answers);
    expect(result.ok ? [] : result.issues.map((i) => [i.question, i.code])).toEqual([['age', 'invalid_type'], ['overall', 'invalid_type']]);
  });

  it('reads numbers as typed on a Chinese phone keyboard', () => {
    expect(answersFromForm(d, { age: '３５', spend: '1,200．5' })).toEqual({ age: 35, spend: 1200.5 });
    expect(answersFromForm(d, { spend: '-3' })).toEqual({ spend: -3 });
    expect(answersFromForm(d, { spend: '1e3' })).toEqual({ spend: 1000 });
    expect(answersFromForm(d, { spend: '12abc' })).toEqual({ spend: '12abc' });
  });

  it('keeps two values for a one-value question so the validator refuses them', () => {
    const answers = answersFromForm(d, { ...formOf(sampleAnswers()), role: ['a', 'b'] });
    expect(answers.role).toEqual(['a', 'b']);
    const result = validate(answers);
    expect(result.ok ? [] : result.issues.map((i) => [i.question, i.code])).toEqual([['role', 'invalid_type']]);
  });

  it('ignores fields that are not questions, including prototype names, and values that are not text', () => {
    const form = JSON.parse('{"__proto__": "x", "constructor": "y", "q1": "5"}') as Record<string, string>;
    expect(answersFromForm(d, { ...form, overall: { v: 1 } as unknown as string })).toEqual({ q1: 5 });
  });
});

/** A form post of typed answers, as the page's fields would send it. */
function formOf(answers: Record<string, number | string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));
}
