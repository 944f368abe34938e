import { describe, expect, test } from 'vitest';
import { digitChoices, entryKey, nextQuestion, shownQuestions } from '../../../../web/app/entry/keys.ts';
import { templates } from '../../../../surveys/templates/index.ts';

const def = templates.public;
const q = (id: string) => def.questions.find((x) => x.id === id)!;

describe('the entry form keys', () => {
  test('digits are level codes on a likert scale, 0 is 不了解', () => {
    expect(entryKey(def, q('q2'), undefined, { key: '5' })).toEqual({ kind: 'answer', value: 5 });
    expect(entryKey(def, q('q2'), undefined, { key: '1' })).toEqual({ kind: 'answer', value: 1 });
    expect(entryKey(def, q('q2'), undefined, { key: '0' })).toEqual({ kind: 'answer', value: 0 });
    // q1's scale has no 不了解: 0 does nothing, nor does a digit with no level.
    expect(entryKey(def, q('q1'), undefined, { key: '0' })).toEqual({ kind: 'none' });
    expect(entryKey(def, q('q2'), undefined, { key: '7' })).toEqual({ kind: 'none' });
  });

  test('digits are option numbers on a choice question', () => {
    expect(entryKey(def, q('contact'), undefined, { key: '1' })).toEqual({ kind: 'answer', value: 'yes' });
    expect(entryKey(def, q('contact'), undefined, { key: '2' })).toEqual({ kind: 'answer', value: 'no' });
    expect(entryKey(def, q('contact'), undefined, { key: '3' })).toEqual({ kind: 'none' });
    expect(digitChoices(def, q('town')).map((c) => c.digit)).toEqual(['1', '2', '3', '4', '5']);
  });

  test('a multi question toggles, and an empty list is no answer', () => {
    const multi = { id: 'm', kind: 'multi' as const, label: 'm', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] };
    expect(entryKey(def, multi, undefined, { key: '2' })).toEqual({ kind: 'answer', value: ['b'] });
    expect(entryKey(def, multi, ['b'], { key: '1' })).toEqual({ kind: 'answer', value: ['b', 'a'] });
    expect(entryKey(def, multi, ['b'], { key: '2' })).toEqual({ kind: 'answer', value: undefined });
  });

  test('Enter moves on, Shift+Enter is a new line, Ctrl+Enter saves anywhere, Backspace clears a choice', () => {
    expect(entryKey(def, q('q2'), 5, { key: 'Enter' })).toEqual({ kind: 'next' });
    expect(entryKey(def, q('suggestion'), 'x', { key: 'Enter', shiftKey: true })).toEqual({ kind: 'none' });
    expect(entryKey(def, q('suggestion'), 'x', { key: 'Enter', ctrlKey: true })).toEqual({ kind: 'save' });
    expect(entryKey(def, null, undefined, { key: 'Enter', metaKey: true })).toEqual({ kind: 'save' });
    expect(entryKey(def, q('q2'), 5, { key: 'Backspace' })).toEqual({ kind: 'answer', value: undefined });
    // Digits typed into a text or number answer are text, not choices; Ctrl+digit is the browser's.
    expect(entryKey(def, q('suggestion'), undefined, { key: '5' })).toEqual({ kind: 'none' });
    expect(entryKey(def, q('q2'), undefined, { key: '5', ctrlKey: true })).toEqual({ kind: 'none' });
  });

  test('Enter skips follow-ups that do not apply and ends at the summary', () => {
    expect(nextQuestion(def, { q2: 5 }, 'q2')).toBe('q3');
    expect(nextQuestion(def, { q2: 1 }, 'q2')).toBe('q2-why');
    expect(nextQuestion(def, {}, 'suggestion')).toBeNull();
    // The screener answered 否: nothing more is asked.
    expect(shownQuestions(def, { contact: 'no' }).map((x) => x.id)).toEqual(['contact']);
    expect(nextQuestion(def, { contact: 'no' }, 'contact')).toBeNull();
  });
});
