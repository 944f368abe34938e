// Surveys and their definition versions. A definition is stored as written (JSON text) and
// parsed by surveys/ where it is used; versions are never changed once written.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SurveyRow, SurveyStatus } from './schema.ts';
import type { Engine } from './engine.ts';
import { genesisHash } from '../responses/chain.ts';
import { lockChainHead } from './responses.ts';
import { readResponseCounts } from './counts.ts';

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
    population: null,
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
  await db.insertInto('invitation_tokens').values(tokens.map((t, position) => ({ ...t, survey_id: surveyId, created_at: now, position }))).execute();
}

/** A survey row with the title of its current definition and its response count. */
export interface SurveyListing extends SurveyRow {
  definition: string;
  responses: number;
}

/**
 * Surveys, newest first: of the given evaluations, or all of them (`evaluationIds` null, for an
 * admin). The response count is the chain head's position, which every write moves, so no
 * response is counted here.
 */
export async function listSurveys(db: Kysely<Database>, evaluationIds: string[] | null): Promise<SurveyListing[]> {
  if (evaluationIds !== null && evaluationIds.length === 0) return [];
  return surveyListings(db, (q) => (evaluationIds === null ? q : q.where('surveys.evaluation_id', 'in', evaluationIds)));
}

export async function findSurveyListing(db: Kysely<Database>, id: string): Promise<SurveyListing | undefined> {
  const [listing] = await surveyListings(db, (q) => q.where('surveys.id', '=', id));
  return listing;
}

type ListingQuery = ReturnType<typeof listingQuery>;

function listingQuery(db: Kysely<Database>) {
  return db
    .selectFrom('surveys')
    .innerJoin('survey_versions', (j) =>
      j.onRef('survey_versions.survey_id', '=', 'surveys.id').onRef('survey_versions.version', '=', 'surveys.current_version'),
    )
    .leftJoin('chain_heads', 'chain_heads.survey_id', 'surveys.id')
    .selectAll('surveys')
    .select(['survey_versions.definition', 'chain_heads.seq']);
}

async function surveyListings(db: Kysely<Database>, where: (q: ListingQuery) => ListingQuery): Promise<SurveyListing[]> {
  const rows = await where(listingQuery(db)).orderBy('surveys.created_at', 'desc').orderBy('surveys.id').execute();
  return rows.map(({ seq, ...row }) => ({ ...row, responses: Number(seq ?? 0) }));
}

export interface SurveyVersionInfo {
  version: number;
  createdAt: string;
  responses: number;
}

export async function listVersions(db: Kysely<Database>, surveyId: string): Promise<SurveyVersionInfo[]> {
  const versions = await db.selectFrom('survey_versions').select(['version', 'created_at']).where('survey_id', '=', surveyId).orderBy('version').execute();
  const counts = await db
    .selectFrom('responses')
    .select(['definition_version', (eb) => eb.fn.countAll<number>().as('n')])
    .where('survey_id', '=', surveyId)
    .groupBy('definition_version')
    .execute();
  const byVersion = new Map(counts.map((r) => [Number(r.definition_version), Number(r.n)]));
  return versions.map((v) => ({ version: Number(v.version), createdAt: v.created_at, responses: byVersion.get(Number(v.version)) ?? 0 }));
}

/** Responses received per channel (link, qr, token, interview, …), from the counts kept on write. */
export async function countByChannel(db: Kysely<Database>, surveyId: string): Promise<Record<string, number>> {
  const byChannel: Record<string, number> = {};
  for (const row of await readResponseCounts(db, surveyId)) byChannel[row.channel] = (byChannel[row.channel] ?? 0) + row.n;
  return byChannel;
}

/**
 * Adds a definition version and makes it current. Versions are never rewritten (the table refuses
 * it), so even a draft's edit is a new version; responses keep the version they answered. The
 * chain head's lock serialises this with other edits and with status changes.
 */
export async function addVersion(
  db: Kysely<Database>,
  engine: Engine,
  surveyId: string,
  definition: { group?: string } & Record<string, unknown>,
  now: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockChainHead(trx, engine, surveyId);
    const latest = await trx
      .selectFrom('survey_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('survey_id', '=', surveyId)
      .executeTakeFirstOrThrow();
    const version = Number(latest.v ?? 0) + 1;
    await trx.insertInto('survey_versions').values({ survey_id: surveyId, version, definition: JSON.stringify(definition), created_at: now }).execute();
    await trx
      .updateTable('surveys')
      .set({ current_version: version, respondent_group: definition.group ?? 'public' })
      .where('id', '=', surveyId)
      .execute();
    return version;
  });
}

/** Sets the population the survey samples (N), or null for a large or unknown one. */
export async function setPopulation(db: Kysely<Database>, surveyId: string, population: number | null): Promise<void> {
  await db.updateTable('surveys').set({ population }).where('id', '=', surveyId).execute();
}
