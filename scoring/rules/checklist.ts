import { Decimal } from '../decimal.ts';
import type { Rule } from '../framework/types.ts';
import { percent } from './format.ts';
import type { RuleModule } from './types.ts';

type Checklist = Extract<Rule, { kind: 'checklist' }>;

/** 要素清单: all elements met → points; otherwise 0, or points × max(0, 1 − missing × deductEach). */
export const checklistRule: RuleModule<Checklist> = {
  facts: ['met'],
  check(rule, input) {
    if (input.met === undefined || input.met.length === rule.elements.length) return [];
    return [{ field: 'met', message: `met 须有 ${rule.elements.length} 项（${rule.elements.join('、')}），实有 ${input.met.length} 项` }];
  },
  apply(rule, points, input) {
    if (input.met === undefined) return null;
    const lacking = rule.elements.filter((_, i) => !input.met![i]);
    const have = `具备 ${rule.elements.length - lacking.length}/${rule.elements.length} 项要素`;
    if (lacking.length === 0) return { score: points, basis: have };
    const factor =
      rule.missing === 'zero' ? new Decimal(0) : Decimal.max(0, new Decimal(1).minus(rule.missing.deductEach.times(lacking.length)));
    const how = rule.missing === 'zero' ? '任一项不具备不得分' : `每缺一项扣 ${percent(rule.missing.deductEach)}`;
    return { score: points.times(factor), basis: `${have}，缺少${lacking.join('、')}；${how}，得 ${percent(factor)}` };
  },
};
