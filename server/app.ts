// The app, assembled from route modules. It does not know it runs on Node: the entry
// (server/runtime.ts) serves it, and tests call app.request() with no socket.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { compress } from 'hono/compress';
import type { AppContext } from './context.ts';
import { ApiError, errorBody } from './http/errors.ts';
import { securityHeaders, setSecurityHeaders } from './http/security.ts';
import { refuseNulInUrl } from './http/url-nul.ts';
import { Overloaded } from './responses/group-commit.ts';
import { assetRoutes } from './assets.ts';
import { appShellRoutes } from './routes/app-shell.ts';
import { healthRoutes } from './routes/health.ts';
import { publicRoutes } from './routes/public.ts';
import { submissionRoutes } from './routes/submission.ts';
import { respondentContext } from './routes/respondent-context.ts';
import { evaluatorBodyLimit, requireUser, sameOriginJson } from './auth/middleware.ts';
import { authRoutes } from './routes/auth.ts';
import { userRoutes } from './routes/users.ts';
import { evaluationRoutes } from './routes/evaluations.ts';
import { surveyRoutes } from './routes/surveys.ts';
import { distributionRoutes } from './routes/distribution.ts';
import { entryRoutes } from './routes/entry.ts';
import { importRoutes } from './routes/import.ts';
import { resultsRoutes } from './routes/results.ts';
import { responseRoutes } from './routes/responses.ts';
import { exportRoutes } from './routes/exports.ts';
import { sheetRoutes } from './routes/sheet.ts';
import { sheetExportRoutes } from './routes/sheet-exports.ts';
import { frameworkImportRoutes } from './routes/framework-import.ts';
import { renderNoticePage } from '../web/respondent/render.tsx';

export function createApp(ctx: AppContext): Hono {
  const app = new Hono();
  // One for both respondent modules: it keeps the cache of network hashes.
  const respondent = respondentContext(ctx);
  app.use(refuseNulInUrl());
  // The JSON submission first: it sets its own headers in one plain record (routes/submission.ts),
  // so the header middleware registered after it never runs for it.
  app.route('/', submissionRoutes(ctx, respondent));
  app.use(securityHeaders());
  app.use('/s/*', compress());
  app.route('/', healthRoutes(ctx));
  app.route('/', assetRoutes(ctx.assets));
  app.route('/', publicRoutes(ctx, respondent));
  app.route('/', appShellRoutes(ctx));
  // The evaluator API: registered after the public routes, which answer before these run.
  app.use('/api/*', sameOriginJson(ctx), requireUser(ctx), evaluatorBodyLimit());
  app.route('/', authRoutes(ctx));
  app.route('/', userRoutes(ctx));
  app.route('/', evaluationRoutes(ctx));
  app.route('/', surveyRoutes(ctx));
  app.route('/', distributionRoutes(ctx));
  app.route('/', entryRoutes(ctx));
  app.route('/', importRoutes(ctx));
  app.route('/', resultsRoutes(ctx));
  app.route('/', responseRoutes(ctx));
  app.route('/', exportRoutes(ctx));
  app.route('/', sheetRoutes(ctx));
  app.route('/', sheetExportRoutes(ctx));
  app.route('/', frameworkImportRoutes(ctx));

  app.notFound((c) => c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404));

  // The one error handler: every client mistake is a 4xx with the shape of §6; only our own
  // faults are 500s, and they are logged.
  app.onError((err, c) => {
    const known =
      err instanceof ApiError ? err
      : err instanceof Overloaded ? new ApiError(429, 'too_many_requests', err.message)
      : err instanceof HTTPException && err.status < 500 ? new ApiError(err.status as ApiError['status'], 'bad_request', err.message || 'bad request')
      : undefined;
    // Errors of the submission route have not been through the header middleware.
    setSecurityHeaders(c);
    if (known?.status === 429) c.header('Retry-After', '1');
    if (known && c.req.path.startsWith('/s/')) {
      const lang = c.req.query('lang') === 'en' ? 'en' : 'zh';
      return c.html(renderNoticePage({ status: known.status as 413, lang, assets: ctx.assets.respondent }), known.status);
    }
    if (known) return c.json(errorBody(known.code, known.message, known.issues), known.status);
    console.error(`[manyidu] ${c.req.method} ${c.req.path}:`, err);
    return c.json(errorBody('internal', 'internal error'), 500);
  });
  return app;
}
