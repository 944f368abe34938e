// The SQLite write thread takes every batch waiting for it into one transaction: the outcomes go
// back to the batch each response came in, a response repeated in a later batch is a duplicate as
// it would be in one batch, the chain runs on without a gap, and a transaction that fails stores
// nothing of any batch in it. Then the thread itself, handed batches faster than it commits them.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import type { Database } from '../../server/db/schema.ts';
import { configureSqlite } from '../../server/db/sqlite-pragmas.ts';
import { sqliteResponseWriter } from '../../server/db/sqlite-writer.ts';
import { createSurvey } from '../../server/db/surveys.ts';
import { commitWaiting } from '../../server/db/write-messages.ts';
import type { PendingResponse } from '../../server/responses/plan.ts';
import { templates } from '../../surveys/templates/index.ts';
import { testEngine } from '../support/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'manyidu-wt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pending = (surveyId: string, id = randomUUID()): PendingResponse => ({
  id, survey_id: surveyId, definition_version: 1, channel: 'link', respondent_group: 'public', token: null, device: null,
  network: null, source: null, started_at: null, submitted_at: new Date().toISOString(), answers: '{}', tally: { eligible: true, items: [], flags: [] },
});

async function memoryWriter() {
  const sqlite = new SQLite(':memory:');
  configureSqlite(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db);
  const survey = await createSurvey(db, { slug: 'wt', definition: { ...templates.public, slug: 'wt' }, status: 'open', now: new Date().toISOString() });
  const draft = await createSurvey(db, { slug: 'wt-draft', definition: { ...templates.public, slug: 'wt-draft' }, status: 'draft', now: new Date().toISOString() });
  const rows = () => sqlite.prepare('SELECT id, seq FROM responses ORDER BY seq').all() as { id: string; seq: number }[];
  return { surveyId: survey.id, draftId: draft.id, write: sqliteResponseWriter(sqlite), rows, close: () => db.destroy() };
}

describe.skipIf(testEngine !== 'sqlite')('the SQLite write thread', () => {
  it('writes the batches waiting for it in one transaction and answers each with its own outcomes', async () => {
    const w = await memoryWriter();
    try {
      const [a, b, c] = [pending(w.surveyId), pending(w.surveyId), pending(w.surveyId)];
      const answer = commitWaiting(w.write, [
        { id: 7, batch: [a, b] },
        { id: 8, batch: [c, { ...a }] },
        { id: 9, batch: [pending(w.draftId)] },
      ]);
      expect(answer).toEqual({
        ids: [7, 8, 9],
        outcomes: [
          [expect.objectContaining({ status: 'created', seq: 1 }), expect.objectContaining({ status: 'created', seq: 2 })],
          [expect.objectContaining({ status: 'created', seq: 3 }), { status: 'duplicate' }],
          [{ status: 'not_open' }],
        ],
      });
      expect(w.rows()).toEqual([{ id: a.id, seq: 1 }, { id: b.id, seq: 2 }, { id: c.id, seq: 3 }]);
    } finally {
      await w.close();
    }
  });

  it('fails every batch of a transaction that fails, and stores none of them', async () => {
    const w = await memoryWriter();
    try {
      // A response without answers breaks a NOT NULL constraint half-way through the transaction.
      const broken = { ...pending(w.surveyId), answers: null as unknown as string };
      const answer = commitWaiting(w.write, [
        { id: 1, batch: [pending(w.surveyId)] },
        { id: 2, batch: [broken] },
      ]);
      expect(answer).toEqual({ ids: [1, 2], error: expect.stringContaining('NOT NULL') });
      expect(w.rows()).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it('answers every batch handed to it while it commits, in the order they were sent', async () => {
    const opened = await openDatabase(join(dir, 'thread.sqlite'));
    try {
      expect(opened.batchesInFlight).toBeGreaterThan(1);
      const survey = await createSurvey(opened.db, { slug: 'wt', definition: { ...templates.public, slug: 'wt' }, status: 'open', now: new Date().toISOString() });
      const batches = Array.from({ length: 20 }, () => Array.from({ length: 5 }, () => pending(survey.id)));
      const outcomes = await Promise.all(batches.map((batch) => opened.writeResponses(batch)));
      expect(outcomes.flat().map((o) => (o.status === 'created' ? o.seq : o.status))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
      const stored = await opened.db.selectFrom('responses').select(['id', 'seq']).orderBy('seq').execute();
      expect(stored.map((r) => r.id)).toEqual(batches.flat().map((p) => p.id));
    } finally {
      await opened.close();
    }
  });
});
