import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimal, toTrimmedString } from '../../../scoring/decimal.ts';
import { compileRule } from '../../../scoring/framework/compile.ts';
import type { RuleJson } from '../../../scoring/framework/schema.ts';
import { ruleModule } from '../../../scoring/rules/index.ts';
import type { IndicatorInput } from '../../../scoring/sheet/input-schema.ts';

/** The published score of a rule from its JSON, on `points`, for one input. */
function score(rule: RuleJson, points: string | number, input: IndicatorInput): string | null {
  const r = compileRule(rule);
  const outcome = ruleModule(r).apply(r, toDecimal(points), input);
  return outcome && toTrimmedString(outcome.score, 4);
}

function problems(rule: RuleJson, input: IndicatorInput): string[] {
  return checked(rule, input).map((p) => p.message);
}

/** The fields a rule's check names, `values.<id>` for one measure. */
function fields(rule: RuleJson, input: IndicatorInput): string[] {
  return checked(rule, input).map((p) => (p.key === undefined ? p.field : `${p.field}.${p.key}`));
}

function checked(rule: RuleJson, input: IndicatorInput) {
  const r = compileRule(rule);
  return ruleModule(r).check(r, input);
}

const bands = [
  { min: 85, factor: 1 }, { min: 80, factor: 0.8 }, { min: 75, factor: 0.6 }, { min: 65, factor: 0.4 }, { min: 0, factor: 0 },
];
const satisfaction: RuleJson = { kind: 'satisfaction', bands };

describe('satisfaction and band rules', () => {
  it('96.67 % earns 4 of 4 (the seed)', () => {
    expect(score(satisfaction, 4, { rate: '96.67' })).toBe('4');
  });

  it.each([
    ['85.00', '4'], ['85', '4'], ['84.995', '4'], ['84.9949', '3.2'], ['84.99', '3.2'],
    ['80', '3.2'], ['79.99', '2.4'], ['75.00', '2.4'], ['74.99', '1.6'], ['65', '1.6'], ['64.99', '0'], ['0', '0'], ['100', '4'],
  ])('rate %s → %s of 4 (bands apply to the published figure)', (rate, expected) => {
    expect(score(satisfaction, 4, { rate })).toBe(expected);
    expect(score({ kind: 'band', bands }, 4, { value: rate })).toBe(expected);
  });

  it('below every band scores 0', () => {
    expect(score({ kind: 'band', bands: [{ min: 90, factor: 1 }] }, 2, { value: '89.99' })).toBe('0');
  });

  it('no rate, no score', () => {
    expect(score(satisfaction, 4, {})).toBeNull();
  });
});

describe('stepDeduction: 每下降 5 个百分点扣 0.2 分，扣完为止', () => {
  const rule: RuleJson = { kind: 'stepDeduction', target: 100, step: 5, deduct: 0.2 };

  it.each([
    ['100', '1'], ['120', '1'], ['95.01', '1'], ['95', '0.8'], ['94.99', '0.8'], ['94.995', '0.8'], ['90', '0.6'], ['80', '0.2'],
    ['75.01', '0.2'], ['75', '0'], ['45.81', '0'], ['0', '0'],
  ])('value %s → %s of 1', (value, expected) => {
    expect(score(rule, 1, { value })).toBe(expected);
  });

  it('95.004 publishes as 95.00, a whole step down; 95.005 publishes as 95.01, not yet', () => {
    expect(score(rule, 1, { value: '95.004' })).toBe('0.8');
    expect(score(rule, 1, { value: '95.005' })).toBe('1');
  });

  it('the seed: 45.81 % on 4 points would deduct 10 × 0.2 = 2', () => {
    expect(score(rule, 4, { value: '45.81' })).toBe('2');
  });

  it('atMost counts rises above the target: 一项不匹配扣 0.2 分', () => {
    const mismatches: RuleJson = { kind: 'stepDeduction', target: 0, direction: 'atMost', step: 1, deduct: 0.2 };
    expect(score(mismatches, 1, { value: '0' })).toBe('1');
    expect(score(mismatches, 1, { value: '1' })).toBe('0.8');
    expect(score(mismatches, 1, { value: '5' })).toBe('0');
    expect(score(mismatches, 1, { value: '9' })).toBe('0');
  });

  it('maxDeduct caps a measure: 每上升 5 个百分点扣 0.1 分，最多扣 0.5 分', () => {
    const rule2: RuleJson = { kind: 'stepDeduction', target: 0, direction: 'atMost', step: 5, deduct: 0.1, maxDeduct: 0.5 };
    expect(score(rule2, 1, { value: '24.99' })).toBe('0.6');
    expect(score(rule2, 1, { value: '25' })).toBe('0.5');
    expect(score(rule2, 1, { value: '80' })).toBe('0.5');
  });

  it('several measures share the points: deductions add up, 扣完为止', () => {
    const rule2: RuleJson = {
      kind: 'stepDeduction',
      measures: [
        { id: 'utilization', target: 100, step: 1, deduct: 0.1 },
        { id: 'idle', target: 0, direction: 'atMost', step: 1, deduct: 0.1 },
      ],
    };
    expect(score(rule2, 1, { values: { utilization: '100', idle: '0' } })).toBe('1');
    expect(score(rule2, 1, { values: { utilization: '97', idle: '2' } })).toBe('0.5');
    expect(score(rule2, 1, { values: { utilization: '90', idle: '3' } })).toBe('0');
    expect(problems(rule2, { values: { utilization: '90' } })).toEqual(['values 缺少 idle']);
    expect(problems(rule2, { values: { utilization: '90', idle: '0', extra: '1' } })).toEqual(['values 中的 extra 不是本指标的计量项']);
    expect(problems(rule2, { value: '90' })[0]).toMatch(/请用 values/);
    expect(fields(rule2, { values: { utilization: '90', extra: '1' } })).toEqual(['values.extra', 'values.idle']);
    expect(fields(rule2, { value: '90' })).toEqual(['value']);
  });

  it('a yearly baseline comes with the input: 以上一年度预算调整率为基准值', () => {
    const rule2: RuleJson = { kind: 'stepDeduction', direction: 'atMost', step: 1, deduct: 0.1 };
    expect(score(rule2, 1, { value: '3.5', target: '1.2' })).toBe('0.8');
    expect(problems(rule2, { value: '3.5' })[0]).toMatch(/target/);
    expect(problems(rule, { value: '3.5', target: '1' })[0]).toMatch(/不接受 target/);
    expect(fields(rule2, { value: '3.5' })).toEqual(['target']);
  });
});

describe('completion: 数量指标按完成比例给分，低于 80% 不给分', () => {
  const atLeast: RuleJson = { kind: 'completion', target: 705, floor: 0.8 };
  const atMost: RuleJson = { kind: 'completion', target: 700, direction: 'atMost', floor: 0.8 };

  it('the seed: 代缴人数 ≤ 700 with 768 done → 700/768 = 91.15 %', () => {
    expect(score(atMost, 5, { value: '768' })).toBe('4.5573');
    expect(score(atMost, 5, { value: '700' })).toBe('5');
    expect(score(atMost, 5, { value: '0' })).toBe('5');
    expect(score(atMost, 5, { value: '875' })).toBe('4'); // exactly 80 %
    expect(score(atMost, 5, { value: '876' })).toBe('0'); // 79.91 %
  });

  it('the seed: 补助机关养老保险退休人数 ≥ 705 with 698 → 99.01 %', () => {
    expect(score(atLeast, 0.5, { value: '698' })).toBe('0.495');
    expect(score(atLeast, 0.5, { value: '800' })).toBe('0.5');
  });

  it('the 80 % floor: exactly 80 % scores, just under scores nothing, 79.995 % publishes as 80.00 %', () => {
    const rule: RuleJson = { kind: 'completion', target: 100, floor: 0.8 };
    expect(score(rule, 5, { value: '80' })).toBe('4');
    expect(score(rule, 5, { value: '79.99' })).toBe('0');
    // Passes the floor as published (80.00 %), then scores the unrounded ratio: 5 × 0.79995.
    expect(score(rule, 5, { value: '79.995' })).toBe('3.9998');
    expect(score(rule, 5, { value: '0' })).toBe('0');
  });

  it('the seed: 转移人员做实职业年金人数 ≥ 2 with 0 → 0 %', () => {
    expect(score({ kind: 'completion', target: 2, floor: 0.8 }, 0.5, { value: '0' })).toBe('0');
  });

  it('without a floor, any completion counts', () => {
    expect(score({ kind: 'completion', target: 10 }, 1, { value: '3' })).toBe('0.3');
  });

  it('refuses a negative value', () => {
    expect(problems(atLeast, { value: '-1' })).toEqual(['完成值不能为负数']);
    expect(fields(atLeast, { value: '-1' })).toEqual(['value']);
  });
});

describe('grade: 优秀 100 %、良好 2/3、一般 1/3', () => {
  const rule: RuleJson = { kind: 'grade', factors: { 优秀: 1, 良好: '2/3', 一般: '1/3' } };

  it.each([['优秀', '4'], ['良好', '2.6667'], ['一般', '1.3333']])('%s → %s of 4', (grade, expected) => {
    expect(score(rule, 4, { grade })).toBe(expected);
  });

  it('a grade not in the table is an error, not a zero', () => {
    expect(problems(rule, { grade: '较差' })).toEqual(['等级「较差」不在本指标的等级表（优秀、良好、一般）中']);
    expect(fields(rule, { grade: '较差' })).toEqual(['grade']);
  });
});

describe('checklist', () => {
  const zero: RuleJson = { kind: 'checklist', elements: ['要素1', '要素2', '要素3', '要素4'], missing: 'zero' };
  const each: RuleJson = { kind: 'checklist', elements: ['预算', '收支', '政府采购', '资产', '合同'], missing: { deductEach: 0.2 } };

  it('具备要素 1–4 为 100 %，任一项不具备为 0 %', () => {
    expect(score(zero, 2, { met: [true, true, true, true] })).toBe('2');
    expect(score(zero, 2, { met: [true, false, true, true] })).toBe('0');
  });

  it('每缺一项扣 20 %, never below 0', () => {
    expect(score(each, 1, { met: [true, true, true, true, true] })).toBe('1');
    expect(score(each, 1, { met: [true, true, false, true, true] })).toBe('0.8');
    expect(score(each, 1, { met: [false, false, false, false, true] })).toBe('0.2');
    expect(score(each, 1, { met: [false, false, false, false, false] })).toBe('0');
    expect(score({ ...each, missing: { deductEach: 0.3 } }, 1, { met: [false, false, false, false, true] })).toBe('0');
  });

  it('the list must match the elements', () => {
    expect(problems(zero, { met: [true] })).toEqual(['met 须有 4 项（要素1、要素2、要素3、要素4），实有 1 项']);
    expect(fields(zero, { met: [true] })).toEqual(['met']);
  });
});

describe('every rule stays within 0..points (property)', () => {
  const decimal = fc.integer({ min: 0, max: 2_000_000 }).map((n) => (n / 1000).toFixed(3));
  const points = fc.integer({ min: 1, max: 4000 }).map((n) => (n / 100).toFixed(2));
  const cases: fc.Arbitrary<[RuleJson, IndicatorInput]>[] = [
    decimal.map((v) => [satisfaction, { rate: v }]),
    fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 100 }), decimal).map(([target, step, deduct, v]) => [
      { kind: 'stepDeduction', target, step, deduct: deduct / 100, direction: step % 2 ? 'atLeast' : 'atMost' },
      { value: v },
    ]),
    fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 100 }), decimal).map(([target, floor, v]) => [
      { kind: 'completion', target, floor: floor / 100, direction: floor % 2 ? 'atLeast' : 'atMost' },
      { value: v },
    ]),
    fc.constantFrom('优秀', '良好', '一般').map((g) => [{ kind: 'grade', factors: { 优秀: 1, 良好: '2/3', 一般: '1/3' } }, { grade: g }]),
    fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }).map((met) => [{ kind: 'checklist', elements: ['a', 'b', 'c', 'd', 'e'], missing: { deductEach: 0.3 } }, { met }]),
  ];
  it('holds for satisfaction, stepDeduction, completion, grade and checklist', () => {
    fc.assert(
      fc.property(fc.oneof(...cases), points, ([rule, input], p) => {
        const s = toDecimal(score(rule, p, input)!);
        expect(s.gte(0) && s.lte(p)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a rule without all its facts computes nothing rather than guessing', () => {
  it('a baseline target not given, a measure missing', () => {
    expect(score({ kind: 'stepDeduction', direction: 'atMost', step: 1, deduct: 0.1 }, 1, { value: '3' })).toBeNull();
    expect(score({ kind: 'stepDeduction', measures: [{ id: 'a', target: 0, step: 1, deduct: 0.1 }, { id: 'b', target: 0, step: 1, deduct: 0.1 }] }, 1, { values: { a: '1' } })).toBeNull();
    expect(score({ kind: 'checklist', elements: ['a'], missing: 'zero' }, 1, {})).toBeNull();
    expect(score({ kind: 'grade', factors: { 优秀: 1 } }, 1, { grade: '良好' })).toBeNull();
    expect(score({ kind: 'manual' }, 1, { score: '1' })).toBeNull();
  });
});
