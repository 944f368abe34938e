// What an export reads: the chain head it is cut at, the definition versions, and the responses
// in chain order, a page at a time (keyset on seq: every page costs the same however far in),
// never beyond the head, so the file holds exactly what that head covers while new ones arrive.
import type { Kysely } from 'kysely';
import type { Database, ResponseRow } from './schema.ts';
import { relationalFlagColumns, type RelationalFlagColumns } from './relational-flags.ts';

export interface ResponseFilter {
  group?: string;
  channel?: string;
  /** Excluded responses: kept and marked (include), left out (exclude), or alone (only). */
  excluded: 'include' | 'exclude' | 'only';
}

/** The fields of a response that an export writes (not the survey, token, device or network). */
export const exportedFields = ['seq', 'id', 'submitted_at', 'channel', 'respondent_group', 'source', 'definition_version', 'answers', 'hash'] as const;
export type ExportedResponse = Pick<ResponseRow, (typeof exportedFields)[number]>;

/**
 * A response with the reason it is excluded now (null while it counts) and the flags that depend
 * on other responses, decided as the response list decides them.
 */
export type ResponseWithExclusion = ExportedResponse & RelationalFlagColumns & { exclusion_reason: string | null };

/**
 * One page, with each response's current exclusion (the results core keeps the current state in
 * excluded_responses, beside the full history in exclusions), joined here so the excluded filter
 * costs no second query, and its relational flags, each an index search per row.
 */
export async function responsePage(
  db: Kysely<Database>,
  surveyId: string,
  range: { afterSeq: number; uptoSeq: number },
  filter: ResponseFilter,
  limit: number,
): Promise<ResponseWithExclusion[]> {
  // Aliased `r`: the relational flags' SQL is written against that name.
  return db
    .selectFrom('responses as r')
    .leftJoin('excluded_responses', 'excluded_responses.response_id', 'r.id')
    .leftJoin('exclusions', 'exclusions.id', 'excluded_responses.exclusion_id')
    .select(exportedFields.map((f) => `r.${f}` as const))
    .select(['exclusions.reason as exclusion_reason', ...relationalFlagColumns(range.uptoSeq)])
    .where('r.survey_id', '=', surveyId)
    .where('r.seq', '>', range.afterSeq)
    .where('r.seq', '<=', range.uptoSeq)
    .$if(filter.group !== undefined, (q) => q.where('r.respondent_group', '=', filter.group!))
    .$if(filter.channel !== undefined, (q) => q.where('r.channel', '=', filter.channel!))
    .$if(filter.excluded === 'exclude', (q) => q.where('excluded_responses.response_id', 'is', null))
    .$if(filter.excluded === 'only', (q) => q.where('excluded_responses.response_id', 'is not', null))
    .orderBy('r.seq')
    .limit(limit)
    .execute();
}

/** The survey's chain head now: the seq and hash an export is cut at. */
export async function chainHead(db: Kysely<Database>, surveyId: string): Promise<{ seq: number; hash: string } | undefined> {
  const head = await db.selectFrom('chain_heads').select(['seq', 'hash']).where('survey_id', '=', surveyId).executeTakeFirst();
  return head && { seq: Number(head.seq), hash: head.hash };
}

/** Every definition version of the survey, as stored (JSON text), oldest first. */
export async function definitionVersions(db: Kysely<Database>, surveyId: string): Promise<{ version: number; definition: string }[]> {
  const rows = await db.selectFrom('survey_versions').select(['version', 'definition']).where('survey_id', '=', surveyId).orderBy('version').execute();
  return rows.map((r) => ({ version: Number(r.version), definition: r.definition }));
}
