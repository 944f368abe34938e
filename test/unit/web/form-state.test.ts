import { describe, expect, test } from 'vitest';
import { formView, inPageOrder, missingRequired, progress, submittedAnswers } from '../../../web/respondent/form-state.ts';
import { publicTemplate } from './page.ts';

const def = publicTemplate;
const likertIds = def.questions.filter((q) => q.kind === 'likert').map((q) => q.id);

describe('what the live page shows and sends', () => {
  test('a follow-up shows only after 不满意 or 非常不满意', () => {
    expect(formView(def, { q2: 3 }).shown.has('q2-why')).toBe(false);
    expect(formView(def, { q2: 2 }).shown.has('q2-why')).toBe(true);
    expect(formView(def, { q2: 1 }).shown.has('q2-why')).toBe(true);
    expect(formView(def, { q2: 0 }).shown.has('q2-why')).toBe(false);
  });

  test('an ineligible screener answer ends the questionnaire there', () => {
    const view = formView(def, { contact: 'no', q2: 1 });
    expect(view.screenedOutAt).toBe('contact');
    expect([...view.shown]).toEqual(['contact']);
    expect(formView(def, { contact: 'yes' }).screenedOutAt).toBeUndefined();
  });

  test('hidden answers and blank ones are not sent', () => {
    const answers = { contact: 'yes', q2: 4, 'q2-why': '太慢', q3: 1, 'q3-why': '   ', suggestion: '' };
    expect(submittedAnswers(def, answers)).toEqual({ contact: 'yes', q2: 4, q3: 1 });
    expect(submittedAnswers(def, { contact: 'no', identity: 'other', q1: 5 })).toEqual({ contact: 'no' });
  });

  test('progress counts the required questions on screen', () => {
    const required = def.questions.filter((q) => q.required).length;
    expect(progress(def, {})).toEqual({ done: 0, total: required });
    expect(progress(def, { contact: 'yes', q1: 5 })).toEqual({ done: 2, total: required });
    expect(progress(def, { contact: 'no' })).toEqual({ done: 1, total: 1 });
  });

  test('missing required answers, in page order', () => {
    const answers: Record<string, number | string> = { contact: 'yes', identity: 'employee', town: 'other' };
    for (const id of likertIds) answers[id] = 4;
    expect(missingRequired(def, answers)).toEqual([]);
    delete answers.q3;
    delete answers.identity;
    expect(missingRequired(def, answers).map((i) => [i.question, i.code])).toEqual([['identity', 'required'], ['q3', 'required']]);
    expect(missingRequired(def, { contact: 'no' })).toEqual([]);
    const shuffled = inPageOrder(def, [
      { question: 'overall', code: 'required', message: '' },
      { question: 'contact', code: 'required', message: '' },
      { question: 'nope', code: 'unknown_question', message: '' },
    ]);
    expect(shuffled.map((i) => i.question)).toEqual(['nope', 'contact', 'overall']);
  });
});
