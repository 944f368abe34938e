import type { Rule } from '../framework/types.ts';
import type { RuleModule } from './types.ts';

/** 酌情给分: the evaluator's score, 0 ≤ score ≤ points, with a reason (扣分原因) whenever below points. */
export const manualRule: RuleModule<Extract<Rule, { kind: 'manual' }>> = {
  facts: [],
  check: () => [],
  // Nothing to compute from: the sheet takes the entered score, checked where all scores are.
  apply: () => null,
};
