// Entry points of a survey: one per poster (a service hall, a channel) with its code for `?src=`,
// optionally with a kiosk key for the tablet standing there (`?kiosk=KEY`).
import type { Kysely } from 'kysely';
import type { Database, SurveySourceRow } from './schema.ts';

export async function listSources(db: Kysely<Database>, surveyId: string): Promise<SurveySourceRow[]> {
  return db.selectFrom('survey_sources').selectAll().where('survey_id', '=', surveyId).orderBy('created_at').orderBy('code').execute();
}

export async function findSource(db: Kysely<Database>, surveyId: string, code: string): Promise<SurveySourceRow | undefined> {
  return db.selectFrom('survey_sources').selectAll().where('survey_id', '=', surveyId).where('code', '=', code).executeTakeFirst();
}

/** Adds a source; false when the survey already has one with this code. */
export async function addSource(db: Kysely<Database>, row: SurveySourceRow): Promise<boolean> {
  const result = await db
    .insertInto('survey_sources')
    .values(row)
    .onConflict((oc) => oc.columns(['survey_id', 'code']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Sets (a new key: the old one stops working at once) or clears a source's kiosk key. */
export async function setKioskKey(db: Kysely<Database>, surveyId: string, code: string, key: string | null): Promise<boolean> {
  const result = await db.updateTable('survey_sources').set({ kiosk_key: key }).where('survey_id', '=', surveyId).where('code', '=', code).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** How the respondent page was reached, as far as the survey's entry points tell. */
export interface EntryPoint {
  /** The source code to record with the response (`hall-1`), or null when none applies. */
  source: string | null;
  /** Its label for display (`政务服务大厅一楼`). */
  label: string | null;
  /** A kiosk: many people answer on one device, so the one-response-per-browser guard is off. */
  kiosk: boolean;
}

/**
 * For the respondent page (GET and POST /s/:slug): resolves `?kiosk=KEY` and `?src=CODE` of a
 * survey. A valid kiosk key gives its source with `kiosk: true`; a kiosk key that is not (or no
 * longer) one of this survey's gives null, which the page should refuse like an unknown token;
 * a registered `src` gives that source; an unknown `src` (a typed URL) is ignored.
 */
export async function entryPoint(db: Kysely<Database>, surveyId: string, query: { src?: string | undefined; kiosk?: string | undefined }): Promise<EntryPoint | null> {
  if (query.kiosk !== undefined) {
    const row = await db
      .selectFrom('survey_sources')
      .select(['code', 'label'])
      .where('survey_id', '=', surveyId)
      .where('kiosk_key', '=', query.kiosk)
      .executeTakeFirst();
    return row ? { source: row.code, label: row.label, kiosk: true } : null;
  }
  if (query.src !== undefined) {
    const row = await findSource(db, surveyId, query.src);
    if (row) return { source: row.code, label: row.label, kiosk: false };
  }
  return { source: null, label: null, kiosk: false };
}
