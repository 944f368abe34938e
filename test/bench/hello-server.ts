// The baselines: a bare Hono "hello" on @hono/node-server, as DESIGN §8 measures it, and beside it
// a bare JSON POST — the body read and parsed, 201 with a small JSON answer and the five headers a
// submission carries — which is what the framework alone costs for the shape of request a
// submission is, before any validation or storage.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const app = new Hono();
app.get('/', (c) => c.text('hello'));
app.post('/post', async (c) => {
  const body = JSON.parse(await c.req.text()) as { id?: unknown };
  const headers = { 'Content-Type': 'application/json', 'Content-Security-Policy': "default-src 'self'", 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'X-Frame-Options': 'DENY', 'Set-Cookie': 'done=1; Path=/; HttpOnly' };
  return new Response(JSON.stringify({ id: body.id }), { status: 201, headers });
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`serving on http://127.0.0.1:${info.port}\n`);
});
