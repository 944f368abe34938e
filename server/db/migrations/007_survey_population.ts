// The population a survey samples (总体规模 N, e.g. the 500 companies a bureau serves), which the
// sample-size planner's finite-population correction needs (DESIGN §3). Null: a large or unknown
// population, as for the residents of a district. Set by an evaluator; nothing else reads it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('surveys').addColumn('population', 'integer').execute();
}

export async function down(): Promise<void> {
  throw new Error('manyidu migrations are forward-only');
}
