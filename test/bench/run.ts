// `npm run bench`: DESIGN §8's figures, measured side by side in one run on this machine. Not a
// test: it never fails on speed, it prints ratios. Output also goes to test-artifacts/bench.json.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { openDatabase } from '../../server/db/connect.ts';
import { spawnServer } from '../support/process.ts';
import { satisfiedAnswers } from '../support/app.ts';
import { load, responseBody, type LoadResult } from './load.ts';
import { pageWeight } from './page-weight.ts';
import { resultsLatency, writerThroughput, type ResultsLatency } from './results.ts';
import { exportLine, exportMemory } from './export-memory.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = 50;
/** Every POST load sends the same submission shape (each request with an id of its own). */
const submissionBody = responseBody(satisfiedAnswers());
/** A load's 201 answers, accepted responses (retries and refusals left out), and per second. */
const created = (r: LoadResult) => r.statuses['201'] ?? 0;
const createdPerSecond = (r: LoadResult) => created(r) / seconds;
mkdirSync('test-artifacts', { recursive: true });
const dir = mkdtempSync(join('test-artifacts', 'bench-'));

/** A bench script in a process of its own, once it says where it serves. */
async function startScript(script: string, args: string[] = []): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /serving on (\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    });
  });
  return { url, stop: () => void child.kill() };
}

type Baselines = { hello: LoadResult; post: LoadResult; prototype: LoadResult & { stored: number } };

/**
 * The baselines: the bare hello and the bare JSON POST of test/bench/hello-server.ts, and the
 * DESIGN §8 prototype of test/bench/prototype-server.ts, each answering 201 after its commit.
 */
async function baselines(round: number): Promise<Baselines> {
  const bare = await startScript('test/bench/hello-server.ts');
  let hello: LoadResult, post: LoadResult;
  try {
    await load({ url: bare.url, seconds: 1, connections });
    hello = await load({ url: bare.url, seconds, connections });
    post = await load({ url: `${bare.url}/post`, seconds, connections, method: 'POST', body: submissionBody });
  } finally {
    bare.stop();
  }
  const proto = await startScript('test/bench/prototype-server.ts', [join(dir, `prototype-${round}.sqlite`)]);
  try {
    const url = `${proto.url}/api/public/surveys/demo/responses`;
    const count = async () => ((await (await fetch(`${proto.url}/count`)).json()) as { n: number }).n;
    await load({ url, seconds: 1, connections, method: 'POST', body: submissionBody });
    const before = await count();
    const result = await load({ url, seconds, connections, method: 'POST', body: submissionBody });
    // Requests still in flight when the load stops are answered before the count is read.
    await new Promise((r) => setTimeout(r, 200));
    return { hello, post, prototype: { ...result, stored: (await count()) - before } };
  } finally {
    proto.stop();
  }
}

/** Accepted responses per second with `processes` servers on one database, the load split evenly. */
async function accepted(databaseUrl: string, processes = 1): Promise<LoadResult & { stored: number; processes: number }> {
  const servers = [];
  // One after the other: the first creates the schema and the demo survey.
  for (let i = 0; i < processes; i++) servers.push(await spawnServer({ DATABASE_URL: databaseUrl }));
  const urls = servers.map((s) => `${s.url}/api/public/surveys/demo/responses`);
  const each = (secs: number) =>
    Promise.all(urls.map((url) => load({ url, seconds: secs, connections: connections / processes, method: 'POST', body: submissionBody })));
  await each(1);
  const { db, close } = await openDatabase(databaseUrl);
  const count = async () => Number((await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const before = await count();
  const results = await each(seconds);
  await Promise.all(servers.map((s) => s.stop()));
  const stored = (await count()) - before;
  await close();
  const statuses: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    requests: results.reduce((n, r) => n + r.requests, 0),
    perSecond: results.reduce((n, r) => n + r.perSecond, 0),
    // Latencies of the busiest process stand for the run.
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    errors: results.reduce((n, r) => n + r.errors, 0),
    statuses,
    stored,
    processes,
  };
}

/** A throwaway PostgreSQL cluster for the run, where PostgreSQL is installed. */
function startPostgres(): { url: string; stop: () => void } | undefined {
  const available = spawnSync('test/pg-cluster.sh', ['available']);
  if (available.status !== 0) return undefined;
  const started = spawnSync('test/pg-cluster.sh', ['start'], { encoding: 'utf8' });
  const [dirPath, url] = started.stdout.trim().split(' ');
  if (started.status !== 0 || !url) throw new Error(`could not start PostgreSQL: ${started.stderr}`);
  return { url, stop: () => void spawnSync('test/pg-cluster.sh', ['stop', dirPath!]) };
}

async function postgresDatabase(serverUrl: string): Promise<string> {
  const name = `manyidu_bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Which parts to run: BENCH_ONLY=page,accepted,results,writer,export (default: all). The
 * 1,000,000-row export alone takes minutes, so a quick look can leave it out.
 */
const only = process.env.BENCH_ONLY?.split(',').map((p) => p.trim());
const want = (part: 'page' | 'accepted' | 'results' | 'writer' | 'export') => !only || only.includes(part);

async function main() {
  const report: Record<string, unknown> = { machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, seconds, connections };

  if (want('page')) {
    const pageServer = await spawnServer({ DATABASE_URL: join(dir, 'page.sqlite') });
    const weight = await pageWeight(`${pageServer.url}/s/demo`);
    await pageServer.stop();
    report.pageWeight = weight;
    console.log(`respondent page (demo, 20 questions), gzipped: HTML ${fmt(weight.html)} B + CSS ${fmt(weight.css)} B + JS ${fmt(weight.js)} B = ${fmt(weight.total / 1024, 1)} KB (target ≤ 20 KB: ${weight.total <= 20 * 1024 ? 'met' : 'NOT met'})`);
  }

  // The accepted-responses ratio is measured in rounds, each side by side (hello, bare POST,
  // prototype, then the real path on SQLite), and the median round is the figure: on this kind of
  // machine one round differs from the next by ±25 %, the hello as much as the rest, so five rounds.
  const rounds = want('accepted') ? Number(process.env.BENCH_ROUNDS ?? 5) : 0;
  const measuredRounds: (Baselines & { sqlite: Awaited<ReturnType<typeof accepted>> })[] = [];
  for (let round = 1; round <= rounds; round++) {
    const b = await baselines(round);
    const sqlite = await accepted(join(dir, `bench-${round}.sqlite`));
    measuredRounds.push({ ...b, sqlite });
    // Each round starts on a disk without the last one's files, as the first did.
    for (const file of readdirSync(dir)) if (file.startsWith(`bench-${round}.`) || file.startsWith(`prototype-${round}.`)) rmSync(join(dir, file));
    const pct = (n: number) => `${fmt((100 * n) / b.hello.perSecond, 1)} %`;
    console.log(
      `round ${round}: hello ${fmt(b.hello.perSecond)}/s · bare JSON POST ${fmt(b.post.perSecond)}/s (${pct(b.post.perSecond)}) · ` +
        `DESIGN §8 prototype ${fmt(createdPerSecond(b.prototype))}/s (${pct(createdPerSecond(b.prototype))}${b.prototype.stored >= created(b.prototype) ? '' : ', FEWER ROWS THAN 201s'}) · ` +
        `accepted, SQLite ${fmt(createdPerSecond(sqlite))}/s (${pct(createdPerSecond(sqlite))}, p50 ${sqlite.p50} ms, p99 ${sqlite.p99} ms, ` +
        // Requests still in flight when the load stops are stored but not counted, hence ≥.
        `${sqlite.stored >= created(sqlite) ? 'every 201 stored' : 'FEWER ROWS THAN 201s'})`,
    );
  }
  const ratio = (r: (typeof measuredRounds)[number]) => createdPerSecond(r.sqlite) / r.hello.perSecond;
  const median = [...measuredRounds].sort((x, y) => ratio(x) - ratio(y))[Math.floor(measuredRounds.length / 2)];
  if (median) {
    report.rounds = measuredRounds;
    console.log(
      `bare Hono hello:               ${fmt(median.hello.perSecond)} req/s  p50 ${median.hello.p50} ms  p99 ${median.hello.p99} ms  (the median round of ${rounds}, by the accepted ratio; below, the same round)`,
    );
    console.log(
      `bare Hono JSON POST (no work): ${fmt(median.post.perSecond)} req/s  p50 ${median.post.p50} ms  p99 ${median.post.p99} ms  = ${fmt((100 * median.post.perSecond) / median.hello.perSecond, 1)} % of hello ` +
        `(the framework alone, for a request of a submission's shape)`,
    );
    const proto = median.prototype;
    const protoOk = created(proto);
    console.log(
      `DESIGN §8 prototype:           ${fmt(createdPerSecond(proto))} /s  p50 ${proto.p50} ms  p99 ${proto.p99} ms  = ${fmt((100 * createdPerSecond(proto)) / median.hello.perSecond, 1)} % of hello ` +
        `(zod + one-table insert, group commit, synchronous=FULL; 201s ${protoOk}, rows stored ${proto.stored}${proto.stored >= protoOk ? '' : ' — FEWER ROWS THAN 201s'})`,
    );
  }

  const line = (name: string, r: Awaited<ReturnType<typeof accepted>>) => {
    const ok = created(r);
    const perSecond = createdPerSecond(r);
    console.log(
      `${name.padEnd(31)}${fmt(perSecond)} /s  p50 ${r.p50} ms  p99 ${r.p99} ms  = ${fmt((100 * perSecond) / median!.hello.perSecond, 1)} % of hello (target ≥ 25 %), ` +
        `${fmt((100 * perSecond) / median!.post.perSecond, 1)} % of the bare POST, ` +
        `${fmt((100 * perSecond) / createdPerSecond(median!.prototype), 1)} % of the prototype; ` +
        `statuses ${JSON.stringify(r.statuses)}; ` +
        `201s ${ok}, rows stored ${r.stored}${r.stored >= ok ? ' (every 201 stored)' : ' (FEWER ROWS THAN 201s)'}`,
    );
  };

  if (median) line('accepted responses, SQLite:', median.sqlite);

  const resultsLine = (engine: string, small: ResultsLatency, large: ResultsLatency) =>
    console.log(
      `results, ${engine}, median ms:`.padEnd(31) +
        `1,000,000 × 20 items: whole ${fmt(large.whole, 1)}, one group ${fmt(large.group, 1)}, one channel ${fmt(large.channel, 1)} ` +
        `(target < 20: ${Math.max(large.whole, large.group, large.channel) < 20 ? 'met' : 'NOT met'}); ` +
        `1,000 × 20 items: whole ${fmt(small.whole, 1)}, one group ${fmt(small.group, 1)}, one channel ${fmt(small.channel, 1)}`,
    );
  if (want('results')) {
    const sqliteResults = [await resultsLatency(join(dir, 'results-1k.sqlite'), 1_000), await resultsLatency(join(dir, 'results-1m.sqlite'), 1_000_000)] as const;
    report.resultsSqlite = sqliteResults;
    resultsLine('SQLite', ...sqliteResults);
  }
  if (want('writer')) {
    const counted = await writerThroughput(join(dir, 'writer-counted.sqlite'), true);
    const uncounted = await writerThroughput(join(dir, 'writer-uncounted.sqlite'), false);
    report.writer = { counted, uncounted };
    console.log(
      `SQLite write path alone:`.padEnd(31) +
        `${fmt(counted)} /s with 20 answers counted per response, ${fmt(uncounted)} /s with none counted ` +
        `(= ${fmt((100 * counted) / uncounted, 1)} %; batches of 512, synchronous=FULL)`,
    );
  }

  if (want('export')) {
    const [small] = await exportMemory(dir, 1_000);
    const [large] = await exportMemory(dir, 1_000_000);
    report.exportMemory = { small, large };
    console.log(exportLine(small!, large!));
  }

  const needsPostgres = median !== undefined || want('results');
  const postgres = needsPostgres ? startPostgres() : undefined;
  if (needsPostgres && !postgres) {
    console.log('PostgreSQL is not installed here (no initdb): its figures are left out. apt-get install postgresql to measure them.');
  } else if (postgres) {
    try {
      for (const processes of median ? [1, 2] : []) {
        const r = await accepted(await postgresDatabase(postgres.url), processes);
        report[`postgres${processes}`] = r;
        line(`accepted, PostgreSQL × ${processes} proc:`, r);
      }
      if (want('results')) {
        const pgResults = [
          await resultsLatency(await postgresDatabase(postgres.url), 1_000),
          await resultsLatency(await postgresDatabase(postgres.url), 1_000_000),
        ] as const;
        report.resultsPostgres = pgResults;
        resultsLine('PostgreSQL', ...pgResults);
      }
    } finally {
      postgres.stop();
    }
  }

  writeFileSync('test-artifacts/bench.json', JSON.stringify(report, null, 2));
  rmSync(dir, { recursive: true, force: true });
}

await main();
