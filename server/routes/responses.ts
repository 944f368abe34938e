// Responses as evaluators review them: the list (keyset pages by seq, filtered by flags,
// exclusion, channel and group), one response with its answers in words, and exclusion (剔除)
// and restoration, each a row of the history with a reason, the counts moving with it.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody, queryOf } from '../http/parse.ts';
import { afterSeq, sliceKey } from '../http/filters.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { notFound, visibleSurvey } from '../auth/access.ts';
import type { Answers } from '../../surveys/index.ts';
import { changeExclusion, exclusionHistory, type ExclusionAction } from '../db/exclusions.ts';
import { listResponses, type ListedResponse } from '../db/response-list.ts';
import { relationalFlags } from '../db/relational-flags.ts';
import { intrinsicFlags, storedTally } from '../responses/counting.ts';
import { definitionAt } from '../results/definitions.ts';
import { exclusionJson, labelledAnswers, responseSummary } from '../results/response-view.ts';

const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');
const listQuery = z.strictObject({
  after: afterSeq.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  flagged: yesNo.optional(),
  flag: z.enum([...intrinsicFlags, ...relationalFlags]).optional(),
  excluded: yesNo.optional(),
  channel: sliceKey.optional(),
  group: sliceKey.optional(),
});
const exclusionBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export function responseRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = ctx.db.db;

  /** The response and its survey, or 404 when either is missing or the caller may not see it. */
  const visibleResponse = async (user: AuthEnv['Variables']['user'], id: string): Promise<ListedResponse> => {
    const [response] = id.length <= 100 ? await listResponses(db, { id, limit: 1 }) : [];
    if (!response) throw notFound('response');
    await visibleSurvey(db, user, response.survey_id).catch(() => {
      throw notFound('response');
    });
    return response;
  };

  app.get('/api/surveys/:id/responses', async (c) => {
    const survey = await visibleSurvey(db, c.var.user, c.req.param('id'));
    const { limit = 50, ...filter } = queryOf(c, listQuery);
    const rows = await listResponses(db, { ...filter, surveyId: survey.id, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return c.json({ responses: page.map(responseSummary), next: rows.length > limit ? page[page.length - 1]!.seq : null });
  });

  app.get('/api/responses/:id', async (c) => {
    const response = await visibleResponse(c.var.user, c.req.param('id'));
    const def = await definitionAt(db, response.survey_id, response.definition_version);
    return c.json({
      response: { ...responseSummary(response), token: response.token, hash: response.hash, prevHash: response.prev_hash },
      answers: labelledAnswers(def, JSON.parse(response.answers) as Answers),
      exclusions: (await exclusionHistory(db, response.id)).map(exclusionJson),
    });
  });

  const exclusion = (action: ExclusionAction) => async (c: Context<AuthEnv, '/api/responses/:id/exclusion'>) => {
    const response = await visibleResponse(c.var.user, c.req.param('id'));
    const { reason } = await jsonBody(c, exclusionBody);
    const def = await definitionAt(db, response.survey_id, response.definition_version);
    const row = await changeExclusion(db, ctx.db.engine, {
      response,
      tally: storedTally(def, response),
      action,
      reason,
      userId: c.var.user.id,
      now: ctx.now().toISOString(),
    });
    if (!row) {
      throw action === 'exclude'
        ? new ApiError(409, 'already_excluded', 'this response is already excluded')
        : new ApiError(409, 'not_excluded', 'this response is not excluded');
    }
    return c.json({ excluded: action === 'exclude', exclusion: exclusionJson({ ...row, username: c.var.user.username }) }, action === 'exclude' ? 201 : 200);
  };
  app.post('/api/responses/:id/exclusion', exclusion('exclude'));
  app.delete('/api/responses/:id/exclusion', exclusion('restore'));

  return app;
}
