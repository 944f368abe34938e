// The real app on a real, fresh database, for app.request() tests without a socket.
import { createApp } from '../../server/app.ts';
import { createContext } from '../../server/runtime.ts';
import { freshDatabaseUrl } from './database.ts';

export async function testApp(opts: { demo?: boolean; dist?: string | null } = {}) {
  const databaseUrl = await freshDatabaseUrl();
  const { ctx, seed } = await createContext({ databaseUrl, adminPassword: 'correct horse battery', demo: opts.demo ?? true, dist: opts.dist ?? null });
  const app = createApp(ctx);
  return {
    app,
    ctx,
    seed,
    db: ctx.db.db,
    databaseUrl,
    async close() {
      await ctx.writer.drain();
      await ctx.db.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** Answers to the public template that a satisfied resident would give. */
export function satisfiedAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    contact: 'yes', identity: 'employee', town: 'caomiaozi',
    q1: 5, q2: 5, q3: 4, q4: 5, q5: 4, q6: 5, q7: 5, overall: 5,
    ...overrides,
  };
}

export function postJson(app: TestApp['app'], path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
