import { published } from '../bands.ts';
import { Decimal, sum, toDecimal, type Decimalish } from '../decimal.ts';
import type { Measure, Rule } from '../framework/types.ts';
import { shown } from './format.ts';
import type { IndicatorInput, InputProblem } from '../sheet/input-schema.ts';
import type { RuleModule } from './types.ts';

type StepDeduction = Extract<Rule, { kind: 'stepDeduction' }>;

/** The deduction for one measure: ⌊shortfall ÷ step⌋ × deduct, at most maxDeduct. */
export function measureDeduction(m: Measure, target: Decimal, value: Decimalish): { deduct: Decimal; words: string } {
  const v = published(value);
  const shortfall = m.direction === 'atLeast' ? target.minus(v) : v.minus(target);
  const name = m.label ?? '实际值';
  const relation = m.direction === 'atLeast' ? '低于' : '高于';
  if (!shortfall.gt(0)) return { deduct: new Decimal(0), words: `${name} ${shown(v)}，不${relation}目标 ${shown(target)}，不扣分` };
  const steps = shortfall.div(m.step).floor();
  const full = steps.times(m.deduct);
  const deduct = m.maxDeduct && full.gt(m.maxDeduct) ? m.maxDeduct : full;
  const capped = deduct.eq(full) ? '' : `，最多扣 ${shown(deduct)}`;
  return {
    deduct,
    words: `${name} ${shown(v)}，${relation}目标 ${shown(target)} 共 ${shown(shortfall)}：${shown(steps)} 档 × ${shown(m.deduct)} = 扣 ${shown(full)}${capped}`,
  };
}

/**
 * 逐档扣分: points − Σ ⌊shortfall ÷ step⌋ × deduct over its measures, not below 0 (扣完为止);
 * e.g. 支出预算完成率 < 100 %：每下降 5 个百分点扣 0.2 分.
 */
export const stepDeductionRule: RuleModule<StepDeduction> = {
  facts: ['value', 'values', 'target'],
  check(rule, input) {
    const problems: InputProblem[] = [];
    if (rule.single) {
      if (input.values !== undefined) problems.push({ field: 'values', message: '本指标只有一项计量，请用 value' });
      if (input.target !== undefined && rule.measures[0]!.target !== null) problems.push({ field: 'target', message: '目标值已在指标体系中给定，不接受 target' });
      if (input.value !== undefined && input.target === undefined && rule.measures[0]!.target === null) problems.push({ field: 'target', message: '本指标以上年度等基准值为目标，须同时给出 target' });
    } else {
      const oneFact = input.value !== undefined ? 'value' : input.target !== undefined ? 'target' : null;
      if (oneFact) problems.push({ field: oneFact, message: `本指标有多项计量（${rule.measures.map((m) => m.id).join('、')}），请用 values` });
      if (input.values !== undefined) {
        const ids = new Set(rule.measures.map((m) => m.id));
        for (const id of Object.keys(input.values)) if (!ids.has(id)) problems.push({ field: 'values', key: id, message: `values 中的 ${id} 不是本指标的计量项` });
        for (const m of rule.measures) if (input.values[m.id] === undefined) problems.push({ field: 'values', key: m.id, message: `values 缺少 ${m.id}` });
      }
    }
    return problems;
  },
  apply(rule, points, input) {
    const parts = deductions(rule, input);
    if (!parts) return null;
    const deduct = sum(parts.map((p) => p.deduct));
    const score = Decimal.max(0, points.minus(deduct));
    const floor = points.minus(deduct).isNegative() ? `，扣完为止（本项 ${shown(points)} 分）` : '';
    return { score, basis: `${parts.map((p) => p.words).join('；')}${floor}` };
  },
};

// Each measure's deduction, or null until every measure has its value (and its target).
function deductions(rule: StepDeduction, input: IndicatorInput): ReturnType<typeof measureDeduction>[] | null {
  if (rule.single) {
    const m = rule.measures[0]!;
    const target = m.target ?? (input.target === undefined ? null : toDecimal(input.target));
    return input.value === undefined || target === null ? null : [measureDeduction(m, target, input.value)];
  }
  const values = input.values;
  if (!values || rule.measures.some((m) => values[m.id] === undefined)) return null;
  return rule.measures.map((m) => measureDeduction(m, m.target!, values[m.id]!));
}
