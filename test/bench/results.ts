// Results latency (DESIGN §8: 1,000,000 responses × 20 items, whole survey or one group or channel,
// < 20 ms) through the real route, against the same for 1,000 responses; and SQLite's write path
// with the level counts kept against without them. The counts of a million responses are drawn
// here and stored as the writer would leave them: results never read responses, so making the
// rows themselves would only take time.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createApp } from '../../server/app.ts';
import { createContext } from '../../server/runtime.ts';
import { applyCountChanges } from '../../server/db/counts.ts';
import { createSurvey } from '../../server/db/surveys.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { configureSqlite } from '../../server/db/sqlite-pragmas.ts';
import { sqliteResponseWriter } from '../../server/db/sqlite-writer.ts';
import type { Database } from '../../server/db/schema.ts';
import { notApplicableLevel, type CountChanges } from '../../server/responses/counting.ts';
import type { PendingResponse } from '../../server/responses/plan.ts';
import { templates } from '../../surveys/templates/index.ts';
import { loginAdmin } from '../support/session.ts';
import { random } from '../support/results.ts';

const items = 20;
const groups = ['public', 'enterprise'];
const channels = ['link', 'qr', 'token', 'interview', 'phone', 'paper', 'import'];
const levels = ['5', '4', '3', '2', '1', notApplicableLevel];
const levelShares = [0.45, 0.35, 0.1, 0.04, 0.02, 0.04];
const questionId = (i: number) => (i === items - 1 ? 'overall' : `q${i + 1}`);

/** The public template's scales and method, with twenty likert items in its four dimensions. */
function definition(slug: string) {
  const t = templates.public;
  const questions = Array.from({ length: items }, (_, i) => ({
    id: questionId(i), kind: 'likert' as const, scale: 'sat5', label: `第 ${i + 1} 题`, required: true,
    ...(i === items - 1 ? {} : { dimension: t.dimensions[i % t.dimensions.length]!.id }),
  }));
  return { ...t, slug, questions };
}

function drawLevel(rnd: () => number): number {
  let u = rnd();
  let level = 0;
  while (level < levelShares.length - 1 && u >= levelShares[level]!) u -= levelShares[level++]!;
  return level;
}

/** The counts `responses` responses leave: group, channel and each answer's level drawn. */
function countsOf(surveyId: string, responses: number): CountChanges {
  const rnd = random(responses);
  const cells = groups.length * channels.length;
  const byLevel = new Uint32Array(cells * items * levels.length);
  const received = new Uint32Array(cells);
  for (let r = 0; r < responses; r++) {
    const cell = Math.floor(rnd() * cells);
    received[cell]! += 1;
    for (let i = 0; i < items; i++) byLevel[(cell * items + i) * levels.length + drawLevel(rnd)]! += 1;
  }
  const changes: CountChanges = { levels: [], responses: [] };
  for (let cell = 0; cell < cells; cell++) {
    const at = { survey_id: surveyId, respondent_group: groups[Math.floor(cell / channels.length)]!, channel: channels[cell % channels.length]! };
    if (received[cell]) changes.responses.push({ ...at, status: 'valid', n: received[cell]! });
    for (let i = 0; i < items; i++) {
      for (let l = 0; l < levels.length; l++) {
        const n = byLevel[(cell * items + i) * levels.length + l]!;
        if (n > 0) changes.levels.push({ ...at, definition_version: 1, question_id: questionId(i), level: levels[l]!, n });
      }
    }
  }
  return changes;
}

/** Median milliseconds of a request over `runs` after a warm-up. */
async function median(run: () => Promise<Response>, runs = 200): Promise<number> {
  for (let i = 0; i < 20; i++) await (await run()).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const res = await run();
    if (res.status !== 200) throw new Error(`results answered ${res.status}`);
    await res.arrayBuffer();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface ResultsLatency {
  responses: number;
  whole: number;
  group: number;
  channel: number;
}

/** GET /api/surveys/:id/results through the app (session, access check, ETag, JSON), median ms. */
export async function resultsLatency(databaseUrl: string, responses: number): Promise<ResultsLatency> {
  const { ctx } = await createContext({ databaseUrl, adminPassword: 'correct horse battery', demo: false, dist: null });
  try {
    const app = createApp(ctx);
    const survey = await createSurvey(ctx.db.db, { slug: `bench-${randomUUID().slice(0, 8)}`, definition: definition('bench'), status: 'open', now: new Date().toISOString() });
    await applyCountChanges(ctx.db.db, countsOf(survey.id, responses));
    const admin = await loginAdmin({ app } as Parameters<typeof loginAdmin>[0]);
    const get = (query: string) => () => admin.get(`/api/surveys/${survey.id}/results${query}`);
    return { responses, whole: await median(get('')), group: await median(get('?group=enterprise')), channel: await median(get('?channel=phone')) };
  } finally {
    await ctx.db.close();
  }
}

/**
 * Responses per second through SQLite's write path alone (prepared statements, batches of 512,
 * synchronous=FULL, on a file): with twenty answers counted per response, or with none.
 */
export async function writerThroughput(path: string, counted: boolean, total = 30_000): Promise<number> {
  const sqlite = new SQLite(path);
  configureSqlite(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
    const survey = await createSurvey(db, { slug: `w-${randomUUID().slice(0, 8)}`, definition: definition('w'), status: 'open', now: new Date().toISOString() });
    const write = sqliteResponseWriter(sqlite);
    const rnd = random(7);
    const answers = Object.fromEntries(Array.from({ length: items }, (_, i) => [questionId(i), 5 - (i % 3)]));
    const text = JSON.stringify(answers);
    const tally = { eligible: true, items: counted ? Object.entries(answers).map(([q, v]): [string, string] => [q, String(v)]) : [], flags: [] };
    const batch = (): PendingResponse[] =>
      Array.from({ length: 512 }, () => ({
        id: randomUUID(), survey_id: survey.id, definition_version: 1, channel: channels[Math.floor(rnd() * channels.length)]!,
        respondent_group: 'public', token: null, device: null, network: null, source: null, started_at: null,
        submitted_at: new Date().toISOString(), answers: text, tally,
      }));
    write(batch());
    const start = performance.now();
    let written = 0;
    while (written < total) written += write(batch()).length;
    return (written * 1000) / (performance.now() - start);
  } finally {
    await db.destroy();
  }
}
