// CSV for spreadsheets (DESIGN §9): text cells are made formula-safe (../exports/formula-safe.ts);
// numbers stay numbers. A UTF-8 BOM in front, so Excel on a Chinese Windows opens the file as
// UTF-8 instead of GBK.
import { stringify } from 'csv-stringify/sync';
import { safeCell, type Cell } from '../exports/formula-safe.ts';

export type { Cell };

export function toCsv(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + stringify([header, ...rows].map((row) => row.map(safeCell)), { record_delimiter: '\r\n' });
}
