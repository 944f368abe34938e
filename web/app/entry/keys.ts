// The entry form's keyboard, as pure functions: which digit stands for which answer of a
// question, what a key press does, and where Enter goes next. Digits are level codes on a
// likert scale (5 非常满意 … 1 非常不满意, 0 不了解, as the codes are written on paper forms and in
// exports) and option numbers (1, 2, 3…) on choice questions.
import type { AnswerValue, Answers, Question, SurveyDefinition } from '../../../surveys/index.ts';
import { formView } from '../../respondent/form-state.ts';
import { answerChoices } from '../lib/choices.ts';

export interface DigitChoice {
  /** The key that picks it; null when there are more choices than digits. */
  digit: string | null;
  value: string | number;
  label: string;
}

export function digitChoices(definition: SurveyDefinition, question: Question): DigitChoice[] {
  return answerChoices(definition, question).map((c, i) => {
    // Level codes are the digits on a scale; options are numbered from 1.
    const digit = question.kind === 'likert'
      ? (typeof c.value === 'number' && Number.isInteger(c.value) && c.value >= 0 && c.value <= 9 ? String(c.value) : null)
      : (i < 9 ? String(i + 1) : null);
    return { ...c, digit };
  });
}

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  shiftKey?: boolean;
}

export type EntryAction =
  | { kind: 'answer'; value: AnswerValue | undefined }
  | { kind: 'next' }
  | { kind: 'save' }
  | { kind: 'none' };

/**
 * What a key does on the current question (null: on the summary). `current` is the question's
 * answer so far, for toggling a multi choice. Keys that are not ours do what they always do.
 */
export function entryKey(definition: SurveyDefinition, question: Question | null, current: AnswerValue | undefined, key: KeyPress): EntryAction {
  if (key.key === 'Enter' && (key.ctrlKey || key.metaKey)) return { kind: 'save' };
  if (key.ctrlKey || key.metaKey || key.altKey) return { kind: 'none' };
  // Shift+Enter stays a new line in a text answer.
  if (key.key === 'Enter') return key.shiftKey ? { kind: 'none' } : { kind: 'next' };
  if (!question || (question.kind !== 'likert' && question.kind !== 'single' && question.kind !== 'multi')) return { kind: 'none' };
  if (key.key === 'Backspace' || key.key === 'Delete') return { kind: 'answer', value: undefined };
  if (!/^[0-9]$/.test(key.key)) return { kind: 'none' };
  const choice = digitChoices(definition, question).find((c) => c.digit === key.key);
  if (!choice) return { kind: 'none' };
  if (question.kind !== 'multi') return { kind: 'answer', value: choice.value };
  const chosen = Array.isArray(current) ? current : [];
  const value = String(choice.value);
  const next = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
  return { kind: 'answer', value: next.length > 0 ? next : undefined };
}

/** The questions on screen for these answers, in order (follow-ups appear, a screener cuts off). */
export function shownQuestions(definition: SurveyDefinition, answers: Answers): Question[] {
  const { shown } = formView(definition, answers);
  return definition.questions.filter((q) => shown.has(q.id));
}

/** The question after `currentId` on screen, or null when it was the last (the summary comes next). */
export function nextQuestion(definition: SurveyDefinition, answers: Answers, currentId: string): string | null {
  const shown = shownQuestions(definition, answers);
  const at = shown.findIndex((q) => q.id === currentId);
  return shown[at + 1]?.id ?? null;
}
