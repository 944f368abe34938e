// The results workbook: 说明 (survey, method, accounting, filters, chain head), 总体与维度, 题目
// (each item's counts per level, 不了解, n, rate and 95 % interval), 分组, and 图表 (the item chart
// as a PNG: exceljs cannot write native charts). Rates are the results core's decimal strings,
// written as number cells with two places so a spreadsheet can sort and sum them; no figure is
// recomputed here.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy.ts';
import { questionNumbers, type QuestionNumber, type SurveyDefinition } from '../../surveys/index.ts';
import { safeCell } from './formula-safe.ts';
import { groupName, invalidName } from './labels.ts';
import { mainScale } from './report-text.ts';
import type { ItemLike, RateLike, ResultsLike } from './results-doc.ts';
import type { NoteLine } from './xlsx.ts';

const rateFormat = '0.00';
const num = (decimal: string | null | undefined) => (decimal === null || decimal === undefined ? null : Number(decimal));
const rateCells = (r: RateLike) => [num(r.rate), r.n, r.notApplicable ?? null, num(r.ci95?.[0]), num(r.ci95?.[1])];

/** The level codes of the likert scales, most satisfied first, with the label each has in the main scale. */
export function levelColumns(def: SurveyDefinition): { code: number; label: string }[] {
  const columns = new Map<number, string>();
  for (const l of mainScale(def)?.levels ?? []) columns.set(l.code, l.label);
  for (const q of def.questions) {
    if (q.kind !== 'likert') continue;
    for (const l of def.scales[q.scale]?.levels ?? []) if (!columns.has(l.code)) columns.set(l.code, l.label);
  }
  return [...columns].map(([code, label]) => ({ code, label }));
}

function addTable(book: ExcelJS.Workbook, name: string, header: string[], rows: (string | number | null)[][], rateColumns: number[], widths: number[]) {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = widths.map((width) => ({ width }));
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(safeCell));
  for (const c of rateColumns) sheet.getColumn(c).numFmt = rateFormat;
  return sheet;
}

/**
 * The question's number as on the questionnaire (surveys/numbering.ts): a main question's as a
 * number cell, a follow-up's ("6.1") as text, so that 6.10 is never read as 6.1.
 */
function numberCell(number: QuestionNumber | undefined): string | number | null {
  if (number === undefined) return null;
  return number.sub === undefined ? number.main : number.text;
}

export interface ResultsWorkbookInput {
  definition: SurveyDefinition;
  results: ResultsLike;
  notes: NoteLine[];
  chartPng: Uint8Array | null;
}

export async function resultsWorkbook(input: ResultsWorkbookInput): Promise<Uint8Array<ArrayBuffer>> {
  const { definition: def, results } = input;
  const book = new (await loadExcel()).Workbook();
  book.creator = 'manyidu';

  const a = results.accounting;
  const notes: NoteLine[] = [
    ...input.notes,
    ['发放', a.issued ?? null],
    ['回收', a.received],
    ['有效', a.valid],
    // The rates' numerators, where some responses came by channels that were never issued.
    ...(a.ofIssued && a.ofIssued.received !== a.received ? [['其中发放渠道回收', a.ofIssued.received] as NoteLine, ['其中发放渠道有效', a.ofIssued.valid] as NoteLine] : []),
    ['回收率（%）', a.responseRate === null ? null : Number(a.responseRate)],
    ['有效回收率（%）', a.validResponseRate === null ? null : Number(a.validResponseRate)],
    ...Object.entries(a.invalid ?? {}).map(([reason, n]): NoteLine => [`无效：${invalidName(reason)}`, n]),
  ];
  addTable(book, '说明', ['项目', '内容'], notes, [], [24, 100]);

  const rateHeader = ['满意度', '样本量 n', '不了解', '95% 区间下限', '95% 区间上限'];
  addTable(
    book,
    '总体与维度',
    ['范围', '名称', ...rateHeader],
    [
      ...(results.overall ? [['总体', '总体满意程度', ...rateCells(results.overall)]] : []),
      ...results.dimensions.map((d) => ['维度', d.label ?? d.id, ...rateCells(d)]),
    ],
    [3, 6, 7],
    [10, 30, 12, 12, 10, 14, 14],
  );

  const levels = levelColumns(def);
  const questions = new Map(def.questions.map((q) => [q.id, q]));
  const numbers = questionNumbers(def);
  const dimensions = new Map(def.dimensions.map((d) => [d.id, d.label]));
  const itemRow = (item: ItemLike) => {
    const q = questions.get(item.id);
    return [
      numberCell(numbers.get(item.id)), item.label ?? q?.label ?? item.id, item.dimension ? (dimensions.get(item.dimension) ?? item.dimension) : null,
      ...levels.map((l) => item.levels[String(l.code)] ?? 0), ...rateCells(item),
    ];
  };
  addTable(
    book,
    '题目',
    ['题号', '题目', '维度', ...levels.map((l) => `${l.code} ${l.label}`), ...rateHeader],
    results.items.map(itemRow),
    [4 + levels.length, 7 + levels.length, 8 + levels.length],
    [6, 60, 16, ...levels.map(() => 10), 10, 10, 8, 14, 14],
  );

  addTable(
    book,
    '分组',
    ['受访群体', '受访群体代码', ...rateHeader],
    Object.entries(results.groups ?? {}).map(([group, g]) => [groupName(group), group, ...(g.overall ? rateCells(g.overall) : [null, 0, null, null, null])]),
    [3, 6, 7],
    [16, 14, 12, 12, 10, 14, 14],
  );

  const chart = book.addWorksheet('图表');
  if (input.chartPng) {
    const image = book.addImage({ buffer: Buffer.from(input.chartPng) as unknown as ExcelJS.Buffer, extension: 'png' });
    chart.addImage(image, { tl: { col: 0, row: 1 }, ext: { width: 1000, height: 84 + results.items.length * 34 + 24 } });
    chart.getCell('A1').value = '图：各题目满意度分布（数据见“题目”表）';
  } else {
    chart.getCell('A1').value = '图表未能生成：数据见“题目”表，图见网页上的结果页。';
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
