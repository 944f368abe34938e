// A response entered or imported by an evaluator, on its way to the write path: the survey's
// current version and group, and no token, device or network (those belong to respondents'
// browsers). The write path checks status, id and chain in its transaction.
import type { Answers } from '../../surveys/index.ts';
import type { PendingResponse } from '../responses/plan.ts';
import type { PublishedSurvey } from './published.ts';

export interface EvaluatorResponse {
  id: string;
  channel: 'interview' | 'phone' | 'paper' | 'import';
  /** Where it came from, covered by the hash: `interviewer:NAME` or `import:<sha256>`. */
  source: string;
  startedAt: string | null;
  submittedAt: string;
  /** Answers as the validator returned them (question order), so equal answers are equal text. */
  answers: Answers;
}

export function evaluatorResponse(survey: PublishedSurvey, r: EvaluatorResponse): PendingResponse {
  return {
    id: r.id,
    survey_id: survey.row.id,
    definition_version: survey.row.current_version,
    channel: r.channel,
    respondent_group: survey.definition.group ?? survey.row.respondent_group,
    token: null,
    device: null,
    network: null,
    source: r.source,
    started_at: r.startedAt,
    submitted_at: r.submittedAt,
    answers: JSON.stringify(r.answers),
  };
}
