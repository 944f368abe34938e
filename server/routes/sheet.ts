// The evaluation's indicator system and sheet (issue 6, DESIGN §6): the framework as versions,
// each indicator's input and each satisfaction indicator's survey binding as append-only
// entries, and the live sheet scored from them. Every route is the evaluation's: a caller who is
// not a member gets 404, as for an evaluation that does not exist. Bad input is a 422 naming the
// field and indicator, and nothing is stored.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { formatPath, indicatorInputSchema, indicatorsByCode, inputProblems, checkInputs, type Indicator } from '../../scoring/index.ts';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody, parseWith } from '../http/parse.ts';
import { publicBodyLimit, readJson } from '../http/body.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { visibleEvaluation } from '../auth/access.ts';
import { addFrameworkVersion, listFrameworkVersions } from '../db/frameworks.ts';
import { appendEntries, currentEntries, entryHistory, type NewEntry } from '../db/indicator-entries.ts';
import { currentFramework, requireFramework, resolveFramework, type CurrentFramework } from '../sheet/framework.ts';
import { issuesFromScoring } from '../sheet/issues.ts';
import { bindingSchema } from '../sheet/binding-schema.ts';
import { boundRate } from '../sheet/bound-rate.ts';
import { buildSheet } from '../sheet/build.ts';
import { findIndicator } from '../sheet/tree.ts';

const frameworkBody = z.strictObject({
  framework: z.union([z.string().trim().min(1).max(100), z.record(z.string(), z.unknown())]),
});
const inputsFile = z.record(z.string().min(1).max(64), z.unknown());
const bodyLimit = publicBodyLimit(2 << 20);

function indicatorOf(fw: CurrentFramework, code: string): Indicator {
  const indicator = indicatorsByCode(fw.framework).get(code);
  if (!indicator) {
    throw new ApiError(404, 'not_found', `no indicator ${code} in framework version ${fw.version}`, [
      { field: 'code', code: 'unknown_indicator', message: `code: 指标 ${code} 不在指标体系「${fw.framework.name}」（第 ${fw.version} 版）中`, params: { indicator: code } },
    ]);
  }
  return indicator;
}

const who = (c: Context<AuthEnv>, ctx: AppContext) => ({ userId: c.var.user.id, now: ctx.now().toISOString() });

export function sheetRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = ctx.db.db;
  const evaluationOf = (c: Context<AuthEnv>) => visibleEvaluation(db, c.var.user, c.req.param('id')!);

  app.get('/api/evaluations/:id/framework', async (c) => {
    const evaluation = await evaluationOf(c);
    const fw = await currentFramework(db, evaluation);
    return c.json({
      version: fw?.version ?? null,
      bundled: fw?.bundled ?? null,
      createdAt: fw?.createdAt ?? null,
      framework: fw?.json ?? null,
      versions: (await listFrameworkVersions(db, evaluation.id)).map((v) => ({ version: v.version, bundled: v.bundled, userId: v.user_id, createdAt: v.created_at })),
    });
  });

  // Every change is a new version (never an edit in place), so sheets and exports made before it
  // still name a version that exists as they scored it. Inputs are kept by code across versions.
  app.put('/api/evaluations/:id/framework', bodyLimit, async (c) => {
    const evaluation = await evaluationOf(c);
    const body = await jsonBody(c, frameworkBody);
    const resolved = resolveFramework(body.framework);
    const { version, created } = await addFrameworkVersion(db, ctx.db.engine, {
      evaluationId: evaluation.id, framework: JSON.stringify(resolved.json), bundled: resolved.bundled, ...who(c, ctx),
    });
    // Inputs stored under an earlier version that this one does not accept are left out of the
    // sheet; say so now rather than only on the sheet.
    const fw = await requireFramework(db, evaluation);
    const stored = Object.fromEntries((await currentEntries(db, evaluation.id, 'input')).map((e) => [e.code, JSON.parse(e.value) as unknown]));
    return c.json({ version, created, name: resolved.framework.name, inputIssues: checkInputs(fw.framework, stored).issues }, created ? 201 : 200);
  });

  app.get('/api/evaluations/:id/indicators', async (c) => {
    const evaluation = await evaluationOf(c);
    const entries = await currentEntries(db, evaluation.id, 'input');
    return c.json({ inputs: entries.map((e) => ({ code: e.code, input: JSON.parse(e.value) as unknown, seq: e.seq, userId: e.userId, createdAt: e.createdAt })) });
  });

  // A code not in the framework is a 404, as for PUT and DELETE, not an empty history that would
  // read as "never entered".
  app.get('/api/evaluations/:id/indicators/:code', async (c) => {
    const evaluation = await evaluationOf(c);
    const { code } = indicatorOf(await requireFramework(db, evaluation), c.req.param('code'));
    const history = await entryHistory(db, evaluation.id, 'input', code);
    const latest = history.at(-1);
    return c.json({
      code,
      input: latest?.value ? (JSON.parse(latest.value) as unknown) : null,
      history: history.map((h) => ({ seq: h.seq, input: h.value === null ? null : (JSON.parse(h.value) as unknown), user: h.username, createdAt: h.created_at })),
    });
  });

  /** What an entry changed: the indicator as the sheet now scores it, and the total and grade. */
  const afterEntry = async (c: Context<AuthEnv>, fw: CurrentFramework, code: string) => {
    const sheet = await buildSheet(db, await evaluationOf(c), fw);
    return { indicator: findIndicator(sheet.indicators, code) ?? null, total: sheet.total, grade: sheet.grade, complete: sheet.complete };
  };

  app.put('/api/evaluations/:id/indicators/:code', bodyLimit, async (c) => {
    const evaluation = await evaluationOf(c);
    const fw = await requireFramework(db, evaluation);
    const indicator = indicatorOf(fw, c.req.param('code'));
    const input = parseWith(indicatorInputSchema, await readJson(c), 'invalid_input');
    const problems = inputProblems(indicator, input);
    if (problems.length > 0) {
      const issues = problems.map((p) => {
        // Named as the inputs file names it (values["m-1"]), less its inputs["code"] prefix.
        const field = formatPath([p.field, ...(p.key === undefined ? [] : [p.key])]);
        return { field, code: 'invalid_input', message: `指标 ${indicator.code}（${indicator.name}）${field}：${p.message}`, params: { indicator: indicator.code } };
      });
      throw new ApiError(422, 'invalid_input', issues.map((i) => i.message).join('; '), issues);
    }
    const stored = await appendEntries(db, ctx.db.engine, evaluation.id, [{ kind: 'input', code: indicator.code, value: JSON.stringify(input) }], who(c, ctx));
    return c.json({ code: indicator.code, input, stored: stored > 0, ...(await afterEntry(c, fw, indicator.code)) });
  });

  app.delete('/api/evaluations/:id/indicators/:code', async (c) => {
    const evaluation = await evaluationOf(c);
    const fw = await requireFramework(db, evaluation);
    const indicator = indicatorOf(fw, c.req.param('code'));
    await appendEntries(db, ctx.db.engine, evaluation.id, [{ kind: 'input', code: indicator.code, value: null }], who(c, ctx));
    return c.json({ code: indicator.code, input: null, ...(await afterEntry(c, fw, indicator.code)) });
  });

  // A whole inputs file (the shape of scoring/frameworks/*.inputs-*.json) in one transaction: all
  // of it or, with any problem, none of it. It replaces the inputs: a code the file leaves out is
  // cleared, so the sheet then is exactly the file's.
  app.put('/api/evaluations/:id/inputs', bodyLimit, async (c) => {
    const evaluation = await evaluationOf(c);
    const fw = await requireFramework(db, evaluation);
    const file = await readJson(c);
    parseWith(inputsFile, file, 'invalid_inputs');
    // The body as sent, not zod's copy: a record drops a "__proto__" key silently, and it must be
    // refused as any other code not in the framework.
    const { inputs, issues } = checkInputs(fw.framework, file);
    if (issues.length > 0) throw new ApiError(422, 'invalid_inputs', issues.map((i) => i.message).join('; '), issuesFromScoring(issues, 'invalid_input'));
    const cleared = (await currentEntries(db, evaluation.id, 'input')).filter((e) => !inputs.has(e.code));
    const entries: NewEntry[] = [
      ...[...inputs].map(([code, input]): NewEntry => ({ kind: 'input', code, value: JSON.stringify(input) })),
      ...cleared.map((e): NewEntry => ({ kind: 'input', code: e.code, value: null })),
    ];
    const stored = await appendEntries(db, ctx.db.engine, evaluation.id, entries, who(c, ctx));
    return c.json({ stored, inputs: inputs.size, cleared: cleared.length });
  });

  app.get('/api/evaluations/:id/bindings', async (c) => {
    const evaluation = await evaluationOf(c);
    const entries = await currentEntries(db, evaluation.id, 'binding');
    return c.json({ bindings: entries.map((e) => ({ code: e.code, ...(JSON.parse(e.value) as object), seq: e.seq, userId: e.userId, createdAt: e.createdAt })) });
  });

  app.put('/api/evaluations/:id/bindings/:code', bodyLimit, async (c) => {
    const evaluation = await evaluationOf(c);
    const fw = await requireFramework(db, evaluation);
    const indicator = indicatorOf(fw, c.req.param('code'));
    const binding = parseWith(bindingSchema, await readJson(c), 'invalid_binding');
    if (indicator.rule?.kind !== 'satisfaction') {
      throw new ApiError(422, 'not_satisfaction', `指标 ${indicator.code}（${indicator.name}）不是满意度指标，不能绑定问卷`, [
        { field: 'code', code: 'not_satisfaction', message: `code: 指标 ${indicator.code}（${indicator.name}）按「${indicator.rule?.kind ?? '下级合计'}」评分，只有满意度指标可以绑定问卷`, params: { indicator: indicator.code } },
      ]);
    }
    const bound = await boundRate(db, evaluation.id, binding);
    if (bound.problems.length > 0) {
      const issues = bound.problems.map((p) => ({ ...p, code: 'invalid_binding', params: { indicator: indicator.code } }));
      throw new ApiError(422, 'invalid_binding', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
    }
    const stored = await appendEntries(db, ctx.db.engine, evaluation.id, [{ kind: 'binding', code: indicator.code, value: JSON.stringify(binding) }], who(c, ctx));
    return c.json({ code: indicator.code, ...binding, result: bound.result, surveys: bound.surveys, stored: stored > 0, ...(await afterEntry(c, fw, indicator.code)) });
  });

  app.delete('/api/evaluations/:id/bindings/:code', async (c) => {
    const evaluation = await evaluationOf(c);
    const fw = await requireFramework(db, evaluation);
    const indicator = indicatorOf(fw, c.req.param('code'));
    await appendEntries(db, ctx.db.engine, evaluation.id, [{ kind: 'binding', code: indicator.code, value: null }], who(c, ctx));
    return c.json({ code: indicator.code, ...(await afterEntry(c, fw, indicator.code)) });
  });

  app.get('/api/evaluations/:id/sheet', async (c) => c.json(await buildSheet(db, await evaluationOf(c))));

  return app;
}
