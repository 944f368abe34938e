// A parent's stated rate printed for figures that have changed since (scoreSheet's statedWith: the
// inputs it was stated with, kept by the server's entry history): it is checked against those
// figures. Right then and off now, it is shown as the earlier figures' rate; wrong then, it stays
// the report's slip; every other stated rate is checked against the sheet as before.
import { describe, expect, it } from 'vitest';
import { parseFramework } from '../../../scoring/framework/compile.ts';
import framework from '../../../scoring/frameworks/department-overall.json' with { type: 'json' };
import seed from '../../../scoring/frameworks/department-overall.inputs-2023.json' with { type: 'json' };
import { scoreSheet } from '../../../scoring/sheet/score-sheet.ts';
import type { SheetIndicator } from '../../../scoring/sheet/types.ts';

const parsed = parseFramework(framework);
if (!parsed.ok) throw new Error('the seed framework parses');
const seedFramework = parsed.value;
// 内部培训 re-scored 2 → 2.5: 可持续发展能力 13 of 15 = 86.67 %, where 表3 printed 83.33 % for 12.5.
const rescored = { ...seed, '4.3': { score: '2.5', reason: '复核后扣 0.5 分' } };

// The report's figures, as the inputs file gave them, are what each stale rate was stated with.
const statedWith = (codes: string[]) => new Map(codes.map((c) => [c, seed]));

function node(stale: string[], inputs: unknown = rescored) {
  const { sheet } = scoreSheet(seedFramework, inputs, { statedWith: statedWith(stale) });
  const flat = (list: readonly SheetIndicator[]): SheetIndicator[] => list.flatMap((i) => [i, ...flat(i.children)]);
  return (code: string) => flat(sheet.indicators).find((i) => i.code === code)!;
}

describe('a stated rate of earlier figures', () => {
  it('is shown, not a finding, where it disagrees: 可持续发展能力 printed 83.33 % for 12.5, now 13 of 15; no figure moves', () => {
    expect(node([])('4')).toMatchObject({ score: '13', rate: '86.67', findings: ['所列得分率 83.33% 与得分 13 ÷ 分值 15 = 86.67% 不符'] });
    expect(node(['4'])('4')).toMatchObject({ score: '13', rate: '86.67', findings: [], staleStatedRate: '83.33' });
    const { sheet: plain } = scoreSheet(seedFramework, rescored);
    const { sheet: told } = scoreSheet(seedFramework, rescored, { statedWith: statedWith(['4', '1.1']) });
    expect([told.total, told.rate, told.grade]).toEqual([plain.total, plain.rate, plain.grade]);
    expect(told.total).toBe('85.1');
  });

  it('is shown at its printed precision, at most two decimals, through decimal.js', () => {
    const at = (statedRate: string | number) => node(['4'], { ...rescored, '4': { statedRate } })('4').staleStatedRate;
    expect(at('83.3')).toBe('83.3');
    expect(at('83')).toBe('83');
    expect(at(83.33)).toBe('83.33');
  });

  it('says nothing where it still agrees; every other stated rate is checked: 目标管理 printed 82.00 % for 7.2 of 10', () => {
    const agreeing = node(['2', '4'], seed);
    expect(agreeing('2')).toMatchObject({ rate: '80.00', findings: [] });
    expect(agreeing('2').staleStatedRate).toBeUndefined();
    expect(agreeing('4').staleStatedRate).toBeUndefined();
    expect(agreeing('1.1').findings).toEqual(['所列得分率 82.00% 与得分 7.2 ÷ 分值 10 = 72.00% 不符']);
    expect(agreeing('1.1').staleStatedRate).toBeUndefined();
    // Stale, the same slip is still the report's: checked against the 7.2 it was printed for.
    const slip = node(['1.1'], { ...rescored, '1.1.1': { score: '4', reason: '复核' } })('1.1');
    expect(slip).toMatchObject({ score: '8', findings: ['所列得分率 82.00% 与得分 7.2 ÷ 分值 10 = 72.00% 不符（下级指标改动前的得分）'] });
    expect(slip.staleStatedRate).toBeUndefined();
  });
});
