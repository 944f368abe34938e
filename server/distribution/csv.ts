// CSV for spreadsheets (DESIGN §9): text cells that a spreadsheet would read as a formula (= + - @,
// or a leading tab or CR) get a leading apostrophe; numbers stay numbers. A UTF-8 BOM in front, so
// Excel on a Chinese Windows opens the file as UTF-8 instead of GBK.
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | null;

export function safeCell(value: Cell): Cell {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + stringify([header, ...rows].map((row) => row.map(safeCell)), { record_delimiter: '\r\n' });
}
