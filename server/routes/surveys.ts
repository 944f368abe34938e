// Surveys of an evaluation: create (from a bundled template or a pasted definition), read with
// versions and counts, edit (always a new version), open, close and reopen.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody, queryOf } from '../http/parse.ts';
import { publicBodyLimit } from '../http/body.ts';
import { requestOrigin, trustsProxy } from '../http/origin.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { canSeeEvaluation, visibleSurvey } from '../auth/access.ts';
import type { SurveyStatus } from '../db/schema.ts';
import { findEvaluation, memberEvaluationIds } from '../db/evaluations.ts';
import { addVersion, countByChannel, createSurvey, definitionText, findSurveyBySlug, findSurveyListing, listSurveys, listVersions, setPopulation, setSurveyStatus } from '../db/surveys.ts';
import { tokenCounts } from '../db/tokens.ts';
import { templateNames, templates } from '../../surveys/templates/index.ts';
import { checkedDefinition } from '../surveys/definitions.ts';
import { methodChanges, slugSchema } from '../../surveys/index.ts';
import { surveySummary } from '../surveys/summary.ts';

const idSchema = z.string().min(1).max(100);
/** At least 1 (a population of none has no sample); at most 1e9, more people than any survey of ours samples. */
const populationBody = z.strictObject({ population: z.int().min(1).max(1_000_000_000).nullable() });

const createBody = z
  .strictObject({
    evaluationId: idSchema,
    definition: z.unknown().optional(),
    template: z.enum(templateNames).optional(),
    // Only with a template: a pasted definition carries its own slug.
    slug: slugSchema.optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.definition === undefined) === (b.template === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['definition'], message: 'give either a definition or a template' });
    }
    if (b.definition !== undefined && b.slug !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['slug'], message: 'the slug of a definition is its own "slug" field' });
    }
  });

const editBody = z.strictObject({ definition: z.unknown() });
const listQuery = z.strictObject({ evaluationId: idSchema.optional() });

/** Which status changes are allowed: open a draft or reopen a closed survey; close an open one. */
const transitions: Record<'open' | 'close', { from: SurveyStatus[]; to: SurveyStatus }> = {
  open: { from: ['draft', 'closed', 'open'], to: 'open' },
  close: { from: ['open', 'closed'], to: 'closed' },
};

export function surveyRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = ctx.db.db;
  const trust = trustsProxy(ctx);
  const definitionLimit = publicBodyLimit(1 << 20);

  app.get('/api/surveys', async (c) => {
    const { evaluationId } = queryOf(c, listQuery);
    const user = c.var.user;
    let scope: string[] | null = user.role === 'admin' ? null : await memberEvaluationIds(db, user.id);
    if (evaluationId !== undefined) scope = scope === null || scope.includes(evaluationId) ? [evaluationId] : [];
    return c.json({ surveys: (await listSurveys(db, scope)).map(surveySummary) });
  });

  app.post('/api/surveys', definitionLimit, async (c) => {
    const body = await jsonBody(c, createBody);
    if (!(await canSeeEvaluation(db, c.var.user, body.evaluationId)) || !(await findEvaluation(db, body.evaluationId))) {
      throw new ApiError(404, 'not_found', 'no such evaluation', [{ field: 'evaluationId', code: 'not_found', message: 'evaluationId: no such evaluation' }]);
    }
    const definition = body.template
      ? { ...templates[body.template], slug: body.slug ?? `${body.template}-${randomBytes(4).toString('hex')}` }
      : checkedDefinition(body.definition);
    const field = body.template ? 'slug' : 'definition.slug';
    if (await findSurveyBySlug(db, definition.slug)) throw slugTaken(field);
    try {
      const row = await createSurvey(db, { slug: definition.slug, definition, evaluationId: body.evaluationId, now: ctx.now().toISOString() });
      return c.json({ id: row.id, slug: row.slug }, 201);
    } catch (error) {
      // Two evaluators choosing one slug at once: the unique index decides.
      if (await findSurveyBySlug(db, definition.slug)) throw slugTaken(field);
      throw error;
    }
  });

  app.get('/api/surveys/:id', async (c) => {
    const survey = await visibleSurvey(db, c.var.user, c.req.param('id'));
    const listing = (await findSurveyListing(db, survey.id))!;
    return c.json({
      survey: { ...surveySummary(listing), url: `${requestOrigin(c, trust)}/s/${survey.slug}` },
      definition: JSON.parse(listing.definition) as unknown,
      versions: await listVersions(db, survey.id),
      channels: await countByChannel(db, survey.id),
      tokens: await tokenCounts(db, survey.id),
    });
  });

  app.get('/api/surveys/:id/versions/:version', async (c) => {
    const survey = await visibleSurvey(db, c.var.user, c.req.param('id'));
    const version = Number(c.req.param('version'));
    // Versions count up from 1; a number past any integer column (PostgreSQL refuses it) is none.
    const text = Number.isSafeInteger(version) && version >= 1 && version <= 2 ** 31 - 1 ? await definitionText(db, survey.id, version) : undefined;
    if (text === undefined) throw new ApiError(404, 'not_found', 'no such version');
    return c.json({ version, definition: JSON.parse(text) as unknown });
  });

  app.put('/api/surveys/:id/definition', definitionLimit, async (c) => {
    const survey = await visibleSurvey(db, c.var.user, c.req.param('id'));
    const body = await jsonBody(c, editBody);
    const definition = checkedDefinition(body.definition);
    if (definition.slug !== survey.slug) {
      const message = `definition.slug: must stay "${survey.slug}" (a survey's link does not change)`;
      throw new ApiError(422, 'invalid_definition', message, [{ field: 'definition.slug', code: 'slug_changed', message, params: { slug: survey.slug } }]);
    }
    if (survey.opened_at !== null) {
      // Once a survey has opened, its declared method is fixed (DESIGN §3): results already
      // published were computed by it.
      const current = checkedDefinition(JSON.parse((await definitionText(db, survey.id, survey.current_version))!));
      const changed = methodChanges(current, definition);
      if (changed.length > 0) {
        const issues = changed.map((path) => ({ field: `definition.${path}`, code: 'method_fixed', message: `definition.${path}: the declared method is fixed once the survey has opened` }));
        throw new ApiError(422, 'method_fixed', issues.map((i) => i.message).join('; '), issues);
      }
    }
    const version = await addVersion(db, ctx.db.engine, survey.id, definition, ctx.now().toISOString());
    ctx.published.forget(survey.slug);
    return c.json({ id: survey.id, version });
  });

  // 总体规模 N (DESIGN §3): what the planner corrects for; any status, as it describes the people
  // surveyed, not the questionnaire. Null for a large or unknown population.
  app.put('/api/surveys/:id/population', async (c) => {
    const survey = await visibleSurvey(db, c.var.user, c.req.param('id'));
    const { population } = await jsonBody(c, populationBody);
    await setPopulation(db, survey.id, population);
    return c.json({ id: survey.id, population });
  });

  for (const action of ['open', 'close'] as const) {
    app.post(`/api/surveys/:id/${action}`, async (c) => {
      const survey = await visibleSurvey(db, c.var.user, c.req.param('id'));
      const { from, to } = transitions[action];
      if (!from.includes(survey.status)) {
        throw new ApiError(409, 'invalid_status', `a ${survey.status} survey cannot be ${action === 'open' ? 'opened' : 'closed'}`);
      }
      if (survey.status !== to) await setSurveyStatus(db, ctx.db.engine, survey.id, to, ctx.now().toISOString());
      // This process stops serving the old status now; others within their cache's second, and
      // the writer re-checks the status inside its transaction either way.
      ctx.published.forget(survey.slug);
      return c.json({ id: survey.id, status: to });
    });
  }

  return app;
}

function slugTaken(field: string): ApiError {
  const message = `${field}: another survey already uses this link`;
  return new ApiError(409, 'slug_taken', message, [{ field, code: 'taken', message }]);
}
