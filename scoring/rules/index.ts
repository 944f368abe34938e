import type { Rule } from '../framework/types.ts';
import { bandRule } from './band.ts';
import { checklistRule } from './checklist.ts';
import { completionRule } from './completion.ts';
import { gradeRule } from './grade.ts';
import { manualRule } from './manual.ts';
import { satisfactionRule } from './satisfaction.ts';
import { stepDeductionRule } from './step-deduction.ts';
import type { RuleModule } from './types.ts';

export type { Outcome, RuleModule } from './types.ts';

const modules: { [K in Rule['kind']]: RuleModule<Extract<Rule, { kind: K }>> } = {
  satisfaction: satisfactionRule,
  band: bandRule,
  stepDeduction: stepDeductionRule,
  completion: completionRule,
  grade: gradeRule,
  checklist: checklistRule,
  manual: manualRule,
};

/** The module that scores a rule of this kind. */
export function ruleModule<R extends Rule>(rule: R): RuleModule<R> {
  return modules[rule.kind] as unknown as RuleModule<R>;
}

/** Rule kinds in words, for messages and the sheet. */
export const ruleNames: Record<Rule['kind'], string> = {
  satisfaction: '满意度分档',
  band: '分档',
  stepDeduction: '逐档扣分',
  completion: '完成比例',
  grade: '等级',
  checklist: '要素清单',
  manual: '酌情评分',
};
