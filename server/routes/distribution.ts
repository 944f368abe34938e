// Distribution of a survey: invitation tokens (by count or per company), their CSV, paper forms
// issued, poster sources with kiosk keys, and QR codes of any of these links as SVG or PNG.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { patternRule } from '../../surveys/zod-issue-params.ts';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { jsonBody, queryOf } from '../http/parse.ts';
import { requestOrigin, trustsProxy } from '../http/origin.ts';
import type { AuthEnv } from '../auth/middleware.ts';
import { notFound, visibleSurvey } from '../auth/access.ts';
import type { SurveyRow, SurveySourceRow } from '../db/schema.ts';
import { createTokens, isValidToken } from '../db/surveys.ts';
import { listTokens } from '../db/tokens.ts';
import { paperIssueHistory, recordPaperIssue } from '../db/paper-issues.ts';
import { addSource, findSource, listSources, setKioskKey } from '../db/sources.ts';
import { linkSecret, surveyUrl, type SurveyLink } from '../distribution/links.ts';
import { toCsv } from '../distribution/csv.ts';
import { maxQrWidth, qrPng, qrSvg } from '../distribution/qr.ts';

const maxTokens = 5000;
const companyName = z.string().trim().min(1, 'must not be empty').max(200);
// One object with either field, not a union of two: a union's refusal names no field ("body:
// Invalid input" for a count of 2.5), this one names the field that is wrong.
const tokensBody = z
  .strictObject({ count: z.int().min(1).max(maxTokens).optional(), companies: z.array(companyName).min(1).max(maxTokens).optional() })
  .refine((b) => (b.count === undefined) !== (b.companies === undefined), { message: 'give either count or companies', params: { rule: 'count_or_companies' } });

/** Paper forms handed out; a negative count corrects an earlier entry. */
const paperIssueBody = z.strictObject({
  count: z.int().min(-100_000).max(100_000).refine((n) => n !== 0, { message: 'must not be 0', params: { rule: 'not_zero' } }),
  note: z.string().trim().max(200).optional(),
});

const sourceCode = patternRule(/^[a-z0-9][a-z0-9-]{0,31}$/, 'source_code', 'must be lowercase letters, digits and "-" (at most 32), e.g. hall-1');
const sourceBody = z.strictObject({ code: sourceCode, label: z.string().trim().min(1).max(100), kiosk: z.boolean().optional() });

const qrQuery = z.strictObject({
  channel: z.enum(['qr', 'link']).optional(),
  source: sourceCode.optional(),
  token: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).optional(),
  size: z.coerce.number().int().min(64).max(maxQrWidth).optional(),
});

export function distributionRoutes(ctx: AppContext): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const db = ctx.db.db;
  const trust = trustsProxy(ctx);
  const url = (c: Context, survey: SurveyRow, link: SurveyLink) => surveyUrl(requestOrigin(c, trust), survey.slug, link);
  const survey = (c: Context<AuthEnv>) => visibleSurvey(db, c.var.user, c.req.param('id')!);

  const sourceJson = (c: Context, s: SurveyRow, row: SurveySourceRow) => ({
    code: row.code,
    label: row.label,
    url: url(c, s, { channel: 'qr', source: row.code }),
    kioskUrl: row.kiosk_key ? url(c, s, { kiosk: row.kiosk_key }) : null,
    createdAt: row.created_at,
  });

  app.post('/api/surveys/:id/tokens', async (c) => {
    const s = await survey(c);
    const body = await jsonBody(c, tokensBody);
    const labels = body.count !== undefined ? Array.from({ length: body.count }, () => null) : body.companies!;
    const tokens = labels.map((label) => ({ token: linkSecret(), label }));
    await createTokens(db, s.id, tokens, ctx.now().toISOString());
    return c.json({ tokens: tokens.map((t) => ({ ...t, url: url(c, s, { token: t.token }) })) }, 201);
  });

  app.get('/api/surveys/:id/tokens', async (c) => {
    const s = await survey(c);
    const tokens = await listTokens(db, s.id);
    return c.json({
      tokens: tokens.map((t) => ({ ...t, used: t.usedAt !== null, url: url(c, s, { token: t.token }) })),
      issued: tokens.length,
      used: tokens.filter((t) => t.usedAt !== null).length,
    });
  });

  app.get('/api/surveys/:id/tokens.csv', async (c) => {
    const s = await survey(c);
    const rows = (await listTokens(db, s.id)).map((t) => [t.label ?? '', url(c, s, { token: t.token }), t.token, t.usedAt ? '已使用' : '未使用']);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${s.slug}-tokens.csv"`);
    return c.body(toCsv(['单位', '链接', '邀请码', '状态'], rows));
  });

  // Paper forms issued (发放): the base of the paper channel's response rates.
  app.get('/api/surveys/:id/paper-issues', async (c) => {
    const s = await survey(c);
    const entries = await paperIssueHistory(db, s.id);
    return c.json({ issued: entries.reduce((n, e) => n + e.count, 0), entries });
  });

  app.post('/api/surveys/:id/paper-issues', async (c) => {
    const s = await survey(c);
    const body = await jsonBody(c, paperIssueBody);
    const note = body.note ? body.note : null;
    const stored = await recordPaperIssue(db, ctx.db.engine, { surveyId: s.id, count: body.count, note, userId: c.var.user.id, now: ctx.now().toISOString() });
    if (!stored.ok) {
      const message = `count: ${body.count} would leave fewer than 0 forms issued (${stored.total} so far)`;
      throw new ApiError(422, 'paper_below_zero', message, [{ field: 'count', code: 'too_small', message, params: { count: body.count, total: stored.total } }]);
    }
    return c.json({ seq: stored.seq, issued: stored.total }, 201);
  });

  app.get('/api/surveys/:id/sources', async (c) => {
    const s = await survey(c);
    return c.json({ sources: (await listSources(db, s.id)).map((row) => sourceJson(c, s, row)) });
  });

  app.post('/api/surveys/:id/sources', async (c) => {
    const s = await survey(c);
    const body = await jsonBody(c, sourceBody);
    const row: SurveySourceRow = { survey_id: s.id, code: body.code, label: body.label, kiosk_key: body.kiosk ? linkSecret() : null, created_at: ctx.now().toISOString() };
    if (!(await addSource(db, row))) {
      throw new ApiError(409, 'source_exists', 'code: this survey already has a source with this code', [{ field: 'code', code: 'taken', message: 'code: already used in this survey' }]);
    }
    return c.json({ source: sourceJson(c, s, row) }, 201);
  });

  // A new kiosk key for the source; the previous one (a tablet that was lost) stops working.
  app.post('/api/surveys/:id/sources/:code/kiosk', async (c) => {
    const s = await survey(c);
    const code = c.req.param('code');
    if (!(await setKioskKey(db, s.id, code, linkSecret()))) throw notFound('source');
    return c.json({ source: sourceJson(c, s, (await findSource(db, s.id, code))!) });
  });

  app.delete('/api/surveys/:id/sources/:code/kiosk', async (c) => {
    const s = await survey(c);
    if (!(await setKioskKey(db, s.id, c.req.param('code'), null))) throw notFound('source');
    return c.body(null, 204);
  });

  /** The link a QR code request asks for, each part checked against this survey. */
  const qrLink = async (s: SurveyRow, q: z.infer<typeof qrQuery>): Promise<SurveyLink> => {
    if (q.token !== undefined) {
      if (q.channel !== undefined || q.source !== undefined) {
        throw new ApiError(422, 'invalid_query', 'token: a token link has no channel or source', [{ field: 'token', code: 'conflict', message: 'token: not with channel or source' }]);
      }
      if (!(await isValidToken(db, s.id, q.token))) throw notFound('token');
      return { token: q.token };
    }
    if (q.source !== undefined && !(await findSource(db, s.id, q.source))) throw notFound('source');
    return { channel: q.channel ?? 'qr', source: q.source };
  };

  app.get('/api/surveys/:id/qr.svg', async (c) => {
    const s = await survey(c);
    const link = url(c, s, await qrLink(s, queryOf(c, qrQuery)));
    c.header('Content-Type', 'image/svg+xml');
    c.header('Cache-Control', 'private, max-age=300');
    return c.body(await qrSvg(link));
  });

  app.get('/api/surveys/:id/qr.png', async (c) => {
    const s = await survey(c);
    const q = queryOf(c, qrQuery);
    const link = url(c, s, await qrLink(s, q));
    c.header('Content-Type', 'image/png');
    c.header('Cache-Control', 'private, max-age=300');
    return c.body(new Uint8Array(await qrPng(link, q.size ?? 1024)));
  });

  return app;
}
