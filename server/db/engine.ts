// Everything that differs between the engines lives here, chosen from one table, so that
// migrations and repositories stay portable SQL.
import { sql, type Kysely, PostgresAdapter, SqliteAdapter } from 'kysely';

export type EngineName = 'sqlite' | 'postgres';

export interface Engine {
  name: EngineName;
  /** Whether `SELECT … FOR UPDATE` exists; SQLite serialises writers with its database lock instead. */
  rowLocks: boolean;
  /** SQL that makes a table refuse UPDATE and DELETE. */
  appendOnly(table: string): string[];
}

const engines: Record<EngineName, Engine> = {
  sqlite: {
    name: 'sqlite',
    rowLocks: false,
    appendOnly: (table) =>
      (['UPDATE', 'DELETE'] as const).map(
        (op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
                 BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      ),
  },
  postgres: {
    name: 'postgres',
    rowLocks: true,
    appendOnly: (table) => [
      `CREATE OR REPLACE FUNCTION manyidu_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql`,
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION manyidu_append_only()`,
    ],
  },
};

export function engineFor(name: EngineName): Engine {
  return engines[name];
}

/** The engine of a Kysely instance, read from its adapter, for code (migrations) handed only `db`. */
export function engineOf(db: Kysely<any>): Engine {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return engines.postgres;
  if (adapter instanceof SqliteAdapter) return engines.sqlite;
  throw new Error('unsupported database adapter');
}

export async function runStatements(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}
