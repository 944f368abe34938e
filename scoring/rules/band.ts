import type { Rule } from '../framework/types.ts';
import { bandScore } from './band-score.ts';
import type { RuleModule } from './types.ts';

/** 分档: points × the factor of the first band whose min ≤ the published measured percentage. */
export const bandRule: RuleModule<Extract<Rule, { kind: 'band' }>> = {
  facts: ['value'],
  check: () => [],
  apply(rule, points, input) {
    return input.value === undefined ? null : bandScore(rule.bands, points, input.value, '实际值');
  },
};
