// The sheet workbook: 得分表 laid out like the seed's 附件2 (一级/二级/三级指标, 分值, 得分, 得分率,
// 评分情况, 评分要点), the report tables 表3–表7, and 说明 (framework version, entries, the surveys
// and chain heads the satisfaction scores came from). Figures are the sheet's decimal strings
// written as number cells, so a spreadsheet can sum them; text is formula-safe.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy.ts';
import { safeCell, type Cell } from './formula-safe.ts';
import type { NoteLine } from './xlsx.ts';
import type { AnnexRow, ReportTable } from '../sheet/report-tables.ts';

const num = (decimal: string | null) => (decimal === null ? null : Number(decimal));
const bold = { bold: true } as const;
const wrap = { wrapText: true, vertical: 'top' } as const;

function addAnnex(book: ExcelJS.Workbook, title: string, rows: readonly AnnexRow[], total: { points: string; score: string | null; rate: string | null; grade: string | null }) {
  const sheet = book.addWorksheet('得分表', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [12, 14, 22, 8, 8, 10, 60, 40, 10].map((width) => ({ width }));
  sheet.addRow([safeCell(title)]).font = { bold: true, size: 14 };
  sheet.addRow(['一级指标', '二级指标', '三级指标', '分值', '得分', '得分率', '评分情况', '评分要点', '代码']).font = bold;
  for (const r of rows) {
    const added = sheet.addRow([...r.levels, num(r.points), num(r.score), num(r.rate), r.assessment, r.criteria, r.code].map((v) => safeCell(v as Cell)));
    added.alignment = wrap;
    if (r.level < 3) added.font = bold;
  }
  sheet.addRow(['合计', '', '', num(total.points), num(total.score), num(total.rate), total.grade ? `综合评价等级：${total.grade}` : '', '', '']).font = bold;
  sheet.getColumn(6).numFmt = '0.00"%"';
}

function addTable(book: ExcelJS.Workbook, table: ReportTable) {
  const sheet = book.addWorksheet(table.id);
  sheet.columns = [30, 8, 8, 10].map((width) => ({ width }));
  sheet.addRow([safeCell(table.title)]).font = bold;
  sheet.addRow(['指标', '分值', '得分', '得分率']).font = bold;
  for (const r of table.rows) {
    // The level shows as indentation, as the report's tables set sub-indicators in.
    const added = sheet.addRow([safeCell(r.name), num(r.points), num(r.score), num(r.rate)]);
    if (r.level > 1) added.getCell(1).alignment = { indent: r.level - 1 };
    if (r.level <= 1) added.font = bold;
  }
  if (table.grade !== undefined) sheet.addRow(['综合评价等级', table.grade ?? '']).font = bold;
  sheet.getColumn(4).numFmt = '0.00"%"';
}

export async function sheetWorkbook(input: {
  title: string;
  annex: readonly AnnexRow[];
  total: { points: string; score: string | null; rate: string | null; grade: string | null };
  tables: readonly ReportTable[];
  notes: readonly NoteLine[];
}): Promise<Uint8Array<ArrayBuffer>> {
  const book = new (await loadExcel()).Workbook();
  addAnnex(book, input.title, input.annex, input.total);
  for (const table of input.tables) addTable(book, table);
  const info = book.addWorksheet('说明');
  info.columns = [{ width: 24 }, { width: 100 }];
  for (const line of input.notes) info.addRow(line.map(safeCell));
  return new Uint8Array(await book.xlsx.writeBuffer());
}
