// What evaluators enter for indicators (migration 005): an input (a score with its reason, a
// measured value, a grade, a checklist) or a binding to surveys, per indicator code. Rows are
// appended, never changed; the latest row of a (kind, code) is what counts, and null clears it.
// The history says who entered what and when, and with the framework version it reproduces
// every sheet. The entries one call appends (an inputs file, one score) are one append: they share
// a time no other append of the evaluation has, so the history can tell what was entered together.
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

/** One row of the history, oldest first, with the append it was made in. */
export interface HistoryEntry {
  kind: EntryKind;
  code: string;
  value: string | null;
  seq: number;
  /** The seq of the first entry of its append: entries made together share it. */
  append: number;
}

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
      .select((eb) => [eb.fn.max('seq').as('seq'), eb.fn.max('created_at').as('at')])
      .where('evaluation_id', '=', evaluationId)
      .executeTakeFirstOrThrow();
    let seq = Number(last.seq ?? 0);
    // Stamped after the append before it, even within one millisecond (or a clock set back): the
    // time is what tells two appends apart (appendsOf).
    const at = last.at && last.at >= who.now ? new Date(Date.parse(last.at) + 1).toISOString() : who.now;
    const current = new Map<string, string | null>();
    for (const kind of new Set(entries.map((e) => e.kind))) {
      for (const e of await currentEntries(trx, evaluationId, kind)) current.set(`${kind}:${e.code}`, e.value);
    }
    const rows = entries
      .filter((e) => (current.get(`${e.kind}:${e.code}`) ?? null) !== e.value)
      .map((e) => ({ evaluation_id: evaluationId, seq: ++seq, kind: e.kind, code: e.code, value: e.value, user_id: who.userId, created_at: at }));
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

// Rows of one append are consecutive (appended under the evaluation's lock) with one user and time.
function appendsOf(rows: readonly IndicatorEntryRow[]): HistoryEntry[] {
  let append = 0;
  return rows.map((r, i) => {
    const before = rows[i - 1];
    if (!before || before.created_at !== r.created_at || before.user_id !== r.user_id) append = r.seq;
    return { kind: r.kind, code: r.code, value: r.value, seq: r.seq, append };
  });
}

/** The latest non-cleared entry of each code of one kind. */
export async function currentEntries(db: Kysely<Database>, evaluationId: string, kind: EntryKind): Promise<CurrentEntry[]> {
  return latestOf(await entryRows(db, evaluationId, kind));
}

/**
 * Inputs and bindings as they stand, read in one query, with the last entry number read: the
 * framework version and that number pin everything a sheet was made from. With them the history
 * they stand on, which says what was entered after what (a report's stated rate, DESIGN §4).
 */
export async function entriesNow(db: Kysely<Database>, evaluationId: string): Promise<{ inputs: CurrentEntry[]; bindings: CurrentEntry[]; seq: number; history: HistoryEntry[] }> {
  const rows = await entryRows(db, evaluationId);
  return {
    inputs: latestOf(rows.filter((r) => r.kind === 'input')),
    bindings: latestOf(rows.filter((r) => r.kind === 'binding')),
    seq: rows.length > 0 ? rows[rows.length - 1]!.seq : 0,
    history: appendsOf(rows),
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
