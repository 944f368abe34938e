import type { Rule } from '../framework/types.ts';
import { percent } from './format.ts';
import type { RuleModule } from './types.ts';

type GradeRule = Extract<Rule, { kind: 'grade' }>;

/** 按等级给分: points × the factor of the grade entered (优秀 100 %、良好 2/3、一般 1/3). */
export const gradeRule: RuleModule<GradeRule> = {
  facts: ['grade'],
  check(rule, input) {
    if (input.grade === undefined || rule.factors.has(input.grade)) return [];
    return [{ field: 'grade', message: `等级「${input.grade}」不在本指标的等级表（${[...rule.factors.keys()].join('、')}）中` }];
  },
  apply(rule, points, input) {
    const factor = input.grade === undefined ? undefined : rule.factors.get(input.grade);
    if (factor === undefined) return null;
    return { score: points.times(factor), basis: `评价为${input.grade}，得 ${percent(factor)}` };
  },
};
