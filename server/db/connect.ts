// Opens the database named by DATABASE_URL: `postgres://…` is PostgreSQL, anything else an SQLite file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.ts';
import { engineFor, type Engine } from './engine.ts';
import { migrateToLatest } from './migrate.ts';
import { writeResponses } from './responses.ts';
import { sqliteResponseWriter } from './sqlite-writer.ts';
import { configureSqlite } from './sqlite-pragmas.ts';
import { ImmediateSqliteDialect } from './sqlite-dialect.ts';
import { startWriteThread } from './sqlite-write-client.ts';
import type { PendingResponse, WriteOutcome } from '../responses/plan.ts';

export interface Db {
  db: Kysely<Database>;
  engine: Engine;
  /** The URL or path it was opened from, with any password removed. */
  location: string;
  /** Stores a batch of responses in one transaction: the engine's fastest correct way. */
  writeResponses(batch: PendingResponse[]): Promise<WriteOutcome[]>;
  /** Takes the results of writes that have finished, where they come from another thread. */
  collectWrites?(): void;
  /**
   * How many batches writeResponses takes before the first is answered (default 1): the SQLite
   * write thread commits all batches waiting for it together, so it is handed each as it forms.
   */
  batchesInFlight?: number;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export async function openDatabase(url: string): Promise<Db> {
  if (!isPostgresUrl(url)) return openSqlite(url);
  const opened = await openPostgres(url);
  await migrateToLatest(opened.db);
  return opened;
}

async function openSqlite(path: string): Promise<Db> {
  const memory = path === ':memory:';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  configureSqlite(sqlite);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  await migrateToLatest(db);
  // A file gets its own write thread, so that commits and their fsyncs overlap with the work on
  // requests; an in-memory database exists only on this connection, so it is written here. Both
  // run the same writer.
  if (memory) {
    const write = sqliteResponseWriter(sqlite);
    return { db, engine: engineFor('sqlite'), location: path, writeResponses: async (batch) => write(batch), close: () => db.destroy() };
  }
  const thread = await startWriteThread(path);
  return {
    db,
    engine: engineFor('sqlite'),
    location: path,
    writeResponses: (batch) => thread.write(batch),
    collectWrites: () => thread.collect(),
    // A bound on messages, not on a transaction's size: a commit spans a few turns of the event loop.
    batchesInFlight: 16,
    close: async () => {
      await thread.close();
      await db.destroy();
    },
  };
}

async function openPostgres(url: string): Promise<Db> {
  // Loaded only here: an SQLite installation never needs the PostgreSQL client.
  const { default: pg } = await import('pg');
  // JIT off for every session: the response list's and the export's page queries (a correlated
  // search per row for the relational flags) cost enough that PostgreSQL JIT-compiled each one,
  // 34–72 ms a page of 100 against 15–17 ms without (200,000 responses on one network, psql). The
  // app's queries are short and many; these were the ones over JIT's cost threshold.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PGPOOL_MAX ?? 10), options: '-c jit=off' });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const engine = engineFor('postgres');
  return { db, engine, location, writeResponses: (batch) => writeResponses(db, engine, batch), close: () => db.destroy() };
}
