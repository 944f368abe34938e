import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFramework } from '../../../scoring/framework/compile.ts';
import type { FrameworkJson, IndicatorJson } from '../../../scoring/framework/schema.ts';
import type { Framework } from '../../../scoring/framework/types.ts';
import { scoreFromJson, scoreSheet } from '../../../scoring/sheet/score-sheet.ts';
import type { SheetIndicator } from '../../../scoring/sheet/types.ts';

const grades = [{ min: 90, label: '优' }, { min: 80, label: '良' }, { min: 60, label: '中' }, { min: 0, label: '差' }];

function fw(indicators: IndicatorJson[]): FrameworkJson {
  return { name: '测试指标体系', grades, indicators };
}

function parsed(json: FrameworkJson): Framework {
  const r = parseFramework(json);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

function flatten(list: SheetIndicator[]): SheetIndicator[] {
  return list.flatMap((i) => [i, ...flatten(i.children)]);
}

// Two first-level indicators, 60 + 40: a manual and a grade leaf, a band leaf and a parent.
const small = fw([
  { code: 'A', name: '甲', points: 60, children: [
    { code: 'A1', name: '甲一', points: 30, rule: { kind: 'manual' } },
    { code: 'A2', name: '甲二', points: 30, rule: { kind: 'grade', factors: { 优秀: 1, 良好: '2/3', 一般: '1/3' } } },
  ] },
  { code: 'B', name: '乙', points: 40, children: [
    { code: 'B1', name: '乙一', points: 40, rule: { kind: 'satisfaction', bands: [{ min: 85, factor: 1 }, { min: 80, factor: 0.8 }, { min: 0, factor: 0 }] } },
  ] },
]);

describe('framework schema', () => {
  it('messages name the indicator code and the path', () => {
    const bad = fw([{ code: 'A', name: '甲', points: 10, children: [{ code: 'A1', name: '甲一', points: -1, rule: { kind: 'manual' } }] }]);
    const r = parseFramework(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'A1', path: 'indicators[0].children[0].points' });
    expect(r.issues[0]!.message).toContain('指标 A1（甲一）');
    expect(r.issues[0]!.message).toContain('须大于 0');
  });

  it('children must add up to their parent', () => {
    const r = parseFramework(fw([{ code: 'A', name: '甲', points: 10, children: [{ code: 'A1', name: '甲一', points: 4, rule: { kind: 'manual' } }] }]));
    expect(!r.ok && r.issues.map((i) => i.message)).toEqual(['指标 A（甲） indicators[0].points：下级指标分值合计 4，与本级分值 10 不符']);
  });

  it('codes are unique; a node has a rule or children, not both or neither', () => {
    const r = parseFramework(fw([
      { code: 'A', name: '甲', points: 1, rule: { kind: 'manual' } },
      { code: 'A', name: '重复', points: 1, rule: { kind: 'manual' } },
      { code: 'C', name: '丙', points: 1 },
      { code: 'D', name: '丁', points: 1, rule: { kind: 'manual' }, children: [{ code: 'D1', name: '丁一', points: 1, rule: { kind: 'manual' } }] },
    ]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([
      ['A', 'indicators[1].code'], ['C', 'indicators[2]'], ['D', 'indicators[3]'],
    ]);
  });

  it('rule parameters are checked: a misspelt key, bands out of order, a factor above 1, a missing step', () => {
    const r = parseFramework(fw([
      { code: 'A', name: '甲', points: 1, rule: { kind: 'stepDeduction', target: 100, step: 5, deduc: 0.2 } as never },
      { code: 'B', name: '乙', points: 1, rule: { kind: 'band', bands: [{ min: 80, factor: 0.8 }, { min: 85, factor: 1 }] } },
      { code: 'C', name: '丙', points: 1, rule: { kind: 'grade', factors: { 优秀: 1.5 } } },
      { code: 'D', name: '丁', points: 1, rule: { kind: 'what' } as never },
    ]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(new Set(r.issues.map((i) => i.code))).toEqual(new Set(['A', 'B', 'C', 'D']));
    expect(r.issues.find((i) => i.code === 'B')!.path).toBe('indicators[1].rule.bands[1].min');
  });

  it('grades must run from the top down', () => {
    const r = parseFramework({ ...small, grades: [{ min: 60, label: '中' }, { min: 90, label: '优' }] });
    expect(!r.ok && r.issues[0]!.path).toBe('grades[1].min');
  });

  it('never throws, whatever the JSON (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (json) => {
      const r = parseFramework(json);
      expect(typeof r.ok).toBe('boolean');
    }));
  });
});

describe('inputs', () => {
  const f = parsed(small);

  it('a complete sheet: total from unrounded scores, rounded once; the grade of the published total', () => {
    // 30·(2/3) = 20 exactly only if the unrounded 2/3 is kept: 19.9999… would not be.
    const { sheet, issues } = scoreSheet(f, { A1: { score: '25', reason: '扣 5 分' }, A2: { grade: '良好' }, B1: { rate: '84.995' } });
    expect(issues).toEqual([]);
    expect(sheet).toMatchObject({ total: '85', rate: '85.00', grade: '良', complete: true });
    const A = sheet.indicators[0]!;
    expect(A).toMatchObject({ score: '45', rate: '75.00', rule: 'children', complete: true });
    expect(A.children[1]).toMatchObject({ score: '20', basis: '评价为良好，得 66.67%' });
    expect(sheet.indicators[1]!.children[0]).toMatchObject({ score: '40', basis: '满意度 85.00% ≥ 85.00%，得 100%' });
  });

  it('grades at their boundaries: 90 优, 89.995 优, 80 良, 79.99 中, 60 中, 59.99 差', () => {
    const at = (score: string) => scoreSheet(f, { A: { score: '0', reason: '—' }, B: { score, reason: '—' } }).sheet.grade;
    const full = (rest: string) => scoreSheet(f, { A: { score: '60' }, B: { score: rest, reason: '—' } }).sheet.grade;
    expect(full('30')).toBe('优');
    expect(full('29.995')).toBe('优');
    expect(full('20')).toBe('良');
    expect(full('19.99')).toBe('中');
    expect(full('0')).toBe('中');
    expect(at('39.99')).toBe('差');
  });

  it('an incomplete sheet sums what is scored and has no grade yet', () => {
    const { sheet } = scoreSheet(f, { A1: { score: '30' } });
    expect(sheet).toMatchObject({ total: '30', complete: false, grade: null });
    expect(sheet.indicators[0]).toMatchObject({ score: '30', complete: false });
    expect(sheet.indicators[1]).toMatchObject({ score: null, rate: null, complete: false });
  });

  it('errors, not findings: an unknown code, a score above points, a missing reason, a fact the rule does not take', () => {
    const { sheet, issues } = scoreSheet(f, {
      Z9: { score: '1' },
      A1: { score: '31' },
      A2: { score: '10' },
      B1: { grade: '优秀' },
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['Z9', 'inputs.Z9'], ['A1', 'inputs.A1.score'], ['A2', 'inputs.A2.reason'], ['B1', 'inputs.B1.grade'],
    ]);
    expect(issues.map((i) => i.message)).toEqual([
      'inputs.Z9：指标 Z9 不在指标体系「测试指标体系」中',
      '指标 A1（甲一） inputs.A1.score：得分 31 超过分值 30',
      '指标 A2（甲二） inputs.A2.reason：得分低于分值时须填写扣分原因（reason）',
      '指标 B1（乙一） inputs.B1.grade：本指标按「满意度分档」评分，不接受 grade',
    ]);
    // A bad input is left out: its indicator is unscored, never scored wrongly.
    expect(flatten(sheet.indicators).filter((i) => i.score !== null)).toEqual([]);
  });

  it('malformed inputs name their code and field', () => {
    const { issues } = scoreSheet(f, { 'A1': { score: 'abc' }, 'A2': { grade: '良好', vlaue: 1 } } as never);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['A1', 'inputs.A1.score'], ['A2', 'inputs.A2']]);
    expect(issues[0]!.message).toMatch(/^指标 A1（甲一） inputs\.A1\.score：/);
    const dotted = scoreFromJson(fw([{ code: '1.1', name: '一', points: 1, rule: { kind: 'manual' } }]), { '1.1': { score: -1 } });
    expect(dotted.issues[0]!.path).toBe('inputs["1.1"].score');
  });

  it('percentages outside 0–100 and empty inputs are errors, never scored', () => {
    const { sheet, issues } = scoreSheet(f, {
      B1: { rate: '150', ci95: ['99', '1'], statedRate: '-5' },
      A1: {},
      A2: {},
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['B1', 'inputs.B1.rate'], ['B1', 'inputs.B1.ci95'], ['B1', 'inputs.B1.statedRate'], ['A1', 'inputs.A1.score'], ['A2', 'inputs.A2.grade'],
    ]);
    expect(issues[3]!.message).toMatch(/录入为空：须录入得分 score/);
    expect(issues[4]!.message).toMatch(/本指标按「等级」评分，须录入 grade/);
    expect(flatten(sheet.indicators).filter((i) => i.score !== null)).toEqual([]);
    expect(scoreSheet(f, { B1: { rate: '-5' } }).issues.map((i) => i.path)).toEqual(['inputs.B1.rate']);
    expect(scoreSheet(f, { B1: { rate: '100', ci95: ['0', '100'], statedRate: '100' } }).issues).toEqual([]);
  });

  it('inputs that are not an object are one error', () => {
    for (const bad of [null, [], 'x', 3]) expect(scoreSheet(f, bad).issues).toEqual([{ code: null, path: 'inputs', message: 'inputs：输入须为以指标代码为键的 JSON 对象' }]);
  });

  it('never throws, whatever the inputs (property)', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('A', 'A1', 'A2', 'B', 'B1', 'X'), fc.jsonValue()), (inputs) => {
      const { sheet } = scoreSheet(f, inputs);
      expect(sheet.points).toBe('100');
    }));
  });
});

describe('findings', () => {
  const f = parsed(small);

  it('an entered score that differs from what its rule computes is kept, with a finding', () => {
    const { sheet, issues } = scoreSheet(f, { B1: { rate: '82', score: '40' } });
    expect(issues).toEqual([]);
    const b1 = sheet.indicators[1]!.children[0]!;
    expect(b1).toMatchObject({ score: '40', entered: true });
    expect(b1.findings).toEqual(['录入得分 40，按评分规则应为 32（满意度 82.00% ≥ 80.00%，得 80%）']);
  });

  it('an entered score that agrees as published is no finding (良好: 20 of 30)', () => {
    const { sheet } = scoreSheet(f, { A2: { grade: '良好', score: '20', reason: '良好' } });
    expect(sheet.indicators[0]!.children[1]!.findings).toEqual([]);
  });

  it('a parent scored as a whole, its children unscored: no finding, complete', () => {
    const { sheet } = scoreSheet(f, { A: { score: '50', reason: '整体评分' }, B1: { rate: '90' } });
    expect(sheet.indicators[0]).toMatchObject({ score: '50', entered: true, complete: true, findings: [] });
    expect(sheet.indicators[0]!.children.map((c) => c.score)).toEqual([null, null]);
    expect(sheet).toMatchObject({ total: '90', grade: '优' });
  });

  it("a parent's entered score that its children's sum does not match", () => {
    const { sheet } = scoreSheet(f, { A: { score: '50', reason: '整体评分' }, A1: { score: '30' }, A2: { grade: '优秀' } });
    expect(sheet.indicators[0]!.findings).toEqual(['录入得分 50（扣 10，得分率 83.33%），下级指标得分合计 60（扣 0，得分率 100.00%）']);
  });

  it('a printed rate that is not score ÷ points, compared at its own precision', () => {
    const rate = (statedRate: string) => scoreSheet(f, { A1: { score: '20', reason: '扣 10 分', statedRate } }).sheet.indicators[0]!.children[0]!.findings;
    expect(rate('66.67')).toEqual([]);
    expect(rate('66.7')).toEqual([]);
    expect(rate('67')).toEqual([]);
    expect(rate('66.6')).toEqual(['所列得分率 66.6% 与得分 20 ÷ 分值 30 = 66.67% 不符']);
  });

  it('satisfaction with n and ci95 says whether its band is certain', () => {
    const { sheet } = scoreSheet(f, { B1: { rate: '96.67', n: 30, ci95: ['83.33', '99.41'] } });
    // Without the counts the interval is scaled by √(n₀/n): 40 answers, where Wilson from the
    // counts (29 of 30) says 36 — the estimate errs on the side of more.
    expect(sheet.indicators[1]!.children[0]!.certainty).toMatchObject({ certain: false, straddles: ['85.00'], settlesAt: 40 });
    expect(scoreSheet(f, { B1: { rate: '96.67', n: 300, ci95: ['94.03', '98.19'] } }).sheet.indicators[1]!.children[0]!.certainty)
      .toMatchObject({ certain: true, settlesAt: null });
  });
});

// Random frameworks of grade leaves (factors in thirds, so rounded sums would drift) under up to
// three levels, with random grades: checks that hold for every sheet.
const leafArb = fc.record({ points: fc.integer({ min: 1, max: 9 }), grade: fc.constantFrom('优秀', '良好', '一般') });
const treeArb = fc.array(fc.array(fc.array(leafArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 });

function build(tree: { points: number; grade: string }[][][]) {
  const inputs: Record<string, { grade: string }> = {};
  const factors: Record<string, bigint> = { 优秀: 3n, 良好: 2n, 一般: 1n }; // in thirds
  const thirds: Record<string, bigint> = {};
  const indicators: IndicatorJson[] = tree.map((mids, i) => {
    const children = mids.map((leaves, j) => {
      const leafNodes = leaves.map((leaf, k) => {
        const code = `${i + 1}.${j + 1}.${k + 1}`;
        inputs[code] = { grade: leaf.grade };
        thirds[code] = BigInt(leaf.points) * factors[leaf.grade]!;
        return { code, name: `指标${code}`, points: leaf.points, rule: { kind: 'grade' as const, factors: { 优秀: 1, 良好: '2/3', 一般: '1/3' } } };
      });
      const code = `${i + 1}.${j + 1}`;
      thirds[code] = leafNodes.reduce((a, n) => a + thirds[n.code]!, 0n);
      return { code, name: `指标${code}`, points: leaves.reduce((a, l) => a + l.points, 0), children: leafNodes };
    });
    const code = `${i + 1}`;
    thirds[code] = children.reduce((a, n) => a + thirds[n.code]!, 0n);
    return { code, name: `指标${code}`, points: children.reduce((a, c) => a + c.points, 0), children };
  });
  return { framework: fw(indicators), inputs, thirds };
}

// x/3 rounded half-up to two decimals, trailing zeros dropped, by integer arithmetic.
function thirdsShown(t: bigint): string {
  const hundredths = (t * 100n * 2n + 3n) / 6n; // round(t·100/3) half-up
  const whole = hundredths / 100n;
  const frac = (hundredths % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

describe('sheet properties', () => {
  it("a parent equals the sum of its children's unrounded scores, rounded once", () => {
    fc.assert(fc.property(treeArb, (tree) => {
      const { framework, inputs, thirds } = build(tree);
      const { sheet, issues } = scoreFromJson(framework, inputs);
      expect(issues).toEqual([]);
      for (const ind of flatten(sheet!.indicators)) expect(ind.score).toBe(thirdsShown(thirds[ind.code]!));
      const total = sheet!.indicators.reduce((a, i) => a + thirds[i.code]!, 0n);
      expect(sheet!.total).toBe(thirdsShown(total));
    }));
  });

  it('scores stay within 0..points at every level', () => {
    fc.assert(fc.property(treeArb, (tree) => {
      const { framework, inputs } = build(tree);
      for (const ind of flatten(scoreFromJson(framework, inputs).sheet!.indicators)) {
        expect(Number(ind.score)).toBeGreaterThanOrEqual(0);
        expect(Number(ind.score)).toBeLessThanOrEqual(Number(ind.points));
      }
    }));
  });

  it('does not depend on the order of inputs or of sibling indicators', () => {
    fc.assert(fc.property(treeArb, fc.integer(), (tree, seed) => {
      const { framework, inputs } = build(tree);
      const shuffle = <T,>(xs: T[]) => xs.map((x, i) => [x, (i * 7919 + seed) % 101] as const).sort((a, b) => a[1] - b[1]).map(([x]) => x);
      const reorder = (list: IndicatorJson[]): IndicatorJson[] => shuffle(list).map((i) => (i.children ? { ...i, children: reorder(i.children) } : i));
      const a = scoreFromJson(framework, inputs).sheet!;
      const b = scoreFromJson({ ...framework, indicators: reorder(framework.indicators) }, Object.fromEntries(shuffle(Object.entries(inputs)))).sheet!;
      const scores = (s: typeof a) => Object.fromEntries(flatten(s.indicators).map((i) => [i.code, [i.score, i.rate]]));
      expect(scores(b)).toEqual(scores(a));
      expect([b.total, b.grade]).toEqual([a.total, a.grade]);
    }));
  });
});

describe('a bound survey feeds a satisfaction indicator', () => {
  it('the published rate, n and interval become its input', async () => {
    const { satisfactionInput } = await import('../../../scoring/sheet/satisfaction-input.ts');
    const f = parsed(small);
    const input = satisfactionInput({ rate: '82.50', n: 200, notApplicable: 3, method: 'share', ci95: ['76.63', '87.27'] });
    const b1 = scoreSheet(f, { B1: input! }).sheet.indicators[1]!.children[0]!;
    expect(b1).toMatchObject({ score: '32', certainty: { certain: false, straddles: ['85.00', '80.00'] } });
    expect(satisfactionInput({ rate: null, n: 0, notApplicable: 0, method: 'share', ci95: null })).toBeNull();
  });
});
