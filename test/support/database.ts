// One suite, every engine: tests ask for a fresh database here. Without MANYIDU_TEST_PG it is an
// in-memory SQLite database; with it (a PostgreSQL server URL, set by test/run.sh) a new empty
// PostgreSQL database on that server, dropped at the end of the run.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const server = process.env.MANYIDU_TEST_PG;

export const testEngine: 'sqlite' | 'postgres' = server ? 'postgres' : 'sqlite';

/** A database no other test touches. `file` asks for an SQLite file (for tests that restart processes). */
export async function freshDatabaseUrl(opts: { file?: string } = {}): Promise<string> {
  if (!server) return opts.file ?? ':memory:';
  const name = `manyidu_t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
