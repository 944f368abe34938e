import { toDecimal, toTrimmedString } from '../decimal.ts';
import type { Framework, Indicator, Rule } from '../framework/types.ts';
import { fromZodIssues } from '../framework/zod-issues.ts';
import { formatPath, indicatorLabel, type ScoringIssue } from '../issues.ts';
import { ruleModule, ruleNames } from '../rules/index.ts';
import { factKeys, indicatorInputSchema, type FactKey, type IndicatorInput, type InputProblem } from './input-schema.ts';

/** Every indicator of a framework by code. */
export function indicatorsByCode(framework: Framework): Map<string, Indicator> {
  const byCode = new Map<string, Indicator>();
  const walk = (list: Indicator[]) => list.forEach((i) => (byCode.set(i.code, i), walk(i.children)));
  walk(framework.indicators);
  return byCode;
}

/** The fact a rule scores from, named when an input has nothing; a rule without one takes a score. */
function mainFact(rule: Rule): FactKey | undefined {
  if (rule.kind === 'stepDeduction') return rule.single ? 'value' : 'values';
  return ruleModule(rule).facts[0];
}

/**
 * An input with no field at all: stored, it would only make its indicator unentered, which is
 * what clearing the entry is for, so it is refused saying what the indicator takes.
 */
function emptyProblem(ind: Indicator): InputProblem {
  const score = '得分 score（低于分值时附扣分原因 reason）';
  const fact = ind.rule ? mainFact(ind.rule) : undefined;
  const needs = ind.rule && fact ? `本指标按「${ruleNames[ind.rule.kind]}」评分，须录入 ${fact}，或录入${score}` : `须录入${score}`;
  return { field: fact ?? 'score', message: `录入为空：${needs}；要清除已有的录入，请删除它，不要录入空值` };
}

/** Problems with one indicator's input: nothing entered, facts its rule does not take, a score out of range, a missing reason. */
export function inputProblems(ind: Indicator, input: IndicatorInput): InputProblem[] {
  if (Object.keys(input).length === 0) return [emptyProblem(ind)];
  const problems: InputProblem[] = [];
  const takes: readonly string[] = ind.rule ? ruleModule(ind.rule).facts : [];
  for (const field of factKeys) {
    if (input[field] === undefined || takes.includes(field)) continue;
    const message = ind.rule ? `本指标按「${ruleNames[ind.rule.kind]}」评分，不接受 ${field}` : `上级指标由下级合计，不接受 ${field}（整体评分请录入 score 与 reason）`;
    problems.push({ field, message });
  }
  if (ind.rule) problems.push(...ruleModule(ind.rule).check(ind.rule, input));
  if (input.score !== undefined) {
    const score = toDecimal(input.score);
    if (score.isNegative()) problems.push({ field: 'score', message: '得分不能为负数' });
    if (score.gt(ind.points)) problems.push({ field: 'score', message: `得分 ${toTrimmedString(score, 4)} 超过分值 ${toTrimmedString(ind.points, 4)}` });
    if (score.lt(ind.points) && !input.reason?.trim()) problems.push({ field: 'reason', message: '得分低于分值时须填写扣分原因（reason）' });
  }
  return problems;
}

/**
 * Checks inputs against a framework: every key a known code, every input well-formed for its
 * rule. Returns the usable inputs and an issue per problem; an input with a problem is left out,
 * so its indicator shows as unscored rather than with a wrong score.
 */
export function checkInputs(framework: Framework, json: unknown): { inputs: Map<string, IndicatorInput>; issues: ScoringIssue[] } {
  const inputs = new Map<string, IndicatorInput>();
  const issues: ScoringIssue[] = [];
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { inputs, issues: [{ code: null, path: 'inputs', message: 'inputs：输入须为以指标代码为键的 JSON 对象' }] };
  }
  const byCode = indicatorsByCode(framework);
  for (const [code, raw] of Object.entries(json)) {
    const path = formatPath(['inputs', code]);
    const ind = byCode.get(code);
    if (!ind) {
      issues.push({ code, path, message: `${path}：指标 ${code} 不在指标体系「${framework.name}」中` });
      continue;
    }
    const label = indicatorLabel(code, ind.name);
    const parsed = indicatorInputSchema.safeParse(raw);
    if (!parsed.success) {
      issues.push(...fromZodIssues(raw, parsed.error.issues, ['inputs', code]).map((i) => ({ ...i, code, message: `${label} ${i.message}` })));
      continue;
    }
    const problems = inputProblems(ind, parsed.data);
    for (const p of problems) {
      const at = formatPath(['inputs', code, p.field, ...(p.key === undefined ? [] : [p.key])]);
      issues.push({ code, path: at, message: `${label} ${at}：${p.message}` });
    }
    if (problems.length === 0) inputs.set(code, parsed.data);
  }
  return { inputs, issues };
}
