import { descending, type Band } from '../bands.ts';
import { sum, toDecimal, toTrimmedString } from '../decimal.ts';
import { indicatorLabel, type ScoringIssue } from '../issues.ts';
import { frameworkSchema, type IndicatorJson, type RuleJson } from './schema.ts';
import type { Framework, Indicator, Rule } from './types.ts';
import { fromZodIssues } from './zod-issues.ts';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: ScoringIssue[] };

function compileBands(bands: { min: string | number; factor: string | number }[]): Band[] {
  return descending(bands.map((b) => ({ min: toDecimal(b.min), factor: toDecimal(b.factor) })));
}

export function compileRule(r: RuleJson): Rule {
  switch (r.kind) {
    case 'satisfaction':
    case 'band':
      return { kind: r.kind, bands: compileBands(r.bands) };
    case 'stepDeduction': {
      const single = r.measures === undefined;
      const measures = (r.measures ?? [{ id: 'value', ...r, step: r.step!, deduct: r.deduct! }]).map((m) => ({
        id: m.id,
        label: m.label ?? null,
        target: m.target === undefined ? null : toDecimal(m.target),
        direction: m.direction ?? 'atLeast',
        step: toDecimal(m.step),
        deduct: toDecimal(m.deduct),
        maxDeduct: m.maxDeduct === undefined ? null : toDecimal(m.maxDeduct),
      }));
      return { kind: 'stepDeduction', measures, single };
    }
    case 'completion':
      return { kind: 'completion', target: toDecimal(r.target), direction: r.direction ?? 'atLeast', floor: toDecimal(r.floor ?? 0) };
    case 'grade':
      return { kind: 'grade', factors: new Map(Object.entries(r.factors).map(([k, v]) => [k, toDecimal(v)])) };
    case 'checklist':
      return { kind: 'checklist', elements: r.elements, missing: r.missing === 'zero' ? 'zero' : { deductEach: toDecimal(r.missing.deductEach) } };
    case 'manual':
      return { kind: 'manual' };
  }
}

function compileIndicator(j: IndicatorJson): Indicator {
  return {
    code: j.code,
    name: j.name,
    points: toDecimal(j.points),
    criteria: j.criteria ?? null,
    rule: j.rule ? compileRule(j.rule) : null,
    children: (j.children ?? []).map(compileIndicator),
  };
}

// What zod cannot see node by node: codes unique across the tree, a rule xor children, and
// children whose points add up to their parent's.
function structuralIssues(indicators: Indicator[]): ScoringIssue[] {
  const issues: ScoringIssue[] = [];
  const seen = new Set<string>();
  const walk = (list: Indicator[], path: string) =>
    list.forEach((ind, i) => {
      const here = `${path}[${i}]`;
      const label = indicatorLabel(ind.code, ind.name);
      const add = (message: string, at = here) => issues.push({ code: ind.code, path: at, message: `${label} ${at}：${message}` });
      if (seen.has(ind.code)) add(`指标代码 ${ind.code} 重复`, `${here}.code`);
      seen.add(ind.code);
      if (ind.rule && ind.children.length > 0) add('不能同时有 rule 和 children：上级指标由下级合计，整体评分请在输入中录入 score');
      if (!ind.rule && ind.children.length === 0) add('缺少评分规则 rule（或下级指标 children）');
      if (ind.children.length > 0) {
        const total = sum(ind.children.map((c) => c.points));
        if (!total.eq(ind.points)) add(`下级指标分值合计 ${toTrimmedString(total, 4)}，与本级分值 ${toTrimmedString(ind.points, 4)} 不符`, `${here}.points`);
      }
      walk(ind.children, `${here}.children`);
    });
  walk(indicators, 'indicators');
  return issues;
}

/** Parses a framework (指标体系) JSON: issues name the indicator code and path, nothing throws. */
export function parseFramework(json: unknown): ParseResult<Framework> {
  const parsed = frameworkSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: fromZodIssues(json, parsed.error.issues) };
  const f = parsed.data;
  const indicators = f.indicators.map(compileIndicator);
  const issues = structuralIssues(indicators);
  const grades = f.grades.map((g) => ({ min: toDecimal(g.min), label: g.label }));
  grades.forEach((g, i) => {
    if (i > 0 && !g.min.lt(grades[i - 1]!.min)) {
      issues.push({ code: null, path: `grades[${i}].min`, message: `grades[${i}].min：等级须按下限从高到低排列，且下限各不相同` });
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { name: f.name, grades, indicators } };
}
