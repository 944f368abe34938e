// DESIGN §8: an export of 1,000,000 responses is streamed with memory flat (< 200 MB peak),
// measured against an export of 1,000 in the same run: each in a fresh process, its resident set
// size sampled before the export and while the body is read.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fillSurvey } from './export-fill.ts';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportMemory {
  rows: number;
  format: ExportFormat;
  /** Resident set size before the export began (the app, its modules, the SQLite write thread). */
  baselineRss: number;
  /** The highest resident set size while the body was read. */
  peakRss: number;
  bytes: number;
  seconds: number;
}

export function measureExport(path: string, surveyId: string, rows: number, format: ExportFormat): ExportMemory {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/bench/export-child.ts', path, surveyId, format], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`export of ${rows} as ${format} failed: ${child.stderr}`);
  return { rows, format, ...(JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Omit<ExportMemory, 'rows' | 'format'>) };
}

/** Fills a survey with `rows` responses in a file under `dir` and exports it in each format. */
export async function exportMemory(dir: string, rows: number, formats: ExportFormat[] = ['csv']): Promise<ExportMemory[]> {
  const path = join(dir, `export-${rows}.sqlite`);
  const surveyId = await fillSurvey(path, rows);
  return formats.map((format) => measureExport(path, surveyId, rows, format));
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

export function describeExport(m: ExportMemory): string {
  return `export of ${m.rows.toLocaleString('en-US')} responses as ${m.format.toUpperCase()}: peak RSS ${mb(m.peakRss)} MB (before it ${mb(m.baselineRss)} MB, growth ${mb(m.peakRss - m.baselineRss)} MB), ${mb(m.bytes)} MB in ${m.seconds.toFixed(1)} s`;
}

/**
 * The line `npm run bench` prints. The target is on the export's memory (flat, under 200 MB): the
 * growth over the process before it; the process's own footprint (the app under tsx with its
 * SQLite write thread) is printed beside it, as is the same export of 1,000 responses.
 */
export function exportLine(small: ExportMemory, large: ExportMemory): string {
  const growth = large.peakRss - large.baselineRss;
  return (
    `export as ${large.format.toUpperCase()}, peak RSS:`.padEnd(31) +
    `${large.rows.toLocaleString('en-US')} responses ${mb(large.peakRss)} MB = ${mb(large.baselineRss)} MB before it + ${mb(growth)} MB for the export ` +
    `(target: flat, < 200 MB: ${growth < 200 * 1024 * 1024 ? 'met' : 'NOT met'}); ${small.rows.toLocaleString('en-US')} responses ${mb(small.peakRss)} MB ` +
    `(+ ${mb(small.peakRss - small.baselineRss)} MB); ${mb(large.bytes)} MB streamed in ${large.seconds.toFixed(0)} s`
  );
}

// `npx tsx test/bench/export-memory.ts [rows]` measures one size alone, both formats.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdirSync, mkdtempSync, rmSync } = await import('node:fs');
  mkdirSync('test-artifacts', { recursive: true });
  const dir = mkdtempSync(join('test-artifacts', 'export-'));
  try {
    const rows = Number(process.argv[2] ?? 1000);
    const path = join(dir, `export-${rows}.sqlite`);
    const surveyId = await fillSurvey(path, rows);
    for (const format of ['csv', 'xlsx'] as const) console.log(describeExport(measureExport(path, surveyId, rows, format)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
