// `npm run bench`: DESIGN §8's figures, measured side by side in one run on this machine. Not a
// test: it never fails on speed, it prints ratios. Output also goes to test-artifacts/bench.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { openDatabase } from '../../server/db/connect.ts';
import { spawnServer } from '../support/process.ts';
import { satisfiedAnswers } from '../support/app.ts';
import { load, responseBody, type LoadResult } from './load.ts';
import { pageWeight } from './page-weight.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = 50;
mkdirSync('test-artifacts', { recursive: true });
const dir = mkdtempSync(join('test-artifacts', 'bench-'));

async function hello(): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/hello-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /serving on (\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    });
  });
  await load({ url, seconds: 1, connections });
  const result = await load({ url, seconds, connections });
  child.kill();
  return result;
}

async function accepted(databaseUrl: string): Promise<LoadResult & { stored: number }> {
  const server = await spawnServer({ DATABASE_URL: databaseUrl });
  const url = `${server.url}/api/public/surveys/demo/responses`;
  const body = responseBody(satisfiedAnswers());
  await load({ url, seconds: 1, connections, method: 'POST', body });
  const { db, close } = await openDatabase(databaseUrl);
  const count = async () => Number((await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const before = await count();
  const result = await load({ url, seconds, connections, method: 'POST', body });
  await server.stop();
  const stored = (await count()) - before;
  await close();
  return { ...result, stored };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main() {
  const report: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, seconds, connections };

  const pageServer = await spawnServer({ DATABASE_URL: join(dir, 'page.sqlite') });
  const weight = await pageWeight(`${pageServer.url}/s/demo`);
  await pageServer.stop();
  report.pageWeight = weight;
  console.log(`respondent page (demo, 20 questions), gzipped: HTML ${fmt(weight.html)} B + CSS ${fmt(weight.css)} B + JS ${fmt(weight.js)} B = ${fmt(weight.total / 1024, 1)} KB (target ≤ 20 KB: ${weight.total <= 20 * 1024 ? 'met' : 'NOT met'})`);

  const base = await hello();
  report.hello = base;
  console.log(`bare Hono hello:               ${fmt(base.perSecond)} req/s  p50 ${base.p50} ms  p99 ${base.p99} ms`);

  const sqlite = await accepted(join(dir, 'bench.sqlite'));
  report.sqlite = sqlite;
  const ok = (sqlite.statuses['201'] ?? 0);
  console.log(
    `accepted responses, SQLite:    ${fmt(ok / seconds)} /s  p50 ${sqlite.p50} ms  p99 ${sqlite.p99} ms  ` +
      `= ${fmt((100 * ok) / seconds / base.perSecond, 1)} % of hello (target ≥ 25 %); statuses ${JSON.stringify(sqlite.statuses)}; ` +
      // Requests still in flight when the load stops are stored but not counted, hence ≥.
      `201s ${ok}, rows stored ${sqlite.stored}${sqlite.stored >= ok ? ' (every 201 stored; synchronous=FULL)' : ' (FEWER ROWS THAN 201s)'}`,
  );

  writeFileSync('test-artifacts/bench.json', JSON.stringify(report, null, 2));
  rmSync(dir, { recursive: true, force: true });
}

await main();
