// Every object belongs to an evaluation, and a caller may touch it only when they may see that
// evaluation. Objects the caller may not see are answered 404, exactly as objects that do not
// exist, so ids of other evaluations cannot be probed.
import type { Kysely } from 'kysely';
import type { Database, EvaluationRow, SurveyRow, UserRow } from '../db/schema.ts';
import { findEvaluation, isMember } from '../db/evaluations.ts';
import { findSurvey } from '../db/surveys.ts';
import { ApiError } from '../http/errors.ts';

type Caller = Pick<UserRow, 'id' | 'role'>;

/** A survey made outside any evaluation (the demo) is an admin's alone. */
export async function canSeeEvaluation(db: Kysely<Database>, user: Caller, evaluationId: string | null): Promise<boolean> {
  if (user.role === 'admin') return true;
  return evaluationId !== null && (await isMember(db, evaluationId, user.id));
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `no such ${what}`);

export async function visibleEvaluation(db: Kysely<Database>, user: Caller, id: string): Promise<EvaluationRow> {
  const evaluation = await findEvaluation(db, id);
  if (!evaluation || !(await canSeeEvaluation(db, user, evaluation.id))) throw notFound('evaluation');
  return evaluation;
}

export async function visibleSurvey(db: Kysely<Database>, user: Caller, id: string): Promise<SurveyRow> {
  const survey = await findSurvey(db, id);
  if (!survey || !(await canSeeEvaluation(db, user, survey.evaluation_id))) throw notFound('survey');
  return survey;
}
