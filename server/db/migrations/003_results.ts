// Results (issue 5): counts kept on write, quality flags, exclusions with their history, and the
// indexes the response list's flags need. Portable SQL only, as in 001. Responses stored before
// this migration are counted once here, so the counts start out equal to a recount.
import type { Kysely } from 'kysely';
import { engineOf, runStatements } from '../engine.ts';
import { backfillCounts } from '../count-backfill.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('level_counts')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('respondent_group', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('definition_version', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    // Survey first: every read is one survey's rows, a few thousand at most.
    .addPrimaryKeyConstraint('level_counts_pk', ['survey_id', 'respondent_group', 'channel', 'definition_version', 'question_id', 'level'])
    .execute();

  await db.schema
    .createTable('response_counts')
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('respondent_group', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_counts_pk', ['survey_id', 'respondent_group', 'channel', 'status'])
    .execute();

  await db.schema
    .createTable('response_flags')
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('flag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_flags_pk', ['response_id', 'flag'])
    .execute();

  await db.schema
    .createTable('exclusions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exclusions_response').on('exclusions').columns(['response_id', 'created_at']).execute();
  await db.schema.createIndex('exclusions_survey').on('exclusions').column('survey_id').execute();

  await db.schema
    .createTable('excluded_responses')
    .addColumn('response_id', 'text', (c) => c.primaryKey().references('responses.id'))
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id'))
    .addColumn('exclusion_id', 'text', (c) => c.notNull().references('exclusions.id'))
    .execute();
  await db.schema.createIndex('excluded_responses_survey').on('excluded_responses').column('survey_id').execute();

  // The list's relational flags (a device seen before, a burst from one network) and the
  // accounting's issued tokens are read by these, never by a scan of the survey.
  await db.schema.createIndex('responses_survey_device').on('responses').columns(['survey_id', 'device']).execute();
  await db.schema.createIndex('responses_survey_network').on('responses').columns(['survey_id', 'network', 'submitted_at']).execute();
  await db.schema.createIndex('invitation_tokens_survey').on('invitation_tokens').column('survey_id').execute();

  await runStatements(db, [...engineOf(db).appendOnly('exclusions'), ...engineOf(db).appendOnly('response_flags')]);
  await backfillCounts(db);
}

export async function down(): Promise<void> {
  throw new Error('manyidu migrations are forward-only');
}
