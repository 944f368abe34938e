// The respondent side (DESIGN §6 "Public, no login"): the questionnaire page and its plain-form
// POST, the public definition, and the JSON submission. No login; a signed cookie remembers that
// this browser has answered a survey through a public link.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { sign, unsign } from '../http/signing.ts';
import { z } from 'zod';
import { answersFromForm, type AnswerIssue } from '../../surveys/index.ts';
import { renderNoticePage, renderQuestionnairePage, renderThanksPage } from '../../web/respondent/render.tsx';
import type { AppContext } from '../context.ts';
import { ApiError, issuesFromZod } from '../http/errors.ts';
import { publicBodyLimit, readForm, readJson } from '../http/body.ts';
import { isValidToken } from '../db/surveys.ts';
import { tokenUsed } from '../db/responses.ts';
import { NetworkHashes, submitResponse, type PublicChannel, type Submission } from '../responses/submit.ts';
import type { PublishedSurvey } from '../surveys/published.ts';

type Lang = 'zh' | 'en';

const token = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');
const startedAt = z.iso.datetime({ offset: true });

/** The JSON submission of §6, extended with the public channel the page was opened from. */
const submissionBody = z.strictObject({
  id: z.uuid(),
  answers: z.unknown(),
  token: token.optional(),
  startedAt: startedAt.optional(),
  channel: z.enum(['link', 'qr']).optional(),
});

/** The hidden fields the questionnaire page puts in its form. */
const formMeta = z.object({
  id: z.uuid(),
  t: token.optional(),
  startedAt: startedAt.optional(),
  c: z.enum(['link', 'qr']).optional(),
});

const DEVICE_COOKIE = 'mny_dev';
const doneCookie = (surveyId: string) => `mny_done_${surveyId}`;

export function publicRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  const limit = publicBodyLimit(ctx.publicBodyLimit);
  const networks = new NetworkHashes(ctx.secret);
  const assets = () => ctx.assets.respondent;

  const langOf = (c: Context, form?: Record<string, unknown>): Lang =>
    (form?.lang ?? c.req.query('lang')) === 'en' ? 'en' : 'zh';

  const notice = (c: Context, status: 400 | 404 | 409 | 410 | 413 | 415 | 422 | 429, lang: Lang, title?: string) =>
    c.html(renderNoticePage({ status, lang, assets: assets(), ...(title ? { title } : {}) }), status);

  /** The device cookie a browser already carries (set when the page opened), for duplicate flags. */
  const knownDevice = (c: Context): string | null => {
    const id = getCookie(c, DEVICE_COOKIE);
    return id && /^[0-9a-f-]{36}$/.test(id) ? id : null;
  };

  /** The device cookie, given to a browser that has none when it opens the page. */
  const device = (c: Context): string => {
    const existing = getCookie(c, DEVICE_COOKIE);
    if (existing && /^[0-9a-f-]{36}$/.test(existing)) return existing;
    const id = randomUUID();
    setCookie(c, DEVICE_COOKIE, id, { httpOnly: true, sameSite: 'Lax', secure: ctx.secureCookies, path: '/', maxAge: 60 * 60 * 24 * 365 });
    return id;
  };

  const doneId = (c: Context, surveyId: string): string | null => unsign(ctx.secret, getCookie(c, doneCookie(surveyId)));

  const markDone = (c: Context, surveyId: string, responseId: string) =>
    setCookie(c, doneCookie(surveyId), sign(ctx.secret, responseId), {
      httpOnly: true, sameSite: 'Lax', secure: ctx.secureCookies, path: '/', maxAge: 60 * 60 * 24 * 400,
    });

  const submission = (c: Context, base: Omit<Submission, 'device' | 'network' | 'doneId'>, done: string | null): Submission => ({
    ...base,
    device: knownDevice(c),
    network: networks.of(ctx.clientAddress(c)),
    doneId: done,
  });

  app.get('/s/:slug', async (c) => {
    const lang = langOf(c);
    const survey = await ctx.published.get(c.req.param('slug'));
    if (!survey || survey.row.status === 'draft') return notice(c, 404, lang);
    if (survey.row.status === 'closed') return notice(c, 410, lang);
    const t = c.req.query('t');
    if (t !== undefined) {
      if (!token.safeParse(t).success || !(await isValidToken(ctx.db.db, survey.row.id, t))) return notice(c, 404, lang);
      if (await tokenUsed(ctx.db.db, t)) return notice(c, 409, lang);
    } else if (doneId(c, survey.row.id)) {
      return notice(c, 409, lang);
    }
    device(c);
    c.header('Cache-Control', 'no-store');
    return c.html(
      renderQuestionnairePage({
        definition: survey.definition,
        slug: survey.row.slug,
        lang,
        responseId: randomUUID(),
        startedAt: ctx.now().toISOString(),
        assets: assets(),
        channel: t !== undefined ? 'token' : c.req.query('c') === 'qr' ? 'qr' : 'link',
        ...(t !== undefined ? { token: t } : {}),
      }),
    );
  });

  app.post('/s/:slug', limit, async (c) => {
    const form = await readForm(c);
    const lang = langOf(c, form);
    const meta = formMeta.safeParse(form);
    if (!meta.success) return notice(c, 400, lang);
    const survey = await ctx.published.get(c.req.param('slug'));
    if (!survey) return notice(c, 404, lang);
    const { id, t, c: channel } = meta.data;
    const answers = answersFromForm(survey.definition, form);
    const result = await submitResponse(
      ctx,
      survey,
      submission(c, { id, answers, token: t, startedAt: meta.data.startedAt, channel: channelOf(t, channel) }, t ? null : doneId(c, survey.row.id)),
    );
    if (result.ok) {
      if (!t) markDone(c, survey.row.id, id);
      return c.redirect(`/s/${encodeURIComponent(survey.row.slug)}/thanks${lang === 'en' ? '?lang=en' : ''}`, 303);
    }
    const { error } = result;
    if (error.code === 'invalid_answers') {
      return c.html(
        renderQuestionnairePage({
          definition: survey.definition,
          slug: survey.row.slug,
          lang,
          responseId: id,
          startedAt: meta.data.startedAt ?? ctx.now().toISOString(),
          assets: assets(),
          channel: channelOf(t, channel),
          values: answers,
          issues: (error.issues ?? []) as AnswerIssue[],
          ...(t ? { token: t } : {}),
        }),
        422,
      );
    }
    return notice(c, error.status as 404 | 409 | 410 | 422, lang);
  });

  app.get('/s/:slug/thanks', async (c) => {
    const lang = langOf(c);
    const survey = await ctx.published.get(c.req.param('slug'));
    if (!survey || survey.row.status === 'draft') return notice(c, 404, lang);
    return c.html(renderThanksPage({ title: survey.definition.title, lang, assets: assets() }));
  });

  app.get('/api/public/surveys/:slug', async (c) => {
    const survey = await publicSurvey(ctx, c.req.param('slug'));
    return c.json({ slug: survey.row.slug, status: survey.row.status, version: survey.row.current_version, definition: survey.definition });
  });

  app.post('/api/public/surveys/:slug/responses', limit, async (c) => {
    const parsed = submissionBody.safeParse(await readJson(c));
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error.issues);
      throw new ApiError(422, 'invalid_body', issues.map((i) => i.message).join('; '), issues);
    }
    const body = parsed.data;
    const survey = await ctx.published.get(c.req.param('slug'));
    const channel = channelOf(body.token, body.channel);
    const done = survey && !body.token ? doneId(c, survey.row.id) : null;
    const result = await submitResponse(ctx, survey, submission(c, { id: body.id, answers: body.answers, token: body.token, startedAt: body.startedAt, channel }, done));
    if (!result.ok) throw result.error;
    if (!body.token && survey) markDone(c, survey.row.id, body.id);
    return c.json({ id: result.id }, result.created ? 201 : 200);
  });

  return app;
}

function channelOf(token: string | undefined, channel: 'link' | 'qr' | undefined): PublicChannel {
  return token ? 'token' : (channel ?? 'link');
}

async function publicSurvey(ctx: AppContext, slug: string): Promise<PublishedSurvey> {
  const survey = await ctx.published.get(slug);
  if (!survey || survey.row.status === 'draft') throw new ApiError(404, 'not_found', 'no such survey');
  if (survey.row.status === 'closed') throw new ApiError(410, 'survey_closed', 'this survey is not open');
  return survey;
}

