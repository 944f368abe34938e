// A response on its way to the write path, built in one place for every way one arrives (the
// public page, evaluator entry, import): the survey's current version and group, the answers'
// stored text, and the tally the counts are kept from. The write path checks status, id and chain
// in its transaction.
import type { Answers } from '../../surveys/index.ts';
import type { PendingResponse } from '../responses/plan.ts';
import { tallyResponse } from '../responses/counting.ts';
import type { PublishedSurvey } from './published.ts';

export interface NewResponse {
  id: string;
  channel: string;
  token?: string | null;
  device?: string | null;
  network?: string | null;
  /** Where it came from, covered by the hash: `interviewer:NAME`, `import:<sha256>`, or null. */
  source: string | null;
  startedAt: string | null;
  submittedAt: string;
  /** Answers as the validator returned them (question order), so equal answers are equal text. */
  answers: Answers;
}

export interface EvaluatorResponse extends NewResponse {
  channel: 'interview' | 'phone' | 'paper' | 'import';
  source: string;
}

export function pendingResponse(survey: PublishedSurvey, r: NewResponse): PendingResponse {
  return {
    id: r.id,
    survey_id: survey.row.id,
    definition_version: survey.row.current_version,
    channel: r.channel,
    respondent_group: survey.definition.group ?? survey.row.respondent_group,
    token: r.token ?? null,
    device: r.device ?? null,
    network: r.network ?? null,
    source: r.source,
    started_at: r.startedAt,
    submitted_at: r.submittedAt,
    answers: JSON.stringify(r.answers),
    tally: tallyResponse(survey.definition, r.answers, { channel: r.channel, startedAt: r.startedAt, submittedAt: r.submittedAt }),
  };
}

/** Entered or imported by an evaluator: no token, device or network (those are browsers'). */
export function evaluatorResponse(survey: PublishedSurvey, r: EvaluatorResponse): PendingResponse {
  return pendingResponse(survey, r);
}
