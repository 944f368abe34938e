// Writing and reading responses. Writes come in batches from the group commit; the survey's chain
// head row is read with a row lock (PostgreSQL) or under SQLite's single-writer lock, so
// concurrent writers, even in other processes, extend the chain one at a time.
import type { Kysely, Transaction } from 'kysely';
import type { Database, ResponseRow } from './schema.ts';
import type { Engine } from './engine.ts';
import { genesisHash, responseHash, type ChainedFields } from '../responses/chain.ts';

/** A validated response on its way into the database. `answers` is already canonical JSON. */
export type PendingResponse = Omit<ChainedFields, 'seq' | 'prev_hash'>;

export type WriteOutcome =
  | { status: 'created'; seq: number; hash: string }
  /** The same id was stored before: a retry, answered 200 and written again never. */
  | { status: 'duplicate' }
  | { status: 'token_used' }
  /** The id exists in another survey. */
  | { status: 'conflict' }
  /** The survey was closed (or never opened) by the time the transaction saw it. */
  | { status: 'not_open' };

export async function writeResponses(db: Kysely<Database>, engine: Engine, batch: PendingResponse[]): Promise<WriteOutcome[]> {
  const outcomes = new Array<WriteOutcome>(batch.length);
  const bySurvey = new Map<string, number[]>();
  batch.forEach((r, i) => bySurvey.set(r.survey_id, [...(bySurvey.get(r.survey_id) ?? []), i]));
  // A fixed lock order keeps two processes that write to the same two surveys from deadlocking.
  const surveyIds = [...bySurvey.keys()].sort();

  await db.transaction().execute(async (trx) => {
    for (const surveyId of surveyIds) {
      let head = await lockChainHead(trx, engine, surveyId);
      // Read under the head's lock: a close that takes the same lock is either before or after us.
      const survey = await trx.selectFrom('surveys').select('status').where('id', '=', surveyId).executeTakeFirst();
      if (survey?.status !== 'open') {
        for (const i of bySurvey.get(surveyId)!) outcomes[i] = { status: 'not_open' };
        continue;
      }
      for (const i of bySurvey.get(surveyId)!) {
        const pending = batch[i]!;
        const fields: ChainedFields = { ...pending, seq: head.seq + 1, prev_hash: head.hash };
        const hash = responseHash(fields);
        const inserted = await trx
          .insertInto('responses')
          .values({ ...fields, hash })
          .onConflict((oc) => oc.doNothing())
          .returning('id')
          .executeTakeFirst();
        if (inserted) {
          head = { seq: fields.seq, hash };
          outcomes[i] = { status: 'created', seq: fields.seq, hash };
        } else {
          outcomes[i] = await classifyConflict(trx, pending);
        }
      }
      await trx.updateTable('chain_heads').set(head).where('survey_id', '=', surveyId).execute();
    }
  });
  return outcomes;
}

export async function lockChainHead(trx: Transaction<Database>, engine: Engine, surveyId: string): Promise<{ seq: number; hash: string }> {
  const head = await trx
    .selectFrom('chain_heads')
    .select(['seq', 'hash'])
    .where('survey_id', '=', surveyId)
    .$if(engine.rowLocks, (q) => q.forUpdate())
    .executeTakeFirst();
  if (head) return { seq: Number(head.seq), hash: head.hash };
  // A survey made before its head existed: start the chain (the insert is itself the lock).
  const start = { survey_id: surveyId, seq: 0, hash: genesisHash(surveyId) };
  await trx.insertInto('chain_heads').values(start).onConflict((oc) => oc.column('survey_id').doNothing()).execute();
  return lockChainHead(trx, engine, surveyId);
}

async function classifyConflict(trx: Transaction<Database>, pending: PendingResponse): Promise<WriteOutcome> {
  const same = await trx.selectFrom('responses').select('survey_id').where('id', '=', pending.id).executeTakeFirst();
  if (same) return same.survey_id === pending.survey_id ? { status: 'duplicate' } : { status: 'conflict' };
  return pending.token ? { status: 'token_used' } : { status: 'conflict' };
}

export async function findResponse(db: Kysely<Database>, id: string): Promise<ResponseRow | undefined> {
  return db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function responseExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom('responses').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function tokenUsed(db: Kysely<Database>, token: string): Promise<boolean> {
  return (await db.selectFrom('responses').select('id').where('token', '=', token).executeTakeFirst()) !== undefined;
}
