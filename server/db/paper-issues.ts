// Paper forms issued for a survey (migration 006): entries are added, never changed; the issued
// figure is their sum. An entry that would take the sum below zero is refused, so a correction
// can only undo what was entered.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Engine } from './engine.ts';

export interface PaperIssue {
  seq: number;
  count: number;
  note: string | null;
  username: string;
  createdAt: string;
}

/** The paper forms issued for the survey so far. */
export async function paperIssued(db: Kysely<Database>, surveyId: string): Promise<number> {
  const row = await db.selectFrom('paper_issues').select((eb) => eb.fn.sum<number | string | null>('count').as('n')).where('survey_id', '=', surveyId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every entry, oldest first, with who made it. */
export async function paperIssueHistory(db: Kysely<Database>, surveyId: string): Promise<PaperIssue[]> {
  const rows = await db
    .selectFrom('paper_issues')
    .innerJoin('users', 'users.id', 'paper_issues.user_id')
    .select(['paper_issues.seq', 'paper_issues.count', 'paper_issues.note', 'paper_issues.created_at', 'users.username'])
    .where('paper_issues.survey_id', '=', surveyId)
    .orderBy('paper_issues.seq')
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), count: Number(r.count), note: r.note, username: r.username, createdAt: r.created_at }));
}

/**
 * Adds an entry, numbered max + 1 (on PostgreSQL after locking the survey's row, on SQLite under
 * the write lock every transaction takes at BEGIN, so two entries at once cannot take one
 * number), unless it would leave fewer than zero forms issued: then nothing is written and the
 * total so far is returned for the message.
 */
export async function recordPaperIssue(
  db: Kysely<Database>,
  engine: Engine,
  entry: { surveyId: string; count: number; note: string | null; userId: string; now: string },
): Promise<{ ok: true; total: number; seq: number } | { ok: false; total: number }> {
  return db.transaction().execute(async (trx) => {
    if (engine.rowLocks) await trx.selectFrom('surveys').select('id').where('id', '=', entry.surveyId).forUpdate().execute();
    const last = await trx
      .selectFrom('paper_issues')
      .select((eb) => [eb.fn.max('seq').as('seq'), eb.fn.sum<number | string | null>('count').as('total')])
      .where('survey_id', '=', entry.surveyId)
      .executeTakeFirst();
    const total = Number(last?.total ?? 0);
    if (total + entry.count < 0) return { ok: false, total };
    const seq = Number(last?.seq ?? 0) + 1;
    await trx
      .insertInto('paper_issues')
      .values({ survey_id: entry.surveyId, seq, count: entry.count, note: entry.note, user_id: entry.userId, created_at: entry.now })
      .execute();
    return { ok: true, total: total + entry.count, seq };
  });
}
