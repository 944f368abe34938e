// The responses as CSV: a UTF-8 BOM (Excel on a Chinese Windows otherwise reads GBK), the header,
// then each page of rows as it comes, every text cell formula-safe. CRLF, as Excel writes it.
import { stringify } from 'csv-stringify/sync';
import type { ExportColumns, ExportRow } from './columns.ts';
import { safeCell, type Cell } from './formula-safe.ts';

const encoder = new TextEncoder();
const line = (cells: Cell[][]) => encoder.encode(stringify(cells.map((row) => row.map(safeCell)), { record_delimiter: '\r\n' }));

export async function* csvChunks(columns: ExportColumns, pages: AsyncIterable<ExportRow[]>): AsyncGenerator<Uint8Array> {
  yield encoder.encode('\uFEFF');
  yield line([columns.header]);
  for await (const rows of pages) yield line(rows.map((r) => columns.row(r)));
}
