// Live results of a survey (DESIGN §6, §7): the figures from the counts kept on write, an ETag
// so a page can poll for nothing, an event stream that says when they change (polling the
// database, so a change made through any process is seen), and the open text answers.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { queryOf } from '../http/parse.ts';
import { afterSeq, sliceQuery } from '../http/filters.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { visibleSurvey } from '../auth/access.ts';
import type { Database, SurveyRow } from '../db/schema.ts';
import type { Kysely } from 'kysely';
import { definitionAt } from '../results/definitions.ts';
import { resultsOf } from '../results/results.ts';
import { resultsStamp } from '../results/stamp.ts';
import { openTexts } from '../results/texts.ts';

const textsQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  after: afterSeq.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** How often an open event stream looks at the survey's results version. */
export const eventPollMs = 1000;
/** A comment line this often keeps proxies from closing a quiet stream. */
const keepAliveMs = 15_000;

export async function currentDefinition(db: Kysely<Database>, survey: SurveyRow) {
  const def = await definitionAt(db, survey.id, survey.current_version);
  if (!def) throw new ApiError(409, 'definition_unreadable', 'the survey definition cannot be read');
  return def;
}

export function resultsRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = ctx.db.db;

  app.get('/api/surveys/:id/results', async (c) => {
    const survey = await visibleSurvey(db, c.var.user, c.req.param('id'));
    const filter = queryOf(c, sliceQuery);
    const etag = `W/"${await resultsStamp(db, survey.id)}"`;
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.json(await resultsOf(db, survey, await currentDefinition(db, survey), filter));
  });

  app.get('/api/surveys/:id/results/events', async (c) => {
    const survey = await visibleSurvey(db, c.var.user, c.req.param('id'));
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      let sent = '';
      let quiet = 0;
      while (open) {
        const version = await resultsStamp(db, survey.id);
        if (version !== sent) {
          await stream.writeSSE({ event: 'results', id: version, data: JSON.stringify({ version }) });
          sent = version;
          quiet = 0;
        } else if ((quiet += eventPollMs) >= keepAliveMs) {
          await stream.write(': keep-alive\n\n');
          quiet = 0;
        }
        await stream.sleep(eventPollMs);
      }
    });
  });

  app.get('/api/surveys/:id/texts', async (c) => {
    const survey = await visibleSurvey(db, c.var.user, c.req.param('id'));
    const query = queryOf(c, textsQuery);
    const texts = await openTexts(db, survey.id, await currentDefinition(db, survey), { q: query.q, after: query.after ?? 0, limit: query.limit ?? 200 });
    return c.json(texts);
  });

  return app;
}
