// Paper forms issued (发放): the base of the response rates for the paper channel, entered by an
// evaluator each time a stack of forms goes out, as invitation tokens are the base for companies.
// Append-only like responses: a wrong entry is put right by a further entry with a negative count,
// so the issued figure behind a 回收率 in a report can always be traced.
import type { Kysely } from 'kysely';
import { engineOf, runStatements } from '../engine.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('paper_issues')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    // The survey's entries in order (timestamps can tie).
    .addColumn('seq', 'integer', (c) => c.notNull())
    // Forms handed out; negative for a correction.
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_issues_pk', ['survey_id', 'seq'])
    .execute();
  await runStatements(db, engineOf(db).appendOnly('paper_issues'));
}

export async function down(): Promise<void> {
  throw new Error('manyidu migrations are forward-only');
}
