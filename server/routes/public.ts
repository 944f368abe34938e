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
import { entryPoint } from '../db/sources.ts';
import { kioskUrl } from '../../web/respondent/kiosk.ts';
import { NetworkHashes, submitResponse, type PublicChannel, type Submission } from '../responses/submit.ts';
import type { PublishedSurvey } from '../surveys/published.ts';

type Lang = 'zh' | 'en';

const token = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');
const startedAt = z.iso.datetime({ offset: true });

const key = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "-" and "_" only');

/** The JSON submission of §6, extended with how the page was reached (channel, poster, kiosk). */
const submissionBody = z.strictObject({
  id: z.uuid(),
  answers: z.unknown(),
  token: token.optional(),
  startedAt: startedAt.optional(),
  channel: z.enum(['link', 'qr']).optional(),
  source: key.optional(),
  kiosk: key.optional(),
});

/** The hidden fields the questionnaire page puts in its form. */
const formMeta = z.object({
  id: z.uuid(),
  t: token.optional(),
  startedAt: startedAt.optional(),
  c: z.enum(['link', 'qr']).optional(),
  src: key.optional(),
  kiosk: key.optional(),
});

/** How a respondent reached the page, as the link said it (checked by resolveEntry). */
interface EntryQuery {
  token?: string | undefined;
  channel?: 'link' | 'qr' | undefined;
  src?: string | undefined;
  kiosk?: string | undefined;
}

/** …and as the survey confirms it: null for an invitation or kiosk key that is not this survey's. */
interface Entry {
  channel: PublicChannel;
  token?: string;
  source: string | null;
  kiosk?: string;
}

async function resolveEntry(ctx: AppContext, surveyId: string, q: EntryQuery): Promise<Entry | null> {
  if (q.token !== undefined) {
    return (await isValidToken(ctx.db.db, surveyId, q.token)) ? { channel: 'token', token: q.token, source: null } : null;
  }
  if (q.kiosk === undefined && q.src === undefined) return { channel: q.channel ?? 'link', source: null };
  const point = await entryPoint(ctx.db.db, surveyId, { src: q.src, kiosk: q.kiosk });
  if (!point) return null;
  return point.kiosk ? { channel: 'kiosk', kiosk: q.kiosk!, source: point.source } : { channel: q.channel ?? 'link', source: point.source };
}

/** A JSON submission's entry that is not this survey's: 422 naming the field it came from. */
function invalidEntry(q: EntryQuery): ApiError {
  const field = q.token !== undefined ? 'token' : q.kiosk !== undefined ? 'kiosk' : 'source';
  const message = field === 'token' ? 'token: not an invitation of this survey' : `${field}: not an entry point of this survey`;
  return new ApiError(422, field === 'token' ? 'invalid_token' : 'invalid_entry', message, [{ field, code: field === 'token' ? 'invalid_token' : 'invalid_entry', message }]);
}

/** The page options that carry the entry through the form and the page's own submission. */
function entryOptions(entry: Entry) {
  return {
    channel: entry.channel,
    ...(entry.token !== undefined ? { token: entry.token } : {}),
    ...(entry.source !== null ? { source: entry.source } : {}),
    ...(entry.kiosk !== undefined ? { kiosk: entry.kiosk } : {}),
  };
}

/** Only a personal link or QR code is held to one response per browser. */
const guarded = (entry: Entry) => entry.channel === 'link' || entry.channel === 'qr';

/** The page's query: `t` an invitation, `c=qr` a poster's QR code, `src` the poster, `kiosk` a tablet's key. */
const entryQuery = z
  .object({ t: token.optional(), c: z.string().optional(), src: key.optional(), kiosk: key.optional() })
  .transform((q): EntryQuery => ({ token: q.t, channel: q.c === 'qr' ? 'qr' : 'link', src: q.src, kiosk: q.kiosk }));

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

  const submission = (c: Context, surveyId: string, entry: Entry, base: { id: string; answers: unknown; startedAt?: string | undefined }): Submission => ({
    ...base,
    token: entry.token,
    channel: entry.channel,
    source: entry.source,
    device: knownDevice(c),
    network: networks.of(ctx.clientAddress(c)),
    doneId: guarded(entry) ? doneId(c, surveyId) : null,
  });

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
    if (guarded(entry) && doneId(c, survey.row.id)) return notice(c, 409, lang);
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
    const result = await submitResponse(ctx, survey, submission(c, survey.row.id, entry, { id, answers, startedAt: meta.data.startedAt }));
    if (result.ok) {
      if (guarded(entry)) markDone(c, survey.row.id, id);
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
    const kiosk = key.safeParse(c.req.query('kiosk'));
    const entry = kiosk.success ? await resolveEntry(ctx, survey.row.id, { kiosk: kiosk.data }) : null;
    const next = entry?.kiosk !== undefined ? kioskUrl(survey.row.slug, entry.kiosk, lang) : undefined;
    return c.html(renderThanksPage({ title: survey.definition.title, lang, assets: assets(), ...(next ? { next } : {}) }));
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
    // The entry (invitation, poster, kiosk) is checked here, once, for an open survey; a survey that
    // is missing or not open is answered by submitResponse (404, 410, or 200 for a stored retry).
    const query: EntryQuery = { token: body.token, channel: body.channel, src: body.source, kiosk: body.kiosk };
    const entry = survey?.row.status === 'open' ? await resolveEntry(ctx, survey.row.id, query) : { channel: body.channel ?? 'link', source: null };
    if (!entry) throw invalidEntry(query);
    const result = await submitResponse(ctx, survey, submission(c, survey?.row.id ?? '', entry, { id: body.id, answers: body.answers, startedAt: body.startedAt }));
    if (!result.ok) throw result.error;
    if (survey && guarded(entry)) markDone(c, survey.row.id, body.id);
    return c.json({ id: result.id }, result.created ? 201 : 200);
  });

  return app;
}

async function publicSurvey(ctx: AppContext, slug: string): Promise<PublishedSurvey> {
  const survey = await ctx.published.get(slug);
  if (!survey || survey.row.status === 'draft') throw new ApiError(404, 'not_found', 'no such survey');
  if (survey.row.status === 'closed') throw new ApiError(410, 'survey_closed', 'this survey is not open');
  return survey;
}

