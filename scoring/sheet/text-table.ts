import { padEndWidth, padStartWidth, displayWidth, wrapWidth } from './text-width.ts';
import type { Sheet, SheetIndicator } from './types.ts';

export interface TableOptions {
  /** Columns for the notes column before it wraps; default 60. */
  notesWidth?: number;
}

interface Row {
  label: string;
  points: string;
  score: string;
  rate: string;
  notes: string[];
}

// What a reader needs beside the figures: the entered reason, or how the rule deducted, and
// every finding marked so it cannot be mistaken for the evaluator's own words.
function notesOf(ind: SheetIndicator): string[] {
  const notes: string[] = [];
  if (ind.reason) notes.push(ind.reason);
  else if (ind.basis && ind.score !== null && ind.score !== ind.points) notes.push(ind.basis);
  if (ind.certainty && !ind.certainty.certain) {
    const settle = ind.certainty.settlesAt === null ? '' : `，约 ${ind.certainty.settlesAt} 份有效样本可确定`;
    notes.push(`档位未确定：95% 区间跨越 ${ind.certainty.straddles.map((t) => `${t}%`).join('、')}${settle}`);
  }
  for (const f of ind.findings) notes.push(`【发现】${f}`);
  return notes;
}

function rows(list: SheetIndicator[], depth: number): Row[] {
  return list.flatMap((ind) => [
    {
      label: `${'  '.repeat(depth)}${ind.code} ${ind.name}`,
      points: ind.points,
      score: ind.score ?? '—',
      rate: ind.rate === null ? '—' : `${ind.rate}%`,
      notes: notesOf(ind),
    },
    ...rows(ind.children, depth + 1),
  ]);
}

/**
 * The sheet as a plain-text table in Chinese (指标, 分值, 得分, 得分率, 扣分原因/发现), aligned by
 * display width so CJK names line up, followed by the total and the grade.
 */
export function sheetTable(sheet: Sheet, options: TableOptions = {}): string {
  const notesWidth = options.notesWidth ?? 60;
  const header: Row = { label: '指标', points: '分值', score: '得分', rate: '得分率', notes: ['扣分原因 / 发现'] };
  const total: Row = {
    label: '合计',
    points: sheet.points,
    score: sheet.total ?? '—',
    rate: sheet.rate === null ? '—' : `${sheet.rate}%`,
    notes: sheet.complete ? [] : ['尚有指标未评分'],
  };
  const body = rows(sheet.indicators, 0);
  const all = [header, ...body, total];
  const widths = {
    label: Math.max(...all.map((r) => displayWidth(r.label))),
    points: Math.max(...all.map((r) => displayWidth(r.points))),
    score: Math.max(...all.map((r) => displayWidth(r.score))),
    rate: Math.max(...all.map((r) => displayWidth(r.rate))),
  };
  const gap = '  ';
  const lead = padEndWidth('', widths.label + widths.points + widths.score + widths.rate + gap.length * 4);
  const line = (r: Row) => {
    const cells = [
      padEndWidth(r.label, widths.label),
      padStartWidth(r.points, widths.points),
      padStartWidth(r.score, widths.score),
      padStartWidth(r.rate, widths.rate),
    ].join(gap);
    const notes = r.notes.flatMap((n) => wrapWidth(n, notesWidth));
    if (notes.length === 0) return cells.trimEnd();
    return [`${cells}${gap}${notes[0]}`, ...notes.slice(1).map((n) => `${lead}${n}`)].join('\n');
  };
  const rule = '-'.repeat(widths.label + widths.points + widths.score + widths.rate + gap.length * 3);
  const findings = countFindings(sheet.indicators);
  return [
    sheet.name,
    '',
    line(header),
    rule,
    ...body.map(line),
    rule,
    line(total),
    '',
    `综合评价等级：${sheet.grade ?? '—（尚有指标未评分）'}`,
    ...(findings > 0 ? [`审核发现：${findings} 处得分与其评分规则或下级指标不一致，见【发现】。`] : []),
  ].join('\n');
}

function countFindings(list: SheetIndicator[]): number {
  return list.reduce((acc, i) => acc + i.findings.length + countFindings(i.children), 0);
}
