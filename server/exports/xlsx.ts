// The responses as XLSX, streamed: exceljs's WorkbookWriter commits each row to the zip as it is
// added, and the zip comes out of a PassThrough that this generator hands on chunk by chunk.
// exceljs does not wait for its reader, so the producer waits between pages while the output is
// full: the rows in flight stay one page however slowly the client reads.
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy.ts';
import type { ExportColumns, ExportRow } from './columns.ts';
import { safeCell, type Cell } from './formula-safe.ts';

/**
 * exceljs (4.4) writes a sheet's rows into a buffer that it pipes into the zip's entry stream
 * without heeding backpressure, so rows made faster than zlib compresses them pile up there
 * (270 MB after 250,000 rows in a measurement). That stream's buffered length is the backlog to
 * wait on; the internals are reached for here because exceljs offers no other way to see it.
 */
type EntryInput = NodeJS.EventEmitter & { _writableState: { length: number } };
function zipEntryInput(sheet: unknown): EntryInput | undefined {
  const pipe = (sheet as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as Partial<EntryInput> | undefined;
  return pipe && typeof pipe._writableState?.length === 'number' ? (pipe as EntryInput) : undefined;
}

/** A label and its value, one per line of the 说明 sheet. */
export type NoteLine = [string, Cell];

const bufferLimit = 1 << 20;

export async function* xlsxChunks(columns: ExportColumns, pages: AsyncIterable<ExportRow[]>, notes: () => NoteLine[]): AsyncGenerator<Uint8Array> {
  const out = new PassThrough({ highWaterMark: bufferLimit });
  let stopped = false;
  const abandoned = new AbortController();
  const produce = async () => {
    const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet('答卷', { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = sheet.addRow(columns.header.map(safeCell));
    header.font = { bold: true };
    header.commit();
    for await (const rows of pages) {
      if (stopped) return;
      for (const r of rows) sheet.addRow(columns.row(r).map(safeCell)).commit();
      // Let the zip catch up with the rows, and wait while the client has not taken what is there.
      await new Promise((resolve) => setImmediate(resolve));
      const entry = zipEntryInput(sheet);
      if (!stopped && entry && entry._writableState.length > bufferLimit) await once(entry, 'drain', { signal: abandoned.signal });
      while (!stopped && out.readableLength >= bufferLimit) await once(out, 'data', { signal: abandoned.signal });
    }
    sheet.commit();
    const info = workbook.addWorksheet('说明');
    info.columns = [{ width: 24 }, { width: 80 }];
    for (const line of notes()) info.addRow(line.map(safeCell)).commit();
    info.commit();
    await workbook.commit();
  };
  const done = produce().catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  try {
    for await (const chunk of out) yield chunk as Uint8Array;
    await done;
  } finally {
    stopped = true;
    abandoned.abort();
    out.destroy();
  }
}
