// An evaluation's indicator system (框架/指标体系) as versions (migration 005). A version is never
// rewritten: a change is a new version, so a sheet or export that names its version can be
// scored again from exactly what it used.
import type { Kysely } from 'kysely';
import type { Database, FrameworkVersionRow } from './schema.ts';
import type { Engine } from './engine.ts';
import { lockEvaluation } from './evaluation-lock.ts';

export interface NewFrameworkVersion {
  evaluationId: string;
  /** The framework JSON as text. */
  framework: string;
  bundled: string | null;
  userId: string;
  now: string;
}

export async function latestFrameworkVersion(db: Kysely<Database>, evaluationId: string): Promise<FrameworkVersionRow | undefined> {
  const row = await db
    .selectFrom('framework_versions')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { ...row, version: Number(row.version) };
}

export async function listFrameworkVersions(db: Kysely<Database>, evaluationId: string) {
  const rows = await db
    .selectFrom('framework_versions')
    .select(['version', 'bundled', 'user_id', 'created_at'])
    .where('evaluation_id', '=', evaluationId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version) }));
}

/**
 * Adds a version unless the latest is the same framework (a repeated PUT changes nothing).
 * The evaluation's lock orders it with concurrent changes and with the indicator entries.
 */
export async function addFrameworkVersion(db: Kysely<Database>, engine: Engine, v: NewFrameworkVersion): Promise<{ version: number; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    await lockEvaluation(trx, engine, v.evaluationId);
    const latest = await latestFrameworkVersion(trx, v.evaluationId);
    if (latest && latest.framework === v.framework && latest.bundled === v.bundled) return { version: latest.version, created: false };
    const version = (latest?.version ?? 0) + 1;
    await trx
      .insertInto('framework_versions')
      .values({ evaluation_id: v.evaluationId, version, framework: v.framework, bundled: v.bundled, user_id: v.userId, created_at: v.now })
      .execute();
    return { version, created: true };
  });
}
