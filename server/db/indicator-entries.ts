// What evaluators enter for indicators (migration 005): an input (a score with its reason, a
// measured value, a grade, a checklist) or a binding to surveys, per indicator code. Rows are
// appended, never changed; the latest row of a (kind, code) is what counts, and null clears it.
// The history says who entered what and when, and with the framework version it reproduces
// every sheet.
import type { Kysely } from 'kysely';
import type { Database, IndicatorEntryRow } from './schema.ts';
import type { Engine } from './engine.ts';
import { lockEvaluation } from './evaluation-lock.ts';

export type EntryKind = IndicatorEntryRow['kind'];

export interface NewEntry {
  kind: EntryKind;
  code: string;
  /** JSON text, or null to clear. */
  value: string | null;
}

export interface CurrentEntry {
  code: string;
  value: string;
  seq: number;
  userId: string;
  createdAt: string;
}

const numeric = (r: IndicatorEntryRow): IndicatorEntryRow => ({ ...r, seq: Number(r.seq) });

/**
 * Appends entries in one transaction, leaving out any that would not change the current value.
 * Returns how many were stored.
 */
export async function appendEntries(
  db: Kysely<Database>,
  engine: Engine,
  evaluationId: string,
  entries: readonly NewEntry[],
  who: { userId: string; now: string },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockEvaluation(trx, engine, evaluationId);
    const last = await trx
      .selectFrom('indicator_entries')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('evaluation_id', '=', evaluationId)
      .executeTakeFirstOrThrow();
    let seq = Number(last.seq ?? 0);
    const current = new Map<string, string | null>();
    for (const kind of new Set(entries.map((e) => e.kind))) {
      for (const e of await currentEntries(trx, evaluationId, kind)) current.set(`${kind}:${e.code}`, e.value);
    }
    const rows = entries
      .filter((e) => (current.get(`${e.kind}:${e.code}`) ?? null) !== e.value)
      .map((e) => ({ evaluation_id: evaluationId, seq: ++seq, kind: e.kind, code: e.code, value: e.value, user_id: who.userId, created_at: who.now }));
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('indicator_entries').values(rows.slice(i, i + 200)).execute();
    return rows.length;
  });
}

// The latest row of each code wins; a cleared one (null) removes the code.
function latestOf(rows: readonly IndicatorEntryRow[]): CurrentEntry[] {
  const latest = new Map<string, IndicatorEntryRow>();
  for (const r of rows) latest.set(r.code, r);
  return [...latest.values()]
    .filter((r): r is IndicatorEntryRow & { value: string } => r.value !== null)
    .map((r) => ({ code: r.code, value: r.value, seq: r.seq, userId: r.user_id, createdAt: r.created_at }));
}

async function entryRows(db: Kysely<Database>, evaluationId: string, kind?: EntryKind): Promise<IndicatorEntryRow[]> {
  const rows = await db
    .selectFrom('indicator_entries')
    .selectAll()
    .where('evaluation_id', '=', evaluationId)
    .$if(kind !== undefined, (q) => q.where('kind', '=', kind!))
    .orderBy('seq')
    .execute();
  return rows.map(numeric);
}

/** The latest non-cleared entry of each code of one kind. */
export async function currentEntries(db: Kysely<Database>, evaluationId: string, kind: EntryKind): Promise<CurrentEntry[]> {
  return latestOf(await entryRows(db, evaluationId, kind));
}

/**
 * Inputs and bindings as they stand, read in one query, with the last entry number read: the
 * framework version and that number pin everything a sheet was made from.
 */
export async function entriesNow(db: Kysely<Database>, evaluationId: string): Promise<{ inputs: CurrentEntry[]; bindings: CurrentEntry[]; seq: number }> {
  const rows = await entryRows(db, evaluationId);
  return {
    inputs: latestOf(rows.filter((r) => r.kind === 'input')),
    bindings: latestOf(rows.filter((r) => r.kind === 'binding')),
    seq: rows.length > 0 ? rows[rows.length - 1]!.seq : 0,
  };
}

/** Every entry of one kind (optionally one code), oldest first, with who made it. */
export async function entryHistory(db: Kysely<Database>, evaluationId: string, kind: EntryKind, code?: string) {
  const rows = await db
    .selectFrom('indicator_entries')
    .leftJoin('users', 'users.id', 'indicator_entries.user_id')
    .selectAll('indicator_entries')
    .select('users.username')
    .where('indicator_entries.evaluation_id', '=', evaluationId)
    .where('indicator_entries.kind', '=', kind)
    .$if(code !== undefined, (q) => q.where('indicator_entries.code', '=', code!))
    .orderBy('indicator_entries.seq')
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}
