// The JSON submission of DESIGN §6, the respondent's hot path: every phone's answers come through
// here, and the accepted-responses target of §8 is measured on it. It is registered before the
// app's header middleware and answers with one plain header record (security headers, content
// type, the done cookie): Hono's c.header() builds a web Headers object that the Node adapter then
// copies header by header, which cost about a third of this route's CPU time. Errors thrown here go
// through the app's onError, which sets the security headers on them.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ApiError, issuesFromZod } from '../http/errors.ts';
import { publicBodyLimit, readJson } from '../http/body.ts';
import { securityHeaderValues } from '../http/security.ts';
import { submitResponse } from '../responses/submit.ts';
import { guarded, invalidEntry, linkKey, resolveEntry, startedAt, type EntryQuery } from './respondent-entry.ts';
import type { RespondentContext } from './respondent-context.ts';

/** The JSON submission of §6, extended with how the page was reached (channel, poster, kiosk). */
const submissionBody = z.strictObject({
  id: z.uuid(),
  answers: z.unknown(),
  token: linkKey.optional(),
  startedAt: startedAt.optional(),
  channel: z.enum(['link', 'qr']).optional(),
  source: linkKey.optional(),
  kiosk: linkKey.optional(),
});

export function submissionRoutes(ctx: AppContext, respondent: RespondentContext): Hono {
  const app = new Hono();
  app.post('/api/public/surveys/:slug/responses', publicBodyLimit(ctx.publicBodyLimit), async (c) => {
    const parsed = submissionBody.safeParse(await readJson(c));
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error.issues);
      throw new ApiError(422, 'invalid_body', issues.map((i) => i.message).join('; '), issues);
    }
    const body = parsed.data;
    const survey = await ctx.published.get(c.req.param('slug'));
    // The entry (invitation, poster, kiosk) is checked here, once, for an open survey; a survey that
    // is missing or not open is answered by submitResponse (404, 410, or 200 for a stored retry).
    const query: EntryQuery = { token: body.token, channel: body.channel, src: body.source, kiosk: body.kiosk };
    const entry = survey?.row.status === 'open' ? await resolveEntry(ctx, survey.row.id, query) : { channel: body.channel ?? 'link', source: null };
    if (!entry) throw invalidEntry(query);
    const result = await submitResponse(ctx, survey, respondent.submission(c, survey?.row.id ?? '', entry, { id: body.id, answers: body.answers, startedAt: body.startedAt }));
    if (!result.ok) throw result.error;
    // Not `{ ...securityHeaderValues, … }`: a spread followed by fields is V8's slow path (~2 µs).
    const headers: Record<string, string> = Object.assign({ 'Content-Type': 'application/json' }, securityHeaderValues);
    if (survey && guarded(entry)) headers['Set-Cookie'] = respondent.doneCookie(survey.row.id, body.id);
    return new Response(JSON.stringify({ id: result.id }), { status: result.created ? 201 : 200, headers });
  });

  return app;
}
