// One path for every public submission, JSON or plain form: find the survey, validate the answers,
// apply the one-response-per-browser guard, then hand the response to the group commit and report
// what the database decided. The entry (invitation, poster, kiosk) was checked by the route.
import { createHmac } from 'node:crypto';
import type { Answers } from '../../surveys/index.ts';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { responseExists } from '../db/responses.ts';
import type { PublishedSurvey } from '../surveys/published.ts';
import { pendingResponse } from '../surveys/pending.ts';
import type { PublicChannel } from './channels.ts';


export interface Submission {
  id: string;
  answers: unknown;
  token?: string | undefined;
  startedAt?: string | undefined;
  channel: PublicChannel;
  /** The poster (entry point) the page was opened from, if it is one of the survey's. */
  source: string | null;
  device: string | null;
  network: string | null;
  /** The response id this browser's signed cookie says it already submitted to this survey. */
  doneId: string | null;
}

export type SubmitResult =
  | { ok: true; created: boolean; id: string }
  | { ok: false; error: ApiError; answers?: Answers };

export async function submitResponse(ctx: AppContext, survey: PublishedSurvey | undefined, s: Submission): Promise<SubmitResult> {
  if (!survey || survey.row.status === 'draft') {
    return reject(404, 'not_found', 'no such survey');
  }
  if (survey.row.status !== 'open') {
    // A retry of a response stored before the close is still answered as stored.
    if (await responseExists(ctx.db.db, s.id)) return { ok: true, created: false, id: s.id };
    return reject(410, 'survey_closed', 'this survey is not open');
  }
  const validated = survey.validate(s.answers);
  if (!validated.ok) {
    return { ok: false, error: new ApiError(422, 'invalid_answers', `${validated.issues.length} answer(s) are not valid`, validated.issues) };
  }
  // A kiosk serves many people from one browser, an invitation guards itself: neither needs the cookie.
  if (s.channel !== 'token' && s.channel !== 'kiosk' && s.doneId !== null && s.doneId !== s.id) {
    return reject(409, 'already_answered', 'this browser has already answered this survey');
  }
  const outcome = await ctx.writer.submit(
    pendingResponse(survey, {
      id: s.id,
      channel: s.channel,
      token: s.token ?? null,
      device: s.device,
      network: s.network,
      source: s.source,
      startedAt: s.startedAt ?? null,
      submittedAt: ctx.now().toISOString(),
      answers: validated.answers,
    }),
  );
  switch (outcome.status) {
    case 'created':
      return { ok: true, created: true, id: s.id };
    case 'duplicate':
      return { ok: true, created: false, id: s.id };
    case 'token_used':
      return reject(409, 'already_answered', 'this invitation has already been used');
    case 'conflict':
      return reject(409, 'id_conflict', 'id: already used by another response', [{ field: 'id', code: 'conflict', message: 'id: already used by another response' }]);
    case 'not_open':
      return reject(410, 'survey_closed', 'this survey is not open');
  }
}

function reject(status: 404 | 409 | 410 | 422, code: string, message: string, issues?: ApiError['issues']): SubmitResult {
  return { ok: false, error: new ApiError(status, code, message, issues) };
}

/**
 * The network a request came from, as a keyed hash of its /24 (IPv4) or /48 (IPv6): enough to see
 * bursts from one place, without storing anyone's address. Recent answers are remembered, since
 * the same few carrier gateways send most of the traffic.
 */
export class NetworkHashes {
  private cache = new Map<string, string>();

  constructor(private readonly secret: string) {}

  of(address: string | undefined): string | null {
    if (!address) return null;
    let hash = this.cache.get(address);
    if (hash === undefined) {
      hash = networkOf(this.secret, address)!;
      if (this.cache.size >= 10_000) this.cache.clear();
      this.cache.set(address, hash);
    }
    return hash;
  }
}

/** The keyed hash of an address's network (its /24 or /48), uncached. */
export function networkOf(secret: string, address: string | undefined): string | null {
  if (!address) return null;
  const v4 = address.replace(/^::ffff:/, '');
  const prefix = /^\d+\.\d+\.\d+\.\d+$/.test(v4) ? v4.split('.').slice(0, 3).join('.') : address.split(':').slice(0, 3).join(':');
  return createHmac('sha256', secret).update(prefix).digest('hex').slice(0, 16);
}
