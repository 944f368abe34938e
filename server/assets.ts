// The built files of the respondent page and the evaluator app (Vite output), held in memory with their gzip, and served
// with long-lived caching: their names carry a content hash, so a new build is a new URL.
import { Hono } from 'hono';

export interface Asset {
  body: Uint8Array;
  gzip: Uint8Array;
  type: string;
}

export interface Assets {
  files: Map<string, Asset>;
  /** URLs of the respondent page's entry, from the Vite manifest. */
  respondent: { scripts: string[]; styles: string[] };
  /** URLs of the evaluator app's entry, from its own manifest (a separate build). */
  app: { scripts: string[]; styles: string[] };
}

export const noAssets: Assets = { files: new Map(), respondent: { scripts: [], styles: [] }, app: { scripts: [], styles: [] } };

export function assetRoutes(assets: Assets): Hono {
  const app = new Hono();
  // Browsers ask for it on every page; answering "nothing, for a day" keeps 404s out of the logs.
  app.get('/favicon.ico', (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(null, 204);
  });
  app.get('/assets/:file', (c) => {
    const asset = assets.files.get(`/assets/${c.req.param('file')}`);
    if (!asset) return c.json({ error: { code: 'not_found', message: 'no such asset' } }, 404);
    const gz = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('Vary', 'Accept-Encoding');
    if (gz) c.header('Content-Encoding', 'gzip');
    return c.body((gz ? asset.gzip : asset.body) as Uint8Array<ArrayBuffer>);
  });
  return app;
}
