// The record of each imported file: who brought which file (by name and SHA-256) into which
// survey, when, with how many rows accepted and refused. Append-only; one row per file and survey.
import type { Kysely } from 'kysely';
import type { Database, ImportRow } from './schema.ts';

export async function findImport(db: Kysely<Database>, surveyId: string, sha256: string): Promise<ImportRow | undefined> {
  return db.selectFrom('imports').selectAll().where('survey_id', '=', surveyId).where('sha256', '=', sha256).executeTakeFirst();
}

/** Records an import; a second record of the same file in the same survey is ignored. */
export async function recordImport(db: Kysely<Database>, row: ImportRow): Promise<void> {
  await db.insertInto('imports').values(row).onConflict((oc) => oc.columns(['survey_id', 'sha256']).doNothing()).execute();
}

export async function listImports(db: Kysely<Database>, surveyId: string): Promise<ImportRow[]> {
  return db.selectFrom('imports').selectAll().where('survey_id', '=', surveyId).orderBy('created_at').orderBy('id').execute();
}
