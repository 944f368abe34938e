// What every PostgreSQL session of the app is set to (server/db/connect.ts). Runs where the suite
// runs on PostgreSQL.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect.ts';
import { freshDatabaseUrl, testEngine } from '../support/database.ts';

describe.skipIf(testEngine !== 'postgres')('a PostgreSQL session of the app', () => {
  it('has JIT off: the page queries of the response list and the export would be compiled anew each time', async () => {
    const { db, close } = await openDatabase(await freshDatabaseUrl());
    try {
      const { rows } = await sql<{ jit: string }>`SHOW jit`.execute(db);
      expect(rows[0]!.jit).toBe('off');
    } finally {
      await close();
    }
  });
});
