// Surveys and their definition versions. A definition is stored as written (JSON text) and
// parsed by surveys/ where it is used; versions are never changed once written.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SurveyRow, SurveyStatus } from './schema.ts';
import type { Engine } from './engine.ts';
import { genesisHash } from '../responses/chain.ts';
import { lockChainHead } from './responses.ts';

export interface NewSurvey {
  slug: string;
  definition: { group?: string } & Record<string, unknown>;
  evaluationId?: string | null;
  status?: SurveyStatus;
  now: string;
}

export async function createSurvey(db: Kysely<Database>, s: NewSurvey): Promise<SurveyRow> {
  const id = randomUUID();
  const row: SurveyRow = {
    id,
    slug: s.slug,
    evaluation_id: s.evaluationId ?? null,
    status: s.status ?? 'draft',
    current_version: 1,
    respondent_group: s.definition.group ?? 'public',
    created_at: s.now,
    opened_at: s.status === 'open' ? s.now : null,
    closed_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('surveys').values(row).execute();
    await trx.insertInto('survey_versions').values({ survey_id: id, version: 1, definition: JSON.stringify(s.definition), created_at: s.now }).execute();
    await trx.insertInto('chain_heads').values({ survey_id: id, seq: 0, hash: genesisHash(id) }).execute();
  });
  return row;
}

export async function findSurveyBySlug(db: Kysely<Database>, slug: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('surveys').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findSurvey(db: Kysely<Database>, id: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The definition JSON of one version, unparsed. */
export async function definitionText(db: Kysely<Database>, surveyId: string, version: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('survey_versions')
    .select('definition')
    .where('survey_id', '=', surveyId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row?.definition;
}

/**
 * Opens or closes a survey. It takes the chain head's lock first, as the response writer does,
 * so no response is accepted after a close has committed.
 */
export async function setSurveyStatus(db: Kysely<Database>, engine: Engine, surveyId: string, status: SurveyStatus, now: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockChainHead(trx, engine, surveyId);
    await trx
      .updateTable('surveys')
      .set(status === 'open' ? { status, opened_at: now, closed_at: null } : { status, closed_at: now })
      .where('id', '=', surveyId)
      .execute();
  });
}

export async function isValidToken(db: Kysely<Database>, surveyId: string, token: string): Promise<boolean> {
  const row = await db.selectFrom('invitation_tokens').select('token').where('token', '=', token).where('survey_id', '=', surveyId).executeTakeFirst();
  return row !== undefined;
}

export async function createTokens(db: Kysely<Database>, surveyId: string, tokens: { token: string; label: string | null }[], now: string): Promise<void> {
  if (tokens.length === 0) return;
  await db.insertInto('invitation_tokens').values(tokens.map((t) => ({ ...t, survey_id: surveyId, created_at: now }))).execute();
}
