import { published } from '../bands.ts';
import { Decimal, toDecimal } from '../decimal.ts';
import type { Rule } from '../framework/types.ts';
import { percent, shown, shownRate } from './format.ts';
import type { RuleModule } from './types.ts';

type Completion = Extract<Rule, { kind: 'completion' }>;

/** The completion ratio, capped at 1: value ÷ target for "≥" targets, target ÷ value for "≤" targets. */
export function completionRatio(rule: Completion, value: Decimal): Decimal {
  const met = rule.direction === 'atLeast' ? value.gte(rule.target) : value.lte(rule.target);
  if (met) return new Decimal(1);
  return rule.direction === 'atLeast' ? value.div(rule.target) : rule.target.div(value);
}

/**
 * 按完成比例给分: points × completion ratio (capped at 1), nothing when the published ratio is
 * below the floor (数量指标按完成比例给分，低于 80 % 不给分); 768 done against ≤ 700 → 91.15 %.
 */
export const completionRule: RuleModule<Completion> = {
  facts: ['value'],
  check(_rule, input) {
    return input.value !== undefined && toDecimal(input.value).isNegative() ? [{ field: 'value', message: '完成值不能为负数' }] : [];
  },
  apply(rule, points, input) {
    if (input.value === undefined) return null;
    const value = toDecimal(input.value);
    const ratio = completionRatio(rule, value);
    const target = `${shown(value)}，目标 ${rule.direction === 'atLeast' ? '≥' : '≤'} ${shown(rule.target)}`;
    const ratioShown = published(ratio.times(100));
    if (ratioShown.lt(rule.floor.times(100))) {
      return { score: new Decimal(0), basis: `完成 ${target}：完成比例 ${shownRate(ratioShown)}，低于 ${percent(rule.floor)}，不得分` };
    }
    return { score: points.times(ratio), basis: `完成 ${target}：完成比例 ${shownRate(ratioShown)}` };
  },
};
