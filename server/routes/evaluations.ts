// Evaluations (评价项目): list and create them, read one with its surveys and members, and (for
// admins) manage who belongs to it. A framework given here is checked as PUT …/framework checks
// it, then stored as given; issue 6 scores it.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { jsonBody } from '../http/parse.ts';
import { publicBodyLimit } from '../http/body.ts';
import { requireAdmin, type AuthEnv } from '../auth/middleware.ts';
import { notFound, visibleEvaluation } from '../auth/access.ts';
import type { EvaluationRow } from '../db/schema.ts';
import { addMember, createEvaluation, listEvaluations, listMembers, removeMember } from '../db/evaluations.ts';
import { listSurveys } from '../db/surveys.ts';
import { findUser } from '../db/users.ts';
import { resolveFramework } from '../sheet/framework.ts';
import { surveySummary } from '../surveys/summary.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

const newEvaluation = z.strictObject({
  name: text(200),
  unit: text(200),
  year: z.int().min(2000).max(2100),
  // A bundled framework's name or an inline framework (DESIGN §6); parsed by resolveFramework.
  framework: z.union([text(100), z.record(z.string(), z.unknown())]).optional(),
});

function evaluationJson(e: EvaluationRow) {
  return {
    id: e.id,
    name: e.name,
    unit: e.unit,
    year: Number(e.year),
    framework: e.framework === null ? null : (JSON.parse(e.framework) as unknown),
    createdBy: e.created_by,
    createdAt: e.created_at,
  };
}

export function evaluationRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = ctx.db.db;

  app.get('/api/evaluations', async (c) => c.json({ evaluations: (await listEvaluations(db, c.var.user)).map(evaluationJson) }));

  app.post('/api/evaluations', publicBodyLimit(1 << 20), async (c) => {
    const body = await jsonBody(c, newEvaluation);
    // Refused now, with issues naming the field, rather than stored to fail every later read.
    if (body.framework !== undefined) resolveFramework(body.framework);
    const id = await createEvaluation(db, {
      name: body.name,
      unit: body.unit,
      year: body.year,
      framework: body.framework === undefined ? null : JSON.stringify(body.framework),
      createdBy: c.var.user.id,
      now: ctx.now().toISOString(),
    });
    return c.json({ id }, 201);
  });

  app.get('/api/evaluations/:id', async (c) => {
    const evaluation = await visibleEvaluation(db, c.var.user, c.req.param('id'));
    return c.json({
      evaluation: evaluationJson(evaluation),
      surveys: (await listSurveys(db, [evaluation.id])).map(surveySummary),
      members: (await listMembers(db, evaluation.id)).map(memberJson),
    });
  });

  app.get('/api/evaluations/:id/members', async (c) => {
    const evaluation = await visibleEvaluation(db, c.var.user, c.req.param('id'));
    return c.json({ members: (await listMembers(db, evaluation.id)).map(memberJson) });
  });

  app.put('/api/evaluations/:id/members/:userId', requireAdmin(), async (c) => {
    const evaluation = await visibleEvaluation(db, c.var.user, c.req.param('id'));
    const user = await findUser(db, c.req.param('userId'));
    if (!user) throw notFound('user');
    await addMember(db, evaluation.id, user.id, ctx.now().toISOString());
    return c.body(null, 204);
  });

  app.delete('/api/evaluations/:id/members/:userId', requireAdmin(), async (c) => {
    const evaluation = await visibleEvaluation(db, c.var.user, c.req.param('id'));
    if (!(await removeMember(db, evaluation.id, c.req.param('userId')))) throw notFound('member');
    return c.body(null, 204);
  });

  return app;
}

function memberJson(m: Awaited<ReturnType<typeof listMembers>>[number]) {
  return { id: m.id, username: m.username, role: m.role, disabled: Number(m.disabled) === 1, addedAt: m.added_at };
}
