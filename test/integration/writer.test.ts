// The write path on its own: both implementations (the portable Kysely one and the engine's own)
// decide every case of a batch the same way, and concurrent writers through separate connection
// pools (as separate processes would be) store each id and token once and keep the chain a chain.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connect.ts';
import { writeResponses } from '../../server/db/responses.ts';
import { createSurvey, createTokens, setSurveyStatus } from '../../server/db/surveys.ts';
import { genesisHash, responseHash } from '../../server/responses/chain.ts';
import type { PendingResponse } from '../../server/responses/plan.ts';
import { freshDatabaseUrl, testEngine } from '../support/database.ts';

let db: Db;
let url: string;
const now = () => new Date().toISOString();

beforeEach(async () => {
  url = await freshDatabaseUrl();
  db = await openDatabase(url);
});
afterEach(async () => {
  await db.close();
});

/** A tally as the write path gets it: each answer a counted level (these surveys have no definition). */
function tallyOf(answers: string, eligible = true): PendingResponse['tally'] {
  const items = Object.entries(JSON.parse(answers) as Record<string, number>).map(([q, v]): [string, string] => [q, String(v)]);
  return { eligible, items, flags: eligible ? [] : ['ineligible'] };
}

function pending(surveyId: string, over: Partial<PendingResponse> = {}): PendingResponse {
  const answers = over.answers ?? '{"q1":5}';
  return {
    id: randomUUID(), survey_id: surveyId, definition_version: 1, channel: 'link', respondent_group: 'public',
    token: null, device: null, network: null, source: null, started_at: null, submitted_at: now(), answers,
    tally: tallyOf(answers), ...over,
  };
}

/** The counts kept on write equal a recount of the stored rows (ineligible rows only as received). */
async function expectCountsOfRows(surveyId: string): Promise<void> {
  const rows = await db.db.selectFrom('responses').selectAll().where('survey_id', '=', surveyId).execute();
  const ineligible = new Set((await db.db.selectFrom('response_flags').select('response_id').where('flag', '=', 'ineligible').execute()).map((f) => f.response_id));
  const levels: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  for (const r of rows) {
    const status = ineligible.has(r.id) ? 'ineligible' : 'valid';
    statuses[`${r.respondent_group}/${r.channel}/${status}`] = (statuses[`${r.respondent_group}/${r.channel}/${status}`] ?? 0) + 1;
    if (status !== 'valid') continue;
    for (const [q, level] of tallyOf(r.answers).items) {
      const key = `${r.respondent_group}/${r.channel}/${r.definition_version}/${q}/${level}`;
      levels[key] = (levels[key] ?? 0) + 1;
    }
  }
  const kept = await db.db.selectFrom('level_counts').selectAll().where('survey_id', '=', surveyId).where('n', '<>', 0).execute();
  expect(Object.fromEntries(kept.map((c) => [`${c.respondent_group}/${c.channel}/${c.definition_version}/${c.question_id}/${c.level}`, Number(c.n)]))).toEqual(levels);
  const accounted = await db.db.selectFrom('response_counts').selectAll().where('survey_id', '=', surveyId).where('n', '<>', 0).execute();
  expect(Object.fromEntries(accounted.map((c) => [`${c.respondent_group}/${c.channel}/${c.status}`, Number(c.n)]))).toEqual(statuses);
}

async function surveys() {
  const open = await createSurvey(db.db, { slug: `a-${randomUUID().slice(0, 8)}`, definition: { group: 'public' }, status: 'open', now: now() });
  const other = await createSurvey(db.db, { slug: `b-${randomUUID().slice(0, 8)}`, definition: { group: 'public' }, status: 'open', now: now() });
  const closed = await createSurvey(db.db, { slug: `c-${randomUUID().slice(0, 8)}`, definition: { group: 'public' }, status: 'open', now: now() });
  await setSurveyStatus(db.db, db.engine, closed.id, 'closed', now());
  await createTokens(db.db, open.id, [{ token: 'tok-a', label: null }, { token: 'tok-b', label: null }], now());
  return { open: open.id, other: other.id, closed: closed.id };
}

async function verifyChain(surveyId: string): Promise<number> {
  const rows = await db.db.selectFrom('responses').selectAll().where('survey_id', '=', surveyId).orderBy('seq').execute();
  let prev = genesisHash(surveyId);
  rows.forEach((row, i) => {
    const { hash, ...fields } = row;
    expect(Number(row.seq)).toBe(i + 1);
    expect(row.prev_hash).toBe(prev);
    expect(responseHash({ ...fields, seq: Number(fields.seq), definition_version: Number(fields.definition_version) })).toBe(hash);
    prev = hash;
  });
  const head = await db.db.selectFrom('chain_heads').selectAll().where('survey_id', '=', surveyId).executeTakeFirstOrThrow();
  expect(head.hash).toBe(prev);
  return rows.length;
}

const writers = {
  engine: (batch: PendingResponse[]) => db.writeResponses(batch),
  portable: (batch: PendingResponse[]) => writeResponses(db.db, db.engine, batch),
};

describe.each(Object.keys(writers) as (keyof typeof writers)[])('the %s write path', (name) => {
  it('decides every case of a batch', async () => {
    const write = writers[name];
    const s = await surveys();
    const stored = pending(s.open);
    const elsewhere = pending(s.other);
    const ineligible = pending(s.open, { channel: 'qr', answers: '{"q1":2}', tally: tallyOf('{"q1":2}', false) });
    expect((await write([stored, elsewhere, pending(s.open, { token: 'tok-a' }), ineligible])).map((o) => o.status)).toEqual(['created', 'created', 'created', 'created']);

    const fresh = pending(s.open);
    const outcomes = await write([
      fresh,
      { ...fresh, answers: '{"q1":1}' }, // the same id twice in one batch: a double tap
      { ...stored }, // a retry of a stored response
      pending(s.open, { token: 'tok-a' }), // a used token
      pending(s.open, { token: 'tok-b', channel: 'token', answers: '{"q1":4,"q2":0}' }),
      pending(s.open, { token: 'tok-b' }), // the same token twice in one batch
      pending(s.closed),
      { ...elsewhere, survey_id: s.open }, // an id stored in another survey
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['created', 'duplicate', 'duplicate', 'token_used', 'created', 'token_used', 'not_open', 'conflict']);
    expect(await verifyChain(s.open)).toBe(5);
    expect(await verifyChain(s.other)).toBe(1);
    expect(await verifyChain(s.closed)).toBe(0);
    for (const id of [s.open, s.other, s.closed]) await expectCountsOfRows(id);
    // One row per key: the open survey's three link answers of 5, from two batches, are one row of 3.
    const fives = await db.db.selectFrom('level_counts').select('n').where('survey_id', '=', s.open).where('channel', '=', 'link').where('level', '=', '5').executeTakeFirstOrThrow();
    expect(Number(fives.n)).toBe(3);
  });
});

describe('concurrent writers on separate connections', () => {
  it('store one response for one token and one for one id, and keep the chain', async () => {
    const s = await surveys();
    // A second, independent connection (pool) to the same database: what another process has.
    const second = testEngine === 'postgres' ? await openDatabase(url) : db;
    try {
      const writersByConnection = [db, second];
      const token = await Promise.all(
        Array.from({ length: 50 }, (_, i) => writersByConnection[i % 2]!.writeResponses([pending(s.open, { token: 'tok-b' })])),
      );
      expect(token.flat().filter((o) => o.status === 'created')).toHaveLength(1);
      expect(token.flat().filter((o) => o.status === 'token_used')).toHaveLength(49);

      const same = pending(s.open);
      const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => writersByConnection[i % 2]!.writeResponses([{ ...same }])));
      expect(ids.flat().filter((o) => o.status === 'created')).toHaveLength(1);

      await Promise.all(Array.from({ length: 60 }, (_, i) => writersByConnection[i % 2]!.writeResponses([pending(s.open), pending(s.other)])));
      expect(await verifyChain(s.open)).toBe(62);
      expect(await verifyChain(s.other)).toBe(60);
      await expectCountsOfRows(s.open);
      await expectCountsOfRows(s.other);
    } finally {
      if (second !== db) await second.close();
    }
  });
});
