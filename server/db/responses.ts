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

/** Thrown inside the transaction when another writer stored one of our ids in another survey. */
class Replan extends Error {}

export async function writeResponses(db: Kysely<Database>, engine: Engine, batch: PendingResponse[]): Promise<WriteOutcome[]> {
  // The chain-head locks serialise writers of the same survey; an id raced in through another
  // survey is the one thing they cannot see coming. Its insert does nothing, the transaction is
  // rolled back, and the batch is planned again with that id now stored.
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
    const heads = new Map<string, ChainHead>();
    for (const surveyId of keys.surveyIds) heads.set(surveyId, await lockChainHead(trx, engine, surveyId));
    const state: BatchState = {
      heads,
      open: new Set(
        (await trx.selectFrom('surveys').select('id').where('id', 'in', keys.surveyIds).where('status', '=', 'open').execute()).map((r) => r.id),
      ),
      storedIds: new Map(
        (await trx.selectFrom('responses').select(['id', 'survey_id']).where('id', 'in', keys.ids).execute()).map((r) => [r.id, r.survey_id]),
      ),
      usedTokens: new Set(
        keys.tokens.length === 0 ? [] : (await trx.selectFrom('responses').select('token').where('token', 'in', keys.tokens).execute()).map((r) => r.token!),
      ),
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
 * SQLite by the write lock its first write takes. Every writer of the survey's responses or status
 * takes it first.
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
