// The evaluation's sheet (issue 6): its indicator system as versions, the evaluators' entries
// for each indicator (inputs and survey bindings) as a history, and the record of every sheet
// export. All three are append-only, like responses: a sheet shown to the finance bureau must be
// reproducible from what was stored when it was made, so nothing it read may change afterwards.
import type { Kysely } from 'kysely';
import { engineOf, runStatements } from '../engine.ts';

export async function up(db: Kysely<any>): Promise<void> {
  // Every change of the framework is a new version (as survey definitions): sheets and exports
  // name the version they scored, and an old one can still be read.
  await db.schema
    .createTable('framework_versions')
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // The framework JSON itself, even for a bundled one: a later release may change the bundle.
    .addColumn('framework', 'text', (c) => c.notNull())
    // The bundled framework's name when it was chosen by name, else null (inline JSON).
    .addColumn('bundled', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('framework_versions_pk', ['evaluation_id', 'version'])
    .execute();

  // One row per change of one indicator's input or binding; the latest per (kind, code) counts.
  // A null value clears it. seq orders the evaluation's entries (timestamps can tie).
  await db.schema
    .createTable('indicator_entries')
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('value', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_entries_pk', ['evaluation_id', 'seq'])
    .execute();
  await db.schema.createIndex('indicator_entries_code').on('indicator_entries').columns(['evaluation_id', 'kind', 'code', 'seq']).execute();

  // The survey export log (004) is per survey; a sheet draws on several surveys, so its exports
  // list each one's figures and chain head in `sources`.
  await db.schema
    .createTable('sheet_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('framework_version', 'integer', (c) => c.notNull())
    // The last indicator entry the sheet read: with the version, it fixes every input used.
    .addColumn('entries_seq', 'integer', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sheet_exports_evaluation').on('sheet_exports').columns(['evaluation_id', 'created_at']).execute();

  const engine = engineOf(db);
  await runStatements(db, [...engine.appendOnly('framework_versions'), ...engine.appendOnly('indicator_entries'), ...engine.appendOnly('sheet_exports')]);
}

export async function down(): Promise<void> {
  throw new Error('manyidu migrations are forward-only');
}
