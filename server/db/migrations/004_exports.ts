// The export log (issue 5): every file that leaves the system with responses or results in it,
// who took it, when, with which filters, how many rows, the sha256 of the bytes sent and the
// response chain head it was cut at, so a figure shown to the finance bureau can be traced back.
// Append-only like responses: a record that could be edited would prove nothing.
import type { Kysely } from 'kysely';
import { engineOf, runStatements } from '../engine.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    // The survey's chain head when the export began; only responses up to it are in the file.
    .addColumn('chain_seq', 'integer', (c) => c.notNull())
    .addColumn('chain_head', 'text', (c) => c.notNull())
    // The hash of the last response row written (filters may leave out the head itself).
    .addColumn('last_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exports_survey_created').on('exports').columns(['survey_id', 'created_at']).execute();
  await runStatements(db, engineOf(db).appendOnly('exports'));
}
