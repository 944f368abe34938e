// A framework with text where a figure belongs is refused with issues naming the field; the
// range checks behind the format check (不能为负数, 须大于 0, 系数在 0 到 1 之间, bands from high
// to low) never see that text, so parsing never throws (a throw became a 500 on PUT …/framework).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFramework } from '../../../scoring/framework/compile.ts';
import type { FrameworkJson, RuleJson } from '../../../scoring/framework/schema.ts';

function framework(rule: unknown, over: { points?: unknown; gradeMin?: unknown } = {}): FrameworkJson {
  return {
    name: '测试指标体系',
    grades: [{ min: over.gradeMin ?? 0, label: '差' }],
    indicators: [{ code: '1', name: '满意度', points: over.points ?? 4, rule: rule as RuleJson }],
  } as FrameworkJson;
}

function issuesOf(json: unknown): { path: string; message: string }[] {
  const r = parseFramework(json);
  if (r.ok) throw new Error('expected the framework to be refused');
  return r.issues;
}

const bands = (min: unknown, factor: unknown) => ({ kind: 'band', bands: [{ min: 85, factor: 1 }, { min, factor }] });

describe('a figure given as text that is not a figure', () => {
  const cases: [string, unknown, { points?: unknown; gradeMin?: unknown } | undefined, string][] = [
    ['points', { kind: 'manual' }, { points: 'abc' }, 'indicators[0].points'],
    ['grades[].min', { kind: 'manual' }, { gradeMin: 'abc' }, 'grades[0].min'],
    ['bands[].min', bands('x', 0.8), undefined, 'indicators[0].rule.bands[1].min'],
    ['bands[].factor', bands(80, 'y'), undefined, 'indicators[0].rule.bands[1].factor'],
    ['bands[].factor 1/0', bands(80, '1/0'), undefined, 'indicators[0].rule.bands[1].factor'],
    ['step', { kind: 'stepDeduction', target: 100, step: 'abc', deduct: 0.2 }, undefined, 'indicators[0].rule.step'],
    ['target', { kind: 'completion', target: 'abc' }, undefined, 'indicators[0].rule.target'],
    ['floor', { kind: 'completion', target: 100, floor: '2/0' }, undefined, 'indicators[0].rule.floor'],
    ['measures[].deduct', { kind: 'stepDeduction', measures: [{ id: 'a', target: 1, step: 1, deduct: '-' }] }, undefined, 'indicators[0].rule.measures[0].deduct'],
    ['factors', { kind: 'grade', factors: { 优秀: 'a/b' } }, undefined, 'indicators[0].rule.factors["优秀"]'],
    ['deductEach', { kind: 'checklist', elements: ['a'], missing: { deductEach: '1/0' } }, undefined, 'indicators[0].rule.missing.deductEach'],
  ];
  for (const [what, rule, over, path] of cases) {
    it(`${what}: one issue naming ${path}, no throw`, () => {
      const issues = issuesOf(framework(rule, over));
      expect(issues.map((i) => i.path)).toEqual([path]);
      expect(issues[0]!.message).toMatch(/须为/);
    });
  }

  it('a bad band among good ones does not trip the high-to-low check', () => {
    const issues = issuesOf(framework({ kind: 'satisfaction', bands: [{ min: 85, factor: 1 }, { min: 'x', factor: 0.8 }, { min: 90, factor: 0 }] }));
    expect(issues.map((i) => i.path)).toEqual(['indicators[0].rule.bands[1].min']);
  });

  it('any text in any figure is refused or accepted, never thrown', () => {
    const slot = fc.oneof(fc.string(), fc.constantFrom('1/0', '0/0', '-1', '1e3', ' 1', '2/3', 'Infinity', 'NaN', '__proto__'), fc.double());
    fc.assert(
      fc.property(slot, slot, slot, slot, (a, b, c, d) => {
        for (const rule of [bands(a, b), { kind: 'stepDeduction', target: a, step: b, deduct: c, maxDeduct: d }, { kind: 'completion', target: a, floor: b }, { kind: 'grade', factors: { 优秀: a } }]) {
          expect(() => parseFramework(framework(rule, { points: c, gradeMin: d }))).not.toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('figures that are figures still meet their ranges', () => {
  it('says 须大于 0, 不能为负数 and 系数须在 0 到 1 之间 for well-formed figures out of range', () => {
    expect(issuesOf(framework({ kind: 'manual' }, { points: '0' })).map((i) => i.message)).toEqual([expect.stringContaining('须大于 0')]);
    expect(issuesOf(framework({ kind: 'manual' }, { gradeMin: -1 })).map((i) => i.message)).toEqual([expect.stringContaining('不能为负数')]);
    expect(issuesOf(framework(bands(80, '3/2'))).map((i) => i.message)).toEqual([expect.stringContaining('系数须在 0 到 1 之间')]);
    expect(issuesOf(framework(bands(90, 0.8))).map((i) => i.message)).toEqual([expect.stringContaining('档位须按下限从高到低排列')]);
  });

  it('accepts numbers, decimal strings and fractions where each belongs', () => {
    const r = parseFramework(framework({ kind: 'band', bands: [{ min: '85', factor: 1 }, { min: 80.5, factor: '2/3' }, { min: 0, factor: '0' }] }, { points: '4.5' }));
    expect(r.ok).toBe(true);
  });
});
