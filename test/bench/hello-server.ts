// The baseline: a bare Hono "hello" on @hono/node-server, as DESIGN §8 measures it.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

const app = new Hono();
app.get('/', (c) => c.text('hello'));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`serving on http://127.0.0.1:${info.port}\n`);
});
