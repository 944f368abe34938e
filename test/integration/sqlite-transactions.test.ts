// An evaluator's transaction on the main connection (an exclusion, a paper-forms entry, a sheet
// entry) and a batch of responses committed by the write thread at the same moment, on an SQLite
// file: both must succeed. A transaction that begins DEFERRED reads first, and once the write
// thread has committed after that read, SQLite refuses its write at once (SQLITE_BUSY_SNAPSHOT) —
// during fieldwork that was a 500 for the evaluator.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect.ts';
import { createSurvey } from '../../server/db/surveys.ts';
import { templates } from '../../surveys/templates/index.ts';
import { testEngine } from '../support/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'manyidu-tx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(testEngine !== 'sqlite')('transactions beside the write thread (SQLite file)', () => {
  it('an evaluator transaction that read before a response commit still writes, and the response is stored', async () => {
    const opened = await openDatabase(join(dir, 'tx.sqlite'));
    try {
      const survey = await createSurvey(opened.db, { slug: 'tx', definition: { ...templates.public, slug: 'tx' }, status: 'open', now: new Date().toISOString() });
      const pending = {
        id: randomUUID(), survey_id: survey.id, definition_version: 1, channel: 'link', respondent_group: 'public', token: null, device: null,
        network: null, source: null, started_at: null, submitted_at: new Date().toISOString(), answers: '{}', tally: { eligible: true, items: [], flags: [] },
      };
      let writing: Promise<unknown> | undefined;
      await opened.db.transaction().execute(async (trx) => {
        await trx.selectFrom('surveys').select('id').where('id', '=', survey.id).execute();
        // The write thread commits a response now, if SQLite lets it, before this transaction writes.
        writing = opened.writeResponses([pending]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await trx.insertInto('settings').values({ key: 'tx-test', value: '1' }).execute();
      });
      expect(await writing).toEqual([expect.objectContaining({ status: 'created', seq: 1 })]);
      expect(await opened.db.selectFrom('settings').select('value').where('key', '=', 'tx-test').executeTakeFirst()).toEqual({ value: '1' });
    } finally {
      await opened.close();
    }
  });
});
