import type { ComponentChildren } from 'preact';
import type { AnswerValue, Question, SurveyDefinition } from '../../../surveys/index.ts';

/** What every question component gets from Question: its data, its heading and notes, and where to report a change. */
export interface FieldProps<Q extends Question = Question> {
  definition: SurveyDefinition;
  question: Q;
  value: AnswerValue | undefined;
  /** `undefined` removes the answer (an emptied field, every box unticked). */
  onChange: (id: string, value: AnswerValue | undefined) => void;
  disabled: boolean;
  /** Number, label and required mark: a legend for a group, a label for a single control. */
  head: ComponentChildren;
  /** Help, the no-JavaScript hint and the error message, under the heading. */
  notes: ComponentChildren;
  /** Ids of the help and error notes, for aria-describedby. */
  describedBy: string | undefined;
  invalid: boolean;
}
