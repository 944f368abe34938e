// Copying a whole manyidu database into another, empty one (SQLite → PostgreSQL, or back): every
// table in an order that satisfies its foreign keys, responses in chain order, then a check that
// counts and chain heads agree.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { checkChains } from './chain-check.ts';

/**
 * Every table of the schema, parents before children, with the columns that order its rows.
 * A table added by a migration must be added here; a test fails when one is missing.
 */
export const copyOrder: { table: string; orderBy: string[] }[] = [
  { table: 'settings', orderBy: ['key'] },
  { table: 'users', orderBy: ['id'] },
  { table: 'evaluations', orderBy: ['id'] },
  { table: 'evaluation_members', orderBy: ['evaluation_id', 'user_id'] },
  { table: 'sessions', orderBy: ['id_hash'] },
  { table: 'login_failures', orderBy: ['id'] },
  { table: 'surveys', orderBy: ['id'] },
  { table: 'survey_sources', orderBy: ['survey_id', 'code'] },
  { table: 'survey_versions', orderBy: ['survey_id', 'version'] },
  { table: 'invitation_tokens', orderBy: ['token'] },
  { table: 'paper_issues', orderBy: ['survey_id', 'seq'] },
  { table: 'responses', orderBy: ['survey_id', 'seq'] },
  { table: 'chain_heads', orderBy: ['survey_id'] },
  { table: 'imports', orderBy: ['id'] },
  { table: 'level_counts', orderBy: ['survey_id', 'respondent_group', 'channel', 'definition_version', 'question_id', 'level'] },
  { table: 'response_counts', orderBy: ['survey_id', 'respondent_group', 'channel', 'status'] },
  { table: 'response_flags', orderBy: ['response_id', 'flag'] },
  { table: 'exclusions', orderBy: ['id'] },
  { table: 'excluded_responses', orderBy: ['response_id'] },
  { table: 'exports', orderBy: ['id'] },
  { table: 'framework_versions', orderBy: ['evaluation_id', 'version'] },
  { table: 'indicator_entries', orderBy: ['evaluation_id', 'seq'] },
  { table: 'sheet_exports', orderBy: ['id'] },
];

/** Tables that belong to the migrator, not to the data. */
export const migratorTables = ['manyidu_migrations', 'manyidu_migration_lock'];

export interface CopyReport {
  tables: { table: string; source: number; target: number }[];
  chains: { surveyId: string; responses: number; head: string; same: boolean }[];
  ok: boolean;
}

type AnyDb = Kysely<any>;

export async function countRows(db: AnyDb, table: string): Promise<number> {
  const row = await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function copyDatabase(source: Kysely<Database>, target: Kysely<Database>, onProgress?: (table: string, rows: number) => void): Promise<CopyReport> {
  const src = source as AnyDb;
  const dst = target as AnyDb;
  for (const { table } of copyOrder) {
    if ((await countRows(dst, table)) > 0) throw new Error(`the target database is not empty: ${table} has rows`);
  }
  await dst.transaction().execute(async (trx) => {
    for (const { table, orderBy } of copyOrder) {
      let copied = 0;
      let last: Record<string, unknown> | undefined;
      for (;;) {
        // Keyset pages (row-value comparison, in both engines): each page costs the same, however far in.
        let q = src.selectFrom(table).selectAll();
        if (last) {
          const after = last;
          q = q.where(sql<boolean>`(${sql.join(orderBy.map((c) => sql.ref(c)))}) > (${sql.join(orderBy.map((c) => after[c]))})`);
        }
        for (const column of orderBy) q = q.orderBy(column);
        const rows = await q.limit(1000).execute();
        if (rows.length === 0) break;
        last = rows[rows.length - 1];
        // Bind-parameter limits: PostgreSQL allows 65,535 per statement, SQLite 32,766.
        for (let i = 0; i < rows.length; i += 100) await trx.insertInto(table).values(rows.slice(i, i + 100)).execute();
        copied += rows.length;
        onProgress?.(table, copied);
      }
    }
  });

  const tables = [];
  for (const { table } of copyOrder) tables.push({ table, source: await countRows(src, table), target: await countRows(dst, table) });
  const before = await checkChains(source);
  const after = new Map((await checkChains(target)).map((c) => [c.surveyId, c]));
  const chains = before.map((c) => {
    const copy = after.get(c.surveyId);
    return { surveyId: c.surveyId, responses: c.responses, head: c.head, same: !!copy && !copy.broken && !c.broken && copy.head === c.head && copy.responses === c.responses };
  });
  return { tables, chains, ok: tables.every((t) => t.source === t.target) && chains.every((c) => c.same) && after.size === before.length };
}
