import type { Decimal } from '../decimal.ts';
import type { Rule } from '../framework/types.ts';
import type { FactKey, IndicatorInput, InputProblem } from '../sheet/input-schema.ts';

/** What a rule computes: the unrounded score, and how, in words for the sheet. */
export interface Outcome {
  score: Decimal;
  basis: string;
}

export interface RuleModule<R extends Rule> {
  /** The facts this rule reads from an input; any other fact is an error. */
  facts: readonly FactKey[];
  /** Problems with facts that are present (a grade not in the table, a list of the wrong length), each naming its field. */
  check(rule: R, input: IndicatorInput): InputProblem[];
  /** The score from the facts, or null when they are absent (the node is then unscored). */
  apply(rule: R, points: Decimal, input: IndicatorInput): Outcome | null;
}
