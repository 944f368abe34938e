import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';

/** `GET /healthz`: 200 only when the database answers, for a load balancer's health check. */
export function healthRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(ctx.db.db);
      return c.json({ ok: true, engine: ctx.db.engine.name });
    } catch {
      return c.json({ ok: false, engine: ctx.db.engine.name }, 503);
    }
  });
  return app;
}
