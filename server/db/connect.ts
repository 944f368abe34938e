// Opens the database named by DATABASE_URL: `postgres://…` is PostgreSQL, anything else an SQLite file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';
import { engineFor, type Engine } from './engine.ts';
import { migrateToLatest } from './migrate.ts';
import { writeResponses } from './responses.ts';
import { sqliteResponseWriter } from './sqlite-writer.ts';
import type { PendingResponse, WriteOutcome } from '../responses/plan.ts';

export interface Db {
  db: Kysely<Database>;
  engine: Engine;
  /** The URL or path it was opened from, with any password removed. */
  location: string;
  /** Stores a batch of responses in one transaction: the engine's fastest correct way. */
  writeResponses(batch: PendingResponse[]): Promise<WriteOutcome[]>;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export async function openDatabase(url: string): Promise<Db> {
  const opened = isPostgresUrl(url) ? openPostgres(url) : openSqlite(url);
  await migrateToLatest(opened.db);
  return opened;
}

function openSqlite(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // better-sqlite3 builds default WAL to synchronous=NORMAL, which may lose the last commits on
  // power loss; a 201 promises durability, so FULL is set and read back.
  sqlite.pragma('synchronous = FULL');
  const synchronous = sqlite.pragma('synchronous', { simple: true });
  if (synchronous !== 2) throw new Error(`SQLite synchronous is ${String(synchronous)}, expected 2 (FULL)`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let writer: ReturnType<typeof sqliteResponseWriter> | undefined;
  return {
    db,
    engine: engineFor('sqlite'),
    location: path,
    // Prepared on first use, after the migrations have made the tables.
    writeResponses: async (batch) => (writer ??= sqliteResponseWriter(sqlite))(batch),
    close: () => db.destroy(),
  };
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PGPOOL_MAX ?? 10) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const engine = engineFor('postgres');
  return { db, engine, location, writeResponses: (batch) => writeResponses(db, engine, batch), close: () => db.destroy() };
}
