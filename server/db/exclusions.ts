// Exclusions (剔除): an evaluator's decision that a response does not count, and its undoing.
// Each is a row of the history (who, when, why); the response itself is never touched. The set of
// excluded responses and the counts move in the same transaction as the history row, under the
// survey's chain-head lock, so two evaluators excluding one response at once count it once.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, ExclusionRow, ResponseRow } from './schema.ts';
import type { Engine } from './engine.ts';
import { lockChainHead } from './responses.ts';
import { applyCountChanges } from './counts.ts';
import { CountSummer, type ResponseTally } from '../responses/counting.ts';

export type ExclusionAction = 'exclude' | 'restore';

export interface ExclusionChange {
  response: Pick<ResponseRow, 'id' | 'survey_id' | 'definition_version' | 'respondent_group' | 'channel'>;
  /** The response's tally, re-made from its row (server/responses/counting.ts storedTally). */
  tally: ResponseTally;
  action: ExclusionAction;
  reason: string;
  userId: string;
  now: string;
}

/** The history row written, or null when the response was already in the state asked for. */
export async function changeExclusion(db: Kysely<Database>, engine: Engine, change: ExclusionChange): Promise<ExclusionRow | null> {
  const { response, tally, action } = change;
  return db.transaction().execute(async (trx) => {
    // On PostgreSQL this locks the chain head's row; SQLite transactions hold the write lock from
    // BEGIN (db/sqlite-dialect.ts), so nothing read here can move before the writes below.
    await lockChainHead(trx, engine, response.survey_id);
    const excluded = await trx.selectFrom('excluded_responses').select('response_id').where('response_id', '=', response.id).executeTakeFirst();
    if ((action === 'exclude') === (excluded !== undefined)) return null;
    // The history is read in created_at order, so each change is stamped after the one before
    // it, even within one millisecond.
    const last = await trx.selectFrom('exclusions').select((eb) => eb.fn.max('created_at').as('at')).where('response_id', '=', response.id).executeTakeFirst();
    const at = last?.at && last.at >= change.now ? new Date(Date.parse(last.at) + 1).toISOString() : change.now;
    const row: ExclusionRow = {
      id: randomUUID(),
      response_id: response.id,
      survey_id: response.survey_id,
      action,
      reason: change.reason,
      user_id: change.userId,
      created_at: at,
    };
    await trx.insertInto('exclusions').values(row).execute();
    if (action === 'exclude') {
      await trx.insertInto('excluded_responses').values({ response_id: response.id, survey_id: response.survey_id, exclusion_id: row.id }).execute();
    } else {
      await trx.deleteFrom('excluded_responses').where('response_id', '=', response.id).execute();
    }
    // An ineligible response is invalid either way: its exclusion is recorded, its counts stay.
    if (tally.eligible) {
      const sign = action === 'exclude' ? 1 : -1;
      const counted = { ...response, definition_version: Number(response.definition_version) };
      const changes = new CountSummer().add(counted, 'valid', -sign, tally.items).add(counted, 'excluded', sign).changes();
      await applyCountChanges(trx, changes);
    }
    return row;
  });
}

export interface ExclusionEvent extends ExclusionRow {
  username: string | null;
}

/** A response's exclusion history, oldest first, with who made each change. */
export async function exclusionHistory(db: Kysely<Database>, responseId: string): Promise<ExclusionEvent[]> {
  return db
    .selectFrom('exclusions')
    .leftJoin('users', 'users.id', 'exclusions.user_id')
    .selectAll('exclusions')
    .select('users.username')
    .where('exclusions.response_id', '=', responseId)
    .orderBy('exclusions.created_at')
    .execute();
}
