// Pages of a survey's responses for reading their open text answers: chain order, keyset by seq,
// optionally only those whose answers' JSON text contains a search term (lower-cased on both
// sides, so ASCII letters match in either case; Chinese has none).
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface TextSourceRow {
  id: string;
  seq: number;
  definition_version: number;
  answers: string;
  excluded: boolean;
}

/** `%`, `_` and `\` in the term are matched as themselves. */
function likePattern(term: string): string {
  // As the term appears inside the stored JSON text (quotes and backslashes escaped).
  const json = JSON.stringify(term.toLowerCase()).slice(1, -1);
  return `%${json.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function textSourcePage(db: Kysely<Database>, surveyId: string, after: number, size: number, term?: string): Promise<TextSourceRow[]> {
  const rows = await db
    .selectFrom('responses as r')
    .leftJoin('excluded_responses as x', 'x.response_id', 'r.id')
    .select(['r.id', 'r.seq', 'r.definition_version', 'r.answers', 'x.response_id as excluded_id'])
    .where('r.survey_id', '=', surveyId)
    .where('r.seq', '>', after)
    .$if(term !== undefined, (q) => q.where(sql<boolean>`lower(r.answers) LIKE ${likePattern(term!)} ESCAPE '\\'`))
    .orderBy('r.seq')
    .limit(size)
    .execute();
  return rows.map(({ excluded_id, ...r }) => ({ ...r, seq: Number(r.seq), definition_version: Number(r.definition_version), excluded: excluded_id !== null }));
}
