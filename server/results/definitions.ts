// The definition a response answered: parsed once per (survey, version) and kept, since a version
// is never changed once written. Exclusions re-tally a response by it; the response view labels
// its answers with it.
import type { Kysely } from 'kysely';
import { parseDefinition, type SurveyDefinition } from '../../surveys/index.ts';
import type { Database } from '../db/schema.ts';
import { definitionText } from '../db/surveys.ts';

const parsed = new Map<string, SurveyDefinition | null>();

/** null when the version does not exist or its stored text no longer parses. */
export async function definitionAt(db: Kysely<Database>, surveyId: string, version: number): Promise<SurveyDefinition | null> {
  const key = `${surveyId}:${version}`;
  let definition = parsed.get(key);
  if (definition === undefined) {
    const text = await definitionText(db, surveyId, version);
    const result = text === undefined ? undefined : parseDefinition(JSON.parse(text));
    definition = result?.ok ? result.definition : null;
    if (parsed.size >= 1000) parsed.clear();
    parsed.set(key, definition);
  }
  return definition;
}
