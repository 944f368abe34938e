// Writing and reading responses through Kysely: the portable write path (PostgreSQL, and SQLite
// where no faster one is set up). A batch is one transaction: lock the chain heads of its surveys
// (row locks on PostgreSQL; SQLite has one writer at a time), read what the plan needs, insert
// the planned rows in one statement, move the heads and the counts.
import type { Kysely, Transaction } from 'kysely';
import type { Database, ResponseRow } from './schema.ts';
import type { Engine } from './engine.ts';
import { genesisHash } from '../responses/chain.ts';
import { applyCountChanges, insertFlags } from './counts.ts';
import { batchKeys, planBatch, type BatchState, type ChainHead, type PendingResponse, type WriteOutcome } from '../responses/plan.ts';

export type { PendingResponse, WriteOutcome };

/** Thrown inside the transaction when another writer stored one of our ids or tokens first. */
class Replan extends Error {}

export async function writeResponses(db: Kysely<Database>, engine: Engine, batch: PendingResponse[]): Promise<WriteOutcome[]> {
  // The chain-head locks serialise writers of the same survey; an id or token stored by another
  // writer after our first read makes its insert do nothing: the transaction is rolled back and
  // the batch planned again, now seeing it.
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeOnce(db, engine, batch);
    } catch (error) {
      if (!(error instanceof Replan) || attempt >= 3) throw error;
    }
  }
}

async function writeOnce(db: Kysely<Database>, engine: Engine, batch: PendingResponse[]): Promise<WriteOutcome[]> {
  const keys = batchKeys(batch);
  return db.transaction().execute(async (trx) => {
    // Read before the locks, to keep the time they are held short: an id or token stored by a
    // writer that commits after this read makes our insert do nothing, and the batch is planned
    // again (Replan) with it seen.
    const stored = await trx
      .selectFrom('responses')
      .select(['id', 'survey_id', 'token'])
      .where((eb) => eb.or([eb('id', 'in', keys.ids), ...(keys.tokens.length > 0 ? [eb('token', 'in', keys.tokens)] : [])]))
      .execute();
    // The heads and the surveys' status in one statement; the status is read under the lock a
    // close also takes.
    const heads = new Map<string, ChainHead>();
    const open = new Set<string>();
    const locked = await trx
      .selectFrom('chain_heads as h')
      .innerJoin('surveys as s', 's.id', 'h.survey_id')
      .select(['h.survey_id', 'h.seq', 'h.hash', 's.status'])
      .where('h.survey_id', 'in', keys.surveyIds)
      .orderBy('h.survey_id')
      .$if(engine.rowLocks, (q) => q.forUpdate('h'))
      .execute();
    for (const row of locked) {
      heads.set(row.survey_id, { seq: Number(row.seq), hash: row.hash });
      if (row.status === 'open') open.add(row.survey_id);
    }
    for (const surveyId of keys.surveyIds) {
      if (heads.has(surveyId)) continue;
      // A survey made before chain heads existed: start its chain.
      heads.set(surveyId, await lockChainHead(trx, engine, surveyId));
      const survey = await trx.selectFrom('surveys').select('status').where('id', '=', surveyId).executeTakeFirst();
      if (survey?.status === 'open') open.add(surveyId);
    }
    const ids = new Set(keys.ids);
    const state: BatchState = {
      heads,
      open,
      storedIds: new Map(stored.filter((r) => ids.has(r.id)).map((r) => [r.id, r.survey_id])),
      usedTokens: new Set(stored.flatMap((r) => (r.token !== null && keys.tokens.includes(r.token) ? [r.token] : []))),
    };
    const plan = planBatch(batch, state);
    // Chunks keep each statement under the engines' bind-parameter limits.
    for (let i = 0; i < plan.rows.length; i += 200) {
      const chunk = plan.rows.slice(i, i + 200);
      const inserted = await trx.insertInto('responses').values(chunk).onConflict((oc) => oc.doNothing()).returning('id').execute();
      if (inserted.length !== chunk.length) throw new Replan();
    }
    for (const [surveyId, head] of plan.heads) {
      await trx.updateTable('chain_heads').set(head).where('survey_id', '=', surveyId).execute();
    }
    // The counts move in the same transaction as the rows they count.
    await applyCountChanges(trx, plan.counts);
    await insertFlags(trx, plan.flags);
    return plan.outcomes;
  });
}

/**
 * The chain head of a survey, locked until the transaction ends: on PostgreSQL with FOR UPDATE, on
 * SQLite by the write lock every transaction takes at BEGIN (db/sqlite-dialect.ts). Every writer
 * of the survey's responses or status takes it first.
 */
export async function lockChainHead(trx: Transaction<Database>, engine: Engine, surveyId: string): Promise<ChainHead> {
  const head = await trx
    .selectFrom('chain_heads')
    .select(['seq', 'hash'])
    .where('survey_id', '=', surveyId)
    .$if(engine.rowLocks, (q) => q.forUpdate())
    .executeTakeFirst();
  if (head) return { seq: Number(head.seq), hash: head.hash };
  // A survey made before its head existed: start the chain (the insert is itself the lock).
  await trx.insertInto('chain_heads').values({ survey_id: surveyId, seq: 0, hash: genesisHash(surveyId) }).onConflict((oc) => oc.column('survey_id').doNothing()).execute();
  return lockChainHead(trx, engine, surveyId);
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
