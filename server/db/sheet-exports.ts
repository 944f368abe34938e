// The sheet export log (migration 005): every sheet, table or JSON file handed out, with the
// framework version and entries it scored and the survey figures and chain heads it used.
import type { Kysely } from 'kysely';
import type { Database, SheetExportRow } from './schema.ts';

export async function recordSheetExport(db: Kysely<Database>, row: SheetExportRow): Promise<void> {
  await db.insertInto('sheet_exports').values(row).execute();
}

export async function listSheetExports(db: Kysely<Database>, evaluationId: string) {
  const rows = await db
    .selectFrom('sheet_exports')
    .leftJoin('users', 'users.id', 'sheet_exports.user_id')
    .selectAll('sheet_exports')
    .select('users.username')
    .where('sheet_exports.evaluation_id', '=', evaluationId)
    .orderBy('sheet_exports.created_at', 'desc')
    .orderBy('sheet_exports.id')
    .execute();
  return rows.map((r) => ({ ...r, framework_version: Number(r.framework_version), entries_seq: Number(r.entries_seq), bytes: Number(r.bytes) }));
}
