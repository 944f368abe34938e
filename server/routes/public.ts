// The respondent side (DESIGN §6 "Public, no login"): the questionnaire page and its plain-form
// POST, the thank-you page and the public definition. The JSON submission, the hot path, has a
// module of its own (submission.ts). No login; a signed cookie remembers that this browser has
// answered a survey through a public link.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { answersFromForm, type AnswerIssue } from '../../surveys/index.ts';
import { renderNoticePage, renderQuestionnairePage, renderThanksPage } from '../../web/respondent/render.tsx';
import type { AppContext } from '../context.ts';
import { ApiError } from '../http/errors.ts';
import { publicBodyLimit, readForm } from '../http/body.ts';
import { tokenUsed } from '../db/responses.ts';
import { kioskUrl } from '../../web/respondent/kiosk.ts';
import { submitResponse } from '../responses/submit.ts';
import { newResponseId } from '../responses/ids.ts';
import { entryOptions, entryQuery, guarded, linkKey, resolveEntry, startedAt, type Entry } from './respondent-entry.ts';
import type { RespondentContext } from './respondent-context.ts';
import type { PublishedSurvey } from '../surveys/published.ts';

type Lang = 'zh' | 'en';

/** The hidden fields the questionnaire page puts in its form. */
const formMeta = z.object({
  id: z.uuid(),
  t: linkKey.optional(),
  startedAt: startedAt.optional(),
  c: z.enum(['link', 'qr']).optional(),
  src: linkKey.optional(),
  kiosk: linkKey.optional(),
});

export function publicRoutes(ctx: AppContext, respondent: RespondentContext): Hono {
  const app = new Hono();
  const limit = publicBodyLimit(ctx.publicBodyLimit);
  const assets = () => ctx.assets.respondent;

  const langOf = (c: Context, form?: Record<string, unknown>): Lang =>
    (form?.lang ?? c.req.query('lang')) === 'en' ? 'en' : 'zh';

  const notice = (c: Context, status: 400 | 404 | 409 | 410 | 413 | 415 | 422 | 429, lang: Lang, title?: string) =>
    c.html(renderNoticePage({ status, lang, assets: assets(), ...(title ? { title } : {}) }), status);

  const thanksUrl = (slug: string, lang: Lang, entry: Entry) => {
    const query = new URLSearchParams();
    if (lang === 'en') query.set('lang', 'en');
    if (entry.kiosk !== undefined) query.set('kiosk', entry.kiosk);
    const q = query.toString();
    return `/s/${encodeURIComponent(slug)}/thanks${q ? `?${q}` : ''}`;
  };

  app.get('/s/:slug', async (c) => {
    const lang = langOf(c);
    const survey = await ctx.published.get(c.req.param('slug'));
    if (!survey || survey.row.status === 'draft') return notice(c, 404, lang);
    if (survey.row.status === 'closed') return notice(c, 410, lang);
    const query = entryQuery.safeParse(c.req.query());
    const entry = query.success ? await resolveEntry(ctx, survey.row.id, query.data) : null;
    if (!entry) return notice(c, 404, lang);
    if (entry.token !== undefined && (await tokenUsed(ctx.db.db, entry.token))) return notice(c, 409, lang);
    if (guarded(entry) && respondent.doneId(c, survey.row.id)) return notice(c, 409, lang);
    respondent.device(c);
    c.header('Cache-Control', 'no-store');
    return c.html(
      renderQuestionnairePage({
        definition: survey.definition,
        slug: survey.row.slug,
        lang,
        responseId: newResponseId(),
        startedAt: ctx.now().toISOString(),
        assets: assets(),
        ...entryOptions(entry),
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
    const { id } = meta.data;
    const entry = await resolveEntry(ctx, survey.row.id, { token: meta.data.t, channel: meta.data.c, src: meta.data.src, kiosk: meta.data.kiosk });
    if (!entry) return notice(c, 404, lang);
    const answers = answersFromForm(survey.definition, form);
    const result = await submitResponse(ctx, survey, respondent.submission(c, survey.row.id, entry, { id, answers, startedAt: meta.data.startedAt }));
    if (result.ok) {
      if (guarded(entry)) respondent.markDone(c, survey.row.id, id);
      return c.redirect(thanksUrl(survey.row.slug, lang, entry), 303);
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
          values: answers,
          issues: (error.issues ?? []) as AnswerIssue[],
          ...entryOptions(entry),
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
    // On a kiosk the thanks leads to the next person's questionnaire, if the key is still good.
    const kiosk = linkKey.safeParse(c.req.query('kiosk'));
    const entry = kiosk.success ? await resolveEntry(ctx, survey.row.id, { kiosk: kiosk.data }) : null;
    const next = entry?.kiosk !== undefined ? kioskUrl(survey.row.slug, entry.kiosk, lang) : undefined;
    return c.html(renderThanksPage({ title: survey.definition.title, lang, assets: assets(), ...(next ? { next } : {}) }));
  });

  app.get('/api/public/surveys/:slug', async (c) => {
    const survey = await publicSurvey(ctx, c.req.param('slug'));
    return c.json({ slug: survey.row.slug, status: survey.row.status, version: survey.row.current_version, definition: survey.definition });
  });

  return app;
}

async function publicSurvey(ctx: AppContext, slug: string): Promise<PublishedSurvey> {
  const survey = await ctx.published.get(slug);
  if (!survey || survey.row.status === 'draft') throw new ApiError(404, 'not_found', 'no such survey');
  if (survey.row.status === 'closed') throw new ApiError(410, 'survey_closed', 'this survey is not open');
  return survey;
}

