// Changes to one evaluation's sheet (framework versions, indicator entries) number their rows
// max + 1. On PostgreSQL two transactions could read the same max, so each first locks the
// evaluation's row; an SQLite transaction holds the database's write lock from BEGIN
// (db/sqlite-dialect.ts) and needs no other.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { Engine } from './engine.ts';

export async function lockEvaluation(trx: Transaction<Database> | Kysely<Database>, engine: Engine, evaluationId: string): Promise<void> {
  if (!engine.rowLocks) return;
  await trx.selectFrom('evaluations').select('id').where('id', '=', evaluationId).forUpdate().execute();
}
