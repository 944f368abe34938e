// The export log: one append-only row per file handed out (migration 004).
import type { Kysely } from 'kysely';
import type { Database, ExportRow } from './schema.ts';

export type ExportRecord = ExportRow;

export async function recordExport(db: Kysely<Database>, row: ExportRecord): Promise<void> {
  await db.insertInto('exports').values(row).execute();
}

/** A record with the name of who made it, as shown to an evaluator or the finance bureau. */
export type ExportListing = ExportRecord & { username: string | null };

function listing(db: Kysely<Database>) {
  return db.selectFrom('exports').leftJoin('users', 'users.id', 'exports.user_id').selectAll('exports').select('users.username');
}

const numeric = (r: ExportListing): ExportListing => ({ ...r, rows: Number(r.rows), bytes: Number(r.bytes), chain_seq: Number(r.chain_seq) });

export async function listExports(db: Kysely<Database>, surveyId: string): Promise<ExportListing[]> {
  const rows = await listing(db).where('exports.survey_id', '=', surveyId).orderBy('exports.created_at', 'desc').orderBy('exports.id').execute();
  return rows.map(numeric);
}

export async function findExport(db: Kysely<Database>, id: string): Promise<ExportListing | undefined> {
  const row = await listing(db).where('exports.id', '=', id).executeTakeFirst();
  return row && numeric(row);
}
