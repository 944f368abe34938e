// A survey's results change only when one of these does: a response is stored (the chain head
// moves), an exclusion is made or undone (a row of the history), the definition gets a new version,
// invitations or paper forms are issued, or the population the planner corrects for is set. Their values together are the results' version: one
// indexed read, cheap enough for an ETag on every poll and for each open event stream once a second.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export async function resultsStamp(db: Kysely<Database>, surveyId: string): Promise<string> {
  const row = await db
    .selectFrom('surveys')
    .leftJoin('chain_heads', 'chain_heads.survey_id', 'surveys.id')
    .select([
      'surveys.current_version',
      'chain_heads.seq',
      'surveys.population',
      sql<number>`(SELECT count(*) FROM exclusions WHERE exclusions.survey_id = surveys.id)`.as('exclusions'),
      sql<number>`(SELECT count(*) FROM invitation_tokens WHERE invitation_tokens.survey_id = surveys.id)`.as('tokens'),
      sql<number>`(SELECT count(*) FROM paper_issues WHERE paper_issues.survey_id = surveys.id)`.as('paper'),
    ])
    .where('surveys.id', '=', surveyId)
    .executeTakeFirst();
  if (!row) return 'gone';
  return `${Number(row.current_version)}.${Number(row.seq ?? 0)}.${Number(row.exclusions)}.${Number(row.tokens)}.${Number(row.paper)}.${row.population ?? '-'}`;
}
