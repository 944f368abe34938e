// Interview, phone and paper entry (DESIGN §6): an evaluator types in a questionnaire answered
// elsewhere. Same validator and same write path as the public submission (the group commit, the
// hash chain, idempotent ids); the channel and the interviewer are recorded with the response.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody } from '../http/parse.ts';
import { publicBodyLimit } from '../http/body.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { visibleSurvey } from '../auth/access.ts';
import { responseExists } from '../db/responses.ts';
import { evaluatorResponse } from '../surveys/pending.ts';

export const entryChannels = ['interview', 'phone', 'paper'] as const;

const entryBody = z.strictObject({
  id: z.uuid(),
  channel: z.enum(entryChannels),
  answers: z.unknown(),
  // Who asked the questions; the logged-in evaluator when not given.
  interviewer: z.string().trim().min(1).max(50).optional(),
  startedAt: z.iso.datetime({ offset: true }).optional(),
});

/** How the interviewer is kept: in the response's `source`, which the hash chain covers. */
export const interviewerSource = (name: string) => `interviewer:${name}`;

export function entryRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = ctx.db.db;

  app.post('/api/surveys/:id/responses', publicBodyLimit(ctx.publicBodyLimit), async (c) => {
    const row = await visibleSurvey(db, c.var.user, c.req.param('id'));
    const body = await jsonBody(c, entryBody);
    const survey = await ctx.published.get(row.slug);
    if (!survey || survey.row.id !== row.id) throw new ApiError(404, 'not_found', 'no such survey');
    if (survey.row.status !== 'open') {
      // A retry of an entry stored before the close is answered as stored.
      if (await responseExists(db, body.id)) return c.json({ id: body.id }, 200);
      throw survey.row.status === 'draft'
        ? new ApiError(409, 'survey_not_open', 'open the survey before entering responses')
        : new ApiError(410, 'survey_closed', 'this survey is not open');
    }
    const validated = survey.validate(body.answers);
    if (!validated.ok) throw new ApiError(422, 'invalid_answers', `${validated.issues.length} answer(s) are not valid`, validated.issues);
    const outcome = await ctx.writer.submit(
      evaluatorResponse(survey, {
        id: body.id,
        channel: body.channel,
        source: interviewerSource(body.interviewer ?? c.var.user.username),
        startedAt: body.startedAt ?? null,
        submittedAt: ctx.now().toISOString(),
        answers: validated.answers,
      }),
    );
    switch (outcome.status) {
      case 'created':
        return c.json({ id: body.id }, 201);
      case 'duplicate':
        return c.json({ id: body.id }, 200);
      case 'not_open':
        throw new ApiError(410, 'survey_closed', 'this survey is not open');
      case 'conflict':
      case 'token_used':
        throw new ApiError(409, 'id_conflict', 'id: already used by another response', [{ field: 'id', code: 'conflict', message: 'id: already used by another response' }]);
    }
  });

  return app;
}
