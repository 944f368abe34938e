// Kysely's SQLite dialect with one change: transactions begin IMMEDIATE. Kysely begins them
// DEFERRED, taking the write lock only at the first write. The write thread commits responses on
// its own connection meanwhile, and in WAL mode a transaction that read before another connection
// committed may not write afterwards: SQLite refuses at once (SQLITE_BUSY_SNAPSHOT), without
// waiting. An exclusion or a paper-forms entry made during fieldwork then failed. IMMEDIATE takes
// the lock at BEGIN, waiting (busy_timeout) for a commit in progress, as the write thread does.
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
