// DESIGN §9 "Durable before acknowledged": post responses in a loop, kill -9 the server in the
// middle, restart it: every response that got a 201 is there exactly once, and the database is
// intact.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase } from '../../server/db/connect.ts';
import { freshDatabaseUrl, testEngine } from '../support/database.ts';
import { spawnServer } from '../support/process.ts';
import { satisfiedAnswers } from '../support/app.ts';

mkdirSync(join(process.cwd(), 'test-artifacts'), { recursive: true });
const dir = mkdtempSync(join(process.cwd(), 'test-artifacts', 'crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kill -9 under load', () => {
  // On SQLite one process owns the file; on PostgreSQL two share the database and one is killed
  // while the other keeps serving.
  it('keeps every acknowledged response exactly once', async () => {
    const databaseUrl = await freshDatabaseUrl({ file: join(dir, 'crash.sqlite') });
    const servers = await Promise.all(Array.from({ length: testEngine === 'postgres' ? 2 : 1 }, () => spawnServer({ DATABASE_URL: databaseUrl })));
    const [victim, survivor] = servers;
    const acknowledged: string[] = [];
    let stop = false;
    let turn = 0;
    const worker = async () => {
      while (!stop) {
        const id = randomUUID();
        const server = servers[turn++ % servers.length]!;
        try {
          const res = await fetch(`${server.url}/api/public/surveys/demo/responses`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ id, answers: satisfiedAnswers() }),
          });
          if (res.status === 201) acknowledged.push(id);
          else await res.arrayBuffer();
        } catch {
          // The connection died with the server: this response was never acknowledged.
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    await new Promise((r) => setTimeout(r, 1500));
    await victim!.kill9();
    if (survivor) await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(workers);
    await survivor?.stop();
    expect(acknowledged.length).toBeGreaterThan(50);

    // Restart on the same database: it must open, migrate and serve.
    const again = await spawnServer({ DATABASE_URL: databaseUrl });
    const health = await fetch(`${again.url}/healthz`);
    expect(health.status).toBe(200);
    await again.stop();

    const { db, engine, close } = await openDatabase(databaseUrl);
    try {
      const rows = await db.selectFrom('responses').select(['id', 'seq']).execute();
      const stored = new Map<string, number>();
      for (const r of rows) stored.set(r.id, (stored.get(r.id) ?? 0) + 1);
      const missing = acknowledged.filter((id) => stored.get(id) !== 1);
      expect(missing).toEqual([]);
      // The chain has no gaps: seq runs 1..n.
      const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      if (engine.name === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
        expect(check.rows[0]?.integrity_check).toBe('ok');
      }
    } finally {
      await close();
    }
  });
});
