import type { Rule } from '../framework/types.ts';
import { bandScore } from './band-score.ts';
import type { RuleModule } from './types.ts';

/** 满意度: points × the factor of the first band whose min ≤ the published survey rate (≥ 85 % → full, 80–85 % → 80 %, …). */
export const satisfactionRule: RuleModule<Extract<Rule, { kind: 'satisfaction' }>> = {
  facts: ['rate', 'n', 'ci95'],
  check(_rule, input) {
    if ((input.n !== undefined || input.ci95 !== undefined) && input.rate === undefined) return [{ field: 'rate', message: '给出 n 或 ci95 时须同时给出 rate' }];
    return [];
  },
  apply(rule, points, input) {
    return input.rate === undefined ? null : bandScore(rule.bands, points, input.rate, '满意度');
  },
};
