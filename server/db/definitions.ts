// The definition a response answered: parsed once per (survey, version) and kept, since a version
// is never changed once written. The write paths tally each response by it; exclusions re-tally a
// response by it; the response view labels its answers with it.
import type { Kysely } from 'kysely';
import { parseDefinition, type SurveyDefinition } from '../../surveys/index.ts';
import { versionKey } from '../responses/plan.ts';
import type { Database } from './schema.ts';
import { definitionText } from './surveys.ts';

const parsed = new Map<string, SurveyDefinition | null>();

/**
 * The parsed definition of a version whose stored text `read` returns (undefined when the version
 * does not exist), read and parsed only the first time. null when missing or no longer parsing.
 * Synchronous, for the SQLite write thread's prepared statement.
 */
export function definitionOf(surveyId: string, version: number, read: () => string | undefined): SurveyDefinition | null {
  const key = versionKey(surveyId, version);
  let definition = parsed.get(key);
  if (definition === undefined) {
    const text = read();
    const result = text === undefined ? undefined : parseDefinition(JSON.parse(text));
    definition = result?.ok ? result.definition : null;
    if (parsed.size >= 1000) parsed.clear();
    parsed.set(key, definition);
  }
  return definition;
}

/** null when the version does not exist or its stored text no longer parses. */
export async function definitionAt(db: Kysely<Database>, surveyId: string, version: number): Promise<SurveyDefinition | null> {
  const key = versionKey(surveyId, version);
  if (parsed.has(key)) return parsed.get(key)!;
  const text = await definitionText(db, surveyId, version);
  return definitionOf(surveyId, version, () => text);
}
