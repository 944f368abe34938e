// The evaluator app's HTML shell: one small page for every path under /app/, which loads the
// app's bundle; the app routes in the browser. No inline script or style (the CSP of DESIGN §9
// forbids them), and the page says so in both languages when the bundle was never built.
import { Hono, type Context } from 'hono';
import type { AppContext } from '../context.ts';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function shellHtml(assets: { scripts: string[]; styles: string[] }): string {
  const head = [
    ...assets.styles.map((href) => `<link rel="stylesheet" href="${escapeAttr(href)}">`),
    ...assets.scripts.map((src) => `<script type="module" src="${escapeAttr(src)}"></script>`),
  ].join('');
  const missing = assets.scripts.length === 0
    ? '<p>评价端尚未构建，请运行 npm run build。 The evaluator app is not built: run npm run build.</p>'
    : '';
  return (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>满意度 · 评价端</title>${head}</head>` +
    `<body><div id="app">${missing}</div>` +
    '<noscript><p>评价端需要启用 JavaScript。 The evaluator app needs JavaScript.</p></noscript>' +
    '</body></html>'
  );
}

export function appShellRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  const html = shellHtml(ctx.assets.app);
  const page = (c: Context) => {
    // The shell names hashed bundle files: a cached copy must not outlive a new build.
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  };
  app.get('/', (c) => c.redirect('/app/', 302));
  app.get('/app', page);
  app.get('/app/*', page);
  return app;
}
