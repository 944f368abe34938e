import { describe, expect, it } from 'vitest';
import { parseFramework } from '../../../scoring/framework/compile.ts';
import framework from '../../../scoring/frameworks/department-overall.json' with { type: 'json' };
import inputs from '../../../scoring/frameworks/department-overall.inputs-2023.json' with { type: 'json' };
import { bundledFramework } from '../../../scoring/frameworks/index.ts';
import { scoreFromJson } from '../../../scoring/sheet/score-sheet.ts';
import type { SheetIndicator } from '../../../scoring/sheet/types.ts';

// The seed report (2023 部门整体支出绩效评价, 临港区科技创新局): its framework (附件1) and its
// inputs (附件2, 表3–表7) must reproduce its tables, and its two arithmetic slips must surface.

const { sheet, issues } = scoreFromJson(framework, inputs);

function flatten(list: SheetIndicator[]): SheetIndicator[] {
  return list.flatMap((i) => [i, ...flatten(i.children)]);
}
const byCode = new Map(flatten(sheet?.indicators ?? []).map((i) => [i.code, i]));
const row = (code: string) => {
  const i = byCode.get(code);
  if (!i) throw new Error(`no indicator ${code}`);
  return [i.name, i.points, i.score, i.rate];
};

describe('the seed report, from its framework and inputs', () => {
  it('parses with no issues; the bundled name is the same framework', () => {
    expect(issues).toEqual([]);
    expect(parseFramework(framework).ok).toBe(true);
    expect(bundledFramework('department-overall')).toBe(framework);
  });

  it('表3: 34.1 + 20 + 18 + 12.5 = 84.6 of 100, 良', () => {
    expect(sheet).toMatchObject({ total: '84.6', points: '100', rate: '84.60', grade: '良', complete: true });
    expect(row('1')).toEqual(['履职效能', '40', '34.1', '85.25']);
    expect(row('2')).toEqual(['管理效率', '25', '20', '80.00']);
    expect(row('3')).toEqual(['社会效应', '20', '18', '90.00']);
    expect(row('4')).toEqual(['可持续发展能力', '15', '12.5', '83.33']);
  });

  it('表4: 履职效能', () => {
    expect(row('1.1.1')).toEqual(['目标设置合理性', '5', '3.2', '64.00']);
    expect(row('1.1.2')).toEqual(['目标管理有效性', '5', '4', '80.00']);
    expect(row('1.2')).toEqual(['核心业务完成情况', '30', '26.9', '89.67']);
    for (const code of ['1.2.1', '1.2.2', '1.2.3', '1.2.4']) expect(row(code).slice(2)).toEqual(['5', '100.00']);
    expect(row('1.2.5')).toEqual(['依法保障劳动者合法权益', '5', '3.45', '69.00']);
    expect(row('1.2.6')).toEqual(['开展各项社会保险业务', '5', '3.45', '69.00']);
  });

  it('表4 prints 目标管理 7.2 of 10 as 82.00 %: the sheet says 72.00 % and reports it', () => {
    expect(row('1.1')).toEqual(['目标管理', '10', '7.2', '72.00']);
    expect(byCode.get('1.1')!.findings).toEqual(['所列得分率 82.00% 与得分 7.2 ÷ 分值 10 = 72.00% 不符']);
  });

  it('表5: 管理效率', () => {
    const expected: [string, string, string][] = [
      ['2.1', '2', '100.00'], ['2.2', '3', '100.00'], ['2.2.1', '1', '100.00'], ['2.2.2', '2', '100.00'],
      ['2.3', '5', '50.00'], ['2.3.1', '2', '100.00'], ['2.3.2', '2', '50.00'], ['2.3.3', '1', '100.00'], ['2.3.4', '0', '0.00'],
      ['2.4', '4', '100.00'], ['2.4.1', '2', '100.00'], ['2.4.2', '2', '100.00'],
      ['2.5', '4', '100.00'], ['2.5.1', '3', '100.00'], ['2.5.2', '1', '100.00'], ['2.6', '2', '100.00'], ['2.6.1', '2', '100.00'],
    ];
    for (const [code, score, rate] of expected) expect([code, ...row(code).slice(2)]).toEqual([code, score, rate]);
  });

  it('制度健全性 is computed by its rules, not entered: 5 of 5 required systems, no mismatch', () => {
    expect(byCode.get('2.1')!.entered).toBe(false);
    expect(byCode.get('2.1.1')).toMatchObject({ score: '1', rule: 'checklist', entered: false });
    expect(byCode.get('2.1.2')).toMatchObject({ score: '1', rule: 'stepDeduction', entered: false });
  });

  it('预算执行: the rule caps element ① at 1 point, yet the report deducts 2 — a finding', () => {
    const budget = byCode.get('2.3.2')!;
    expect(budget).toMatchObject({ score: '2', rate: '50.00', entered: true });
    expect(byCode.get('2.3.2.1')).toMatchObject({ score: '0', entered: false });
    expect(byCode.get('2.3.2.1')!.basis).toContain('扣完为止');
    expect(budget.findings).toEqual(['录入得分 2（扣 2，得分率 50.00%），下级指标得分合计 3（扣 1，得分率 75.00%）']);
  });

  it('表6: six scores of 1.67 at 83.5 % while 部门综合效益 is 10 of 12 = 83.33 % — a finding', () => {
    for (let i = 1; i <= 6; i++) expect(row(`3.1.${i}`).slice(1)).toEqual(['2', '1.67', '83.50']);
    const benefit = byCode.get('3.1')!;
    expect(row('3.1')).toEqual(['部门综合效益', '12', '10', '83.33']);
    expect(benefit.findings).toEqual(['录入得分 10（扣 2，得分率 83.33%），下级指标得分合计 10.02（扣 1.98，得分率 83.50%）']);
  });

  it('表6: 96.67 % earns 4 of 4; 优秀 earns 4 of 4', () => {
    expect(byCode.get('3.2.1')).toMatchObject({ score: '4', rate: '100.00', rule: 'satisfaction', entered: false });
    expect(byCode.get('3.2.1')!.basis).toBe('满意度 96.67% ≥ 85.00%，得 100%');
    expect(byCode.get('3.2.2')).toMatchObject({ score: '4', rule: 'grade' });
    expect(row('3.2')).toEqual(['服务对象满意度', '8', '8', '100.00']);
  });

  it('表7: 可持续发展能力', () => {
    expect(row('4.1')).toEqual(['长效管理机制建设情况', '5', '4', '80.00']);
    expect(row('4.2')).toEqual(['内部管理制度执行情况', '4', '4', '100.00']);
    expect(row('4.3')).toEqual(['内部培训工作开展情况', '3', '2', '66.67']);
    expect(row('4.4')).toEqual(['年度创新工作开展情况', '3', '2.5', '83.33']);
  });

  it('reports exactly the three slips and nothing else', () => {
    expect([...byCode.values()].filter((i) => i.findings.length > 0).map((i) => i.code)).toEqual(['1.1', '2.3.2', '3.1']);
  });

  it('had the report followed its own rule for 预算执行, the total would be 85.6', () => {
    const { ['2.3.2']: _entered, ...followingTheRule } = inputs as Record<string, unknown>;
    const s = scoreFromJson(framework, followingTheRule).sheet!;
    expect(s.total).toBe('85.6');
    expect(s.grade).toBe('良');
  });
});
