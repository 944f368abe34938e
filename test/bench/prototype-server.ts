// DESIGN §8's prototype, measured beside the real write path as a yardstick: a JSON POST
// validated by zod and inserted into one table (id, survey, answers, time) on the main thread, the
// responses that arrive in one turn of the event loop committed in one transaction, and each
// answered 201 only after that commit, in WAL with synchronous=FULL. No hash chain, counts, flags,
// indexes beyond the key, entries, cookies or security headers: what the target was set from.
// Not part of the product; `npm run bench` starts it with the path of a throwaway database.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { z } from 'zod';
import SQLite from 'better-sqlite3';

const path = process.argv[2];
if (!path) throw new Error('usage: prototype-server.ts DATABASE_FILE');
const db = new SQLite(path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
if (db.pragma('synchronous', { simple: true }) !== 2) throw new Error('synchronous is not FULL');
db.exec('CREATE TABLE IF NOT EXISTS responses (id TEXT PRIMARY KEY, survey TEXT NOT NULL, answers TEXT NOT NULL, submitted_at TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO responses (id, survey, answers, submitted_at) VALUES (?, ?, ?, ?)');
const commit = db.transaction((rows: string[][]) => {
  for (const row of rows) insert.run(...row);
});

const submission = z.object({ id: z.uuid(), answers: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])) });
let waiting: { row: string[]; answer: () => void }[] = [];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const batch = waiting;
  waiting = [];
  commit(batch.map((w) => w.row));
  for (const w of batch) w.answer();
}

const app = new Hono();
app.post('/api/public/surveys/:slug/responses', async (c) => {
  const parsed = submission.safeParse(await c.req.json());
  if (!parsed.success) return c.json({ error: parsed.error.issues[0]?.message }, 422);
  await new Promise<void>((answer) => {
    waiting.push({ row: [parsed.data.id, c.req.param('slug'), JSON.stringify(parsed.data.answers), new Date().toISOString()], answer });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
  return c.json({ id: parsed.data.id }, 201);
});
app.get('/count', (c) => c.json({ n: (db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n }));

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`serving on http://127.0.0.1:${info.port}\n`);
});
