// What every export of a survey needs besides its responses: the evaluation it belongs to (the
// evaluated unit and year, for titles and report text) and every definition version, parsed.
import type { Kysely } from 'kysely';
import { surveyDefinitionSchema, type SurveyDefinition } from '../../surveys/index.ts';
import type { Database, EvaluationRow, SurveyRow } from '../db/schema.ts';
import { definitionVersions } from '../db/export-reads.ts';
import { findEvaluation } from '../db/evaluations.ts';

export interface SurveyExport {
  survey: SurveyRow;
  evaluation: EvaluationRow | undefined;
  definitions: Map<number, SurveyDefinition>;
  /** The definition respondents get now; its method is the one results are computed with. */
  current: SurveyDefinition;
}

export async function loadSurveyExport(db: Kysely<Database>, survey: SurveyRow): Promise<SurveyExport> {
  const definitions = new Map<number, SurveyDefinition>();
  // Stored definitions were checked when they were written; the schema parse only types them.
  for (const v of await definitionVersions(db, survey.id)) definitions.set(v.version, surveyDefinitionSchema.parse(JSON.parse(v.definition)));
  const current = definitions.get(Number(survey.current_version));
  if (!current) throw new Error(`survey ${survey.id} has no definition version ${survey.current_version}`);
  const evaluation = survey.evaluation_id === null ? undefined : await findEvaluation(db, survey.evaluation_id);
  return { survey, evaluation, definitions, current };
}
