// The process entry: the only module that knows it runs on Node. It opens the database, builds
// the context, loads the built assets and serves the app.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import { openDatabase } from './db/connect.ts';
import { signingSecret } from './db/settings.ts';
import { GroupCommit } from './responses/group-commit.ts';
import { PublishedSurveys } from './surveys/published.ts';
import { createApp } from './app.ts';
import type { AppContext } from './context.ts';
import { noAssets, type Asset, type Assets } from './assets.ts';
import { seedNewDatabase, type SeedResult } from './seed.ts';
import { packageRoot } from './paths.ts';
import { assetsFromManifest } from '../web/assets.ts';

export const distDir = join(packageRoot, 'dist', 'web');

export interface ContextOptions {
  databaseUrl: string;
  adminPassword?: string | undefined;
  demo?: boolean;
  trustProxy?: boolean;
  /** Where the Vite build is; without one the pages still work, as plain forms. */
  dist?: string | null;
  now?: () => Date;
}

export async function createContext(opts: ContextOptions): Promise<{ ctx: AppContext; seed: SeedResult }> {
  const db = await openDatabase(opts.databaseUrl);
  const now = opts.now ?? (() => new Date());
  const seed = await seedNewDatabase(db.db, { adminPassword: opts.adminPassword, demo: opts.demo ?? true, now: now().toISOString() });
  const ctx: AppContext = {
    db,
    secret: await signingSecret(db.db),
    writer: new GroupCommit((batch) => db.writeResponses(batch), { collect: db.collectWrites, maxInFlight: db.batchesInFlight }),
    published: new PublishedSurveys(db.db),
    assets: opts.dist === null ? noAssets : loadAssets(opts.dist ?? distDir),
    now,
    clientAddress: opts.trustProxy ? forwardedAddress : socketAddress,
    publicBodyLimit: 64 * 1024,
    secureCookies: false,
  };
  return { ctx, seed };
}

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests: there is no socket.
  }
}

function forwardedAddress(c: Context): string | undefined {
  return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || socketAddress(c);
}

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export function loadAssets(dir: string): Assets {
  const manifestPath = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) return noAssets;
  const files = new Map<string, Asset>();
  const assetDir = join(dir, 'assets');
  for (const name of existsSync(assetDir) ? readdirSync(assetDir) : []) {
    const body = readFileSync(join(assetDir, name));
    files.set(`/assets/${name}`, { body, gzip: gzipSync(body, { level: 9 }), type: types[extname(name)] ?? 'application/octet-stream' });
  }
  // The evaluator app is built separately (web/vite.config.ts); without it the respondent page still works.
  const appManifestPath = join(dir, '.vite', 'app-manifest.json');
  const app = existsSync(appManifestPath)
    ? assetsFromManifest(JSON.parse(readFileSync(appManifestPath, 'utf8')), 'web/app/entry.tsx')
    : { scripts: [], styles: [] };
  return { files, respondent: assetsFromManifest(JSON.parse(readFileSync(manifestPath, 'utf8'))), app };
}

export interface RunningServer {
  url: string;
  port: number;
  ctx: AppContext;
  app: Hono;
  seed: SeedResult;
  close(): Promise<void>;
}

export async function startServer(opts: ContextOptions & { port?: number; host?: string }): Promise<RunningServer> {
  const { ctx, seed } = await createContext(opts);
  const app = createApp(ctx);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: opts.host ?? '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = !opts.host || opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    ctx,
    app,
    seed,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections would hold close() open; in-flight requests have finished.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      await closed;
      await ctx.writer.drain();
      await ctx.db.close();
    },
  };
}
