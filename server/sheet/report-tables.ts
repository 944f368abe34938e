// The sheet as the report prints it (the seed's 表3–表7 and 附件2): rows of text and decimal
// strings taken from the scored sheet as they are, so the XLSX and HTML exports only lay them
// out. Nothing is computed here: every figure is scoring/'s.
import type { Framework, SheetIndicator } from '../../scoring/index.ts';
import { indicatorsByCode } from '../../scoring/index.ts';
import type { SheetView } from './build.ts';
import { walkSheet } from './tree.ts';

/** One row of a score table: a name at its level, 分值, 得分, 得分率 (percent, a decimal string). */
export interface ScoreRow {
  name: string;
  /** 1 = 一级指标; 0 for a total line (合计, 小计). */
  level: number;
  points: string;
  score: string | null;
  rate: string | null;
}

export interface ReportTable {
  /** The sheet name in the workbook and the table's number: 表3 … */
  id: string;
  title: string;
  rows: ScoreRow[];
  /** 表3 ends with the grade (综合评价等级). */
  grade?: string | null;
}

const row = (i: SheetIndicator, level: number): ScoreRow => ({ name: i.name, level, points: i.points, score: i.score, rate: i.rate });

/**
 * 表3: the first-level indicators, 合计 and 综合评价等级; then one table for each first-level
 * indicator (表4 履职效能 …) with everything under it and its 小计.
 */
export function reportTables(view: SheetView): ReportTable[] {
  const overview: ReportTable = {
    id: '表3',
    title: `表 3：${view.evaluation.year} 年度${view.evaluation.unit}部门整体绩效评价得分情况表`,
    rows: [...view.indicators.map((i) => row(i, 1)), { name: '合计', level: 0, points: view.points, score: view.total, rate: view.rate }],
    grade: view.grade,
  };
  const perIndicator = view.indicators.map((top, k): ReportTable => ({
    id: `表${4 + k}`,
    title: `表 ${4 + k}：${top.name}指标得分表`,
    rows: [...walkSheet(top.children, 2).map((p) => row(p.indicator, p.level)), { name: '小计', level: 0, points: top.points, score: top.score, rate: top.rate }],
  }));
  return [overview, ...perIndicator];
}

/** One row of 附件2: the indicator under its 一级/二级/三级 names, its figures, 评分情况 and 评分要点. */
export interface AnnexRow {
  code: string;
  level: number;
  levels: [string, string, string];
  points: string;
  score: string | null;
  rate: string | null;
  /** 评分情况: the reason entered, how the rule scored it, a stated rate of earlier figures, and the sheet's findings. */
  assessment: string;
  criteria: string;
}

function assessment(i: SheetIndicator): string {
  const stated = i.staleStatedRate && `报告所列得分率 ${i.staleStatedRate}%（下级指标改动前）`;
  return [i.reason, i.basis && !i.entered ? `计分：${i.basis}` : null, stated, ...i.findings.map((f) => `【审核】${f}`)].filter(Boolean).join('\n');
}

/**
 * 附件2 as rows: every indicator depth first. Level 1 and 2 names stand in their own columns;
 * level 3 and below share the 三级 column (the seed's 预算执行 ① … ④ sit under their 三级 name).
 */
export function annexRows(view: SheetView, framework: Framework): AnnexRow[] {
  const byCode = indicatorsByCode(framework);
  return walkSheet(view.indicators).map(({ indicator: i, level, ancestors }) => {
    const names = [...ancestors, i.name];
    const levels: [string, string, string] = [names[0] ?? '', names[1] ?? '', names.slice(2).join(' / ')];
    return { code: i.code, level, levels, points: i.points, score: i.score, rate: i.rate, assessment: assessment(i), criteria: byCode.get(i.code)?.criteria ?? '' };
  });
}
