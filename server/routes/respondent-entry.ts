// How a respondent reached a survey: the link's query (invitation token, poster, kiosk key, QR
// channel), checked once against the survey, for the page, its plain form and the JSON submission.
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { isValidToken } from '../db/surveys.ts';
import { entryPoint } from '../db/sources.ts';
import type { PublicChannel } from '../responses/channels.ts';

/** What a link may carry as an invitation token, a poster's code or a kiosk key. */
export const linkKey = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');
export const startedAt = z.iso.datetime({ offset: true });

/** How a respondent reached the page, as the link said it (checked by resolveEntry). */
export interface EntryQuery {
  token?: string | undefined;
  channel?: 'link' | 'qr' | undefined;
  src?: string | undefined;
  kiosk?: string | undefined;
}

/** …and as the survey confirms it: null for an invitation or kiosk key that is not this survey's. */
export interface Entry {
  channel: PublicChannel;
  token?: string;
  source: string | null;
  kiosk?: string;
}

export async function resolveEntry(ctx: AppContext, surveyId: string, q: EntryQuery): Promise<Entry | null> {
  if (q.token !== undefined) {
    return (await isValidToken(ctx.db.db, surveyId, q.token)) ? { channel: 'token', token: q.token, source: null } : null;
  }
  if (q.kiosk === undefined && q.src === undefined) return { channel: q.channel ?? 'link', source: null };
  const point = await entryPoint(ctx.db.db, surveyId, { src: q.src, kiosk: q.kiosk });
  if (!point) return null;
  return point.kiosk ? { channel: 'kiosk', kiosk: q.kiosk!, source: point.source } : { channel: q.channel ?? 'link', source: point.source };
}

/** A JSON submission's entry that is not this survey's: 422 naming the field it came from. */
export function invalidEntry(q: EntryQuery): ApiError {
  const field = q.token !== undefined ? 'token' : q.kiosk !== undefined ? 'kiosk' : 'source';
  const message = field === 'token' ? 'token: not an invitation of this survey' : `${field}: not an entry point of this survey`;
  return new ApiError(422, field === 'token' ? 'invalid_token' : 'invalid_entry', message, [{ field, code: field === 'token' ? 'invalid_token' : 'invalid_entry', message }]);
}

/** The page options that carry the entry through the form and the page's own submission. */
export function entryOptions(entry: Entry) {
  return {
    channel: entry.channel,
    ...(entry.token !== undefined ? { token: entry.token } : {}),
    ...(entry.source !== null ? { source: entry.source } : {}),
    ...(entry.kiosk !== undefined ? { kiosk: entry.kiosk } : {}),
  };
}

/** Only a personal link or QR code is held to one response per browser. */
export const guarded = (entry: Entry) => entry.channel === 'link' || entry.channel === 'qr';

/** The page's query: `t` an invitation, `c=qr` a poster's QR code, `src` the poster, `kiosk` a tablet's key. */
export const entryQuery = z
  .object({ t: linkKey.optional(), c: z.string().optional(), src: linkKey.optional(), kiosk: linkKey.optional() })
  .transform((q): EntryQuery => ({ token: q.t, channel: q.c === 'qr' ? 'qr' : 'link', src: q.src, kiosk: q.kiosk }));
