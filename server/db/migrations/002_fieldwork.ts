// The evaluators' side (issue 4): evaluations and their members, sessions and failed logins kept
// in the database (so a request may land on any process), the entry points of a survey (poster
// sources and kiosk keys), and the record of every import. Portable SQL only, as in 001.
import type { Kysely } from 'kysely';
import { engineOf, runStatements } from '../engine.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // The indicator system as given (issue 6 parses and scores it); kept as text until then.
    .addColumn('framework', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evaluation_members')
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_members_pk', ['evaluation_id', 'user_id'])
    .execute();
  await db.schema.createIndex('evaluation_members_user').on('evaluation_members').column('user_id').execute();
  await db.schema.createIndex('surveys_evaluation').on('surveys').column('evaluation_id').execute();

  // Only a hash of the session id is stored: a leaked table does not log anyone in.
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  // One row per failed login, under a key per username and per client network: counting rows in a
  // window needs no read-modify-write, so concurrent processes cannot lose a failure.
  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key_at').on('login_failures').columns(['key', 'failed_at']).execute();

  // Where a survey is answered: one row per poster (service hall, channel), optionally with a
  // kiosk key for a tablet standing there.
  await db.schema
    .createTable('survey_sources')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('kiosk_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_sources_pk', ['survey_id', 'code'])
    .execute();

  // The order of a company list as uploaded, so the CSV and the sheet of QR codes follow it.
  await db.schema.alterTable('invitation_tokens').addColumn('position', 'integer').execute();

  // Append-only like responses: it is the provenance of every imported response.
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('rows_accepted', 'integer', (c) => c.notNull())
    .addColumn('rows_rejected', 'integer', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addUniqueConstraint('imports_survey_sha256', ['survey_id', 'sha256'])
    .execute();

  await runStatements(db, engineOf(db).appendOnly('imports'));
}

export async function down(): Promise<void> {
  throw new Error('manyidu migrations are forward-only');
}
