// An uploaded spreadsheet as a table of text: the header row, then every data row with the number
// a person sees in Excel beside it, so a rejected row can be found in the file. XLSX through
// exceljs, CSV through csv-parse (quoted fields with commas and line breaks in them).
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy.ts';
import { parse } from 'csv-parse/sync';
import { decodeText, type TextEncoding } from './decode.ts';

export interface Table {
  format: 'csv' | 'xlsx';
  encoding?: TextEncoding;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export const importLimits = { rows: 20_000, columns: 500 };

/** A file we cannot read as a table; the message is for the evaluator. */
export class UnreadableFile extends Error {}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Reads the first sheet (or the named one) of an XLSX file, or a CSV file; `headerRow` is 1-based. */
export async function readTable(bytes: Uint8Array, opts: { headerRow?: number; sheet?: string } = {}): Promise<Table> {
  const headerRow = opts.headerRow ?? 1;
  const grid = isZip(bytes) ? await xlsxGrid(bytes, opts.sheet) : { ...csvGrid(bytes), format: 'csv' as const };
  const header = grid.rows.find((r) => r.row === headerRow)?.cells.map((h) => h.trim()) ?? [];
  if (header.every((h) => h === '')) throw new UnreadableFile(`row ${headerRow} (the header) is empty`);
  const rows = grid.rows.filter((r) => r.row > headerRow && r.cells.some((c) => c.trim() !== ''));
  if (rows.length > importLimits.rows) throw new UnreadableFile(`the file has ${rows.length} rows; at most ${importLimits.rows} can be imported at once`);
  if (header.length > importLimits.columns) throw new UnreadableFile(`the file has ${header.length} columns; at most ${importLimits.columns}`);
  return { format: grid.format, ...(grid.encoding ? { encoding: grid.encoding } : {}), header, rows };
}

type Grid = { format: 'csv' | 'xlsx'; encoding?: TextEncoding; rows: { row: number; cells: string[] }[] };

function csvGrid(bytes: Uint8Array): Omit<Grid, 'format'> {
  const { text, encoding } = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Excel's "Unicode text" and some exports are tab-separated; a header line tells which.
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, relax_quotes: true });
  } catch (error) {
    throw new UnreadableFile(`the file is not a readable CSV: ${(error as Error).message}`);
  }
  // Record i is spreadsheet row i + 1: blank lines are kept as rows, so the numbers match Excel.
  return { encoding, rows: records.map((cells, i) => ({ row: i + 1, cells })) };
}

async function xlsxGrid(bytes: Uint8Array, sheetName: string | undefined): Promise<Grid> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new UnreadableFile(`the file is not a readable XLSX workbook: ${(error as Error).message}`);
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) throw new UnreadableFile(sheetName === undefined ? 'the workbook has no sheet' : `the workbook has no sheet "${sheetName}"`);
  const rows: Grid['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ row: row.number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { format: 'xlsx', rows };
}

/** A cell as the text Excel shows for it (dates as `YYYY-MM-DD HH:mm:ss`, formulas by result). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // exceljs gives a date cell's wall-clock time as if it were UTC.
  if (value instanceof Date) return value.toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  return '';
}
