// Counting the responses stored before the counts existed (migration 003): each response tallied
// by the definition version it answered, exactly as the write path would have, in pages so memory
// stays flat.
import { sql, type Kysely } from 'kysely';
import { parseDefinition, type SurveyDefinition } from '../../surveys/index.ts';
import { CountSummer, storedTally } from '../responses/counting.ts';
import type { FlagRow } from '../responses/plan.ts';
import type { Database } from './schema.ts';
import { applyCountChanges, insertFlags } from './counts.ts';

export async function backfillCounts(db: Kysely<any>): Promise<void> {
  const typed = db as Kysely<Database>;
  const definitions = new Map<string, SurveyDefinition | null>();
  const definitionOf = async (surveyId: string, version: number) => {
    const key = `${surveyId}:${version}`;
    if (!definitions.has(key)) {
      const row = await typed.selectFrom('survey_versions').select('definition').where('survey_id', '=', surveyId).where('version', '=', version).executeTakeFirst();
      const parsed = row ? parseDefinition(JSON.parse(row.definition)) : undefined;
      definitions.set(key, parsed?.ok ? parsed.definition : null);
    }
    return definitions.get(key)!;
  };
  const counts = new CountSummer();
  let after: { survey_id: string; seq: number } | undefined;
  for (;;) {
    const page = await typed
      .selectFrom('responses')
      .select(['id', 'survey_id', 'seq', 'definition_version', 'respondent_group', 'channel', 'started_at', 'submitted_at', 'answers'])
      .$if(after !== undefined, (q) => q.where(sql<boolean>`(survey_id, seq) > (${after!.survey_id}, ${after!.seq})`))
      .orderBy('survey_id')
      .orderBy('seq')
      .limit(1000)
      .execute();
    if (page.length === 0) break;
    const flags: FlagRow[] = [];
    for (const r of page) {
      const version = Number(r.definition_version);
      const definition = await definitionOf(r.survey_id, version);
      const tally = storedTally(definition, r);
      const counted = { ...r, definition_version: version };
      if (tally.eligible) counts.add(counted, 'valid', 1, tally.items);
      else counts.add(counted, 'ineligible', 1);
      for (const flag of tally.flags) flags.push({ response_id: r.id, survey_id: r.survey_id, flag });
    }
    await insertFlags(typed, flags);
    const last = page[page.length - 1]!;
    after = { survey_id: last.survey_id, seq: Number(last.seq) };
  }
  await applyCountChanges(typed, counts.changes());
}
