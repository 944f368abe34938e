// DESIGN §8: an export of 1,000,000 responses is streamed with memory flat (< 200 MB peak),
// measured against an export of 1,000 in the same run: the real server (`manyidu serve`, compiled
// after `npm run build`) in a process of its own, its resident set size read from /proc before the
// export and sampled while a client downloads the body.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnServer } from '../support/process.ts';
import { fillSurvey } from './export-fill.ts';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportMemory {
  rows: number;
  format: ExportFormat;
  /** Resident set size of the server before the export began. */
  baselineRss: number;
  /** The highest resident set size of the server while the body was read. */
  peakRss: number;
  bytes: number;
  seconds: number;
}

/** The process's resident set size, and the most it has had since it started. */
function rssOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

export async function measureExport(path: string, surveyId: string, rows: number, format: ExportFormat): Promise<ExportMemory> {
  const server = await spawnServer({ DATABASE_URL: path });
  try {
    const pid = server.child.pid!;
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'admin', password: 'correct horse battery' }),
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const baseline = rssOf(pid).rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid).rss)), 20);
    const started = performance.now();
    const res = await fetch(`${server.url}/api/surveys/${surveyId}/export.${format}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`export answered ${res.status}: ${await res.text()}`);
    let bytes = 0;
    const reader = res.body!.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.byteLength;
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid).rss);
    return { rows, format, baselineRss: baseline, peakRss: peak, bytes, seconds };
  } finally {
    await server.stop();
  }
}

/** Fills a survey with `rows` responses in a file under `dir` and exports it in each format. */
export async function exportMemory(dir: string, rows: number, formats: ExportFormat[] = ['csv']): Promise<ExportMemory[]> {
  const path = join(dir, `export-${rows}.sqlite`);
  const surveyId = await fillSurvey(path, rows);
  const measured: ExportMemory[] = [];
  for (const format of formats) measured.push(await measureExport(path, surveyId, rows, format));
  return measured;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

export function describeExport(m: ExportMemory): string {
  return `export of ${m.rows.toLocaleString('en-US')} responses as ${m.format.toUpperCase()}: peak RSS ${mb(m.peakRss)} MB (before it ${mb(m.baselineRss)} MB, growth ${mb(m.peakRss - m.baselineRss)} MB), ${mb(m.bytes)} MB in ${m.seconds.toFixed(1)} s`;
}

/**
 * The line `npm run bench` prints: the server's peak while it streams the million (target under
 * 200 MB, and flat: about what it is for 1,000), with the process before the export beside it.
 */
export function exportLine(small: ExportMemory, large: ExportMemory): string {
  const growth = large.peakRss - large.baselineRss;
  return (
    `export as ${large.format.toUpperCase()}, peak RSS:`.padEnd(31) +
    `${large.rows.toLocaleString('en-US')} responses ${mb(large.peakRss)} MB = ${mb(large.baselineRss)} MB before it + ${mb(growth)} MB for the export ` +
    `(target < 200 MB peak: ${large.peakRss < 200 * 1024 * 1024 ? 'met' : 'NOT met'}); ${small.rows.toLocaleString('en-US')} responses ${mb(small.peakRss)} MB ` +
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
    for (const format of (process.argv[3] ?? 'csv,xlsx').split(',') as ExportFormat[]) console.log(describeExport(await measureExport(path, surveyId, rows, format)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
