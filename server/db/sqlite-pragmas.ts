import type BetterSqlite3 from 'better-sqlite3';

/**
 * Every connection to a manyidu SQLite file: WAL, and synchronous=FULL set and read back —
 * better-sqlite3 builds default WAL to NORMAL, which may lose the last commits on power loss,
 * and a 201 promises durability.
 */
export function configureSqlite(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  const synchronous = sqlite.pragma('synchronous', { simple: true });
  if (synchronous !== 2) throw new Error(`SQLite synchronous is ${String(synchronous)}, expected 2 (FULL)`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}
