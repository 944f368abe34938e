// The counts kept on write (level_counts, response_counts): applied in the transaction that
// changes what they count, read by the results. Every change is an upsert that adds to n, the
// same SQL in both engines, so concurrent writers (serialised per survey by the chain head) never
// read-modify-write a count.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { CountChanges } from '../responses/counting.ts';
import type { FlagRow } from '../responses/plan.ts';

export const levelCountKey = ['survey_id', 'respondent_group', 'channel', 'definition_version', 'question_id', 'level'] as const;
export const responseCountKey = ['survey_id', 'respondent_group', 'channel', 'status'] as const;

/** The upserts as SQL text, for SQLite's prepared statements (server/db/sqlite-writer.ts). */
export const upsertLevelCountSql =
  `INSERT INTO level_counts (${levelCountKey.join(', ')}, n) VALUES (${levelCountKey.map(() => '?').join(', ')}, ?)
   ON CONFLICT (${levelCountKey.join(', ')}) DO UPDATE SET n = level_counts.n + excluded.n`;
export const upsertResponseCountSql =
  `INSERT INTO response_counts (${responseCountKey.join(', ')}, n) VALUES (${responseCountKey.map(() => '?').join(', ')}, ?)
   ON CONFLICT (${responseCountKey.join(', ')}) DO UPDATE SET n = response_counts.n + excluded.n`;

export async function applyCountChanges(trx: Transaction<Database> | Kysely<Database>, changes: CountChanges): Promise<void> {
  // Chunks keep each statement under the engines' bind-parameter limits (7 per row).
  for (let i = 0; i < changes.levels.length; i += 500) {
    await trx
      .insertInto('level_counts')
      .values(changes.levels.slice(i, i + 500))
      .onConflict((oc) => oc.columns([...levelCountKey]).doUpdateSet({ n: sql`level_counts.n + excluded.n` }))
      .execute();
  }
  for (let i = 0; i < changes.responses.length; i += 500) {
    await trx
      .insertInto('response_counts')
      .values(changes.responses.slice(i, i + 500))
      .onConflict((oc) => oc.columns([...responseCountKey]).doUpdateSet({ n: sql`response_counts.n + excluded.n` }))
      .execute();
  }
}

export async function insertFlags(trx: Transaction<Database> | Kysely<Database>, flags: readonly FlagRow[]): Promise<void> {
  for (let i = 0; i < flags.length; i += 500) await trx.insertInto('response_flags').values(flags.slice(i, i + 500)).execute();
}

/**
 * The flags stored with each of these responses (ineligible, too_fast, straight_line), sorted.
 * The two that depend on other responses (duplicate_device, burst) are not stored: the response
 * list and the export decide them when they read (relational-flags.ts).
 */
export async function storedFlagsOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string[]>> {
  const flags = new Map<string, string[]>();
  if (ids.length === 0) return flags;
  const rows = await db.selectFrom('response_flags').select(['response_id', 'flag']).where('response_id', 'in', ids).execute();
  for (const r of rows) {
    const own = flags.get(r.response_id);
    if (own) own.push(r.flag);
    else flags.set(r.response_id, [r.flag]);
  }
  for (const own of flags.values()) own.sort();
  return flags;
}

export interface CountFilter {
  group?: string | undefined;
  channel?: string | undefined;
}

export interface LevelCountRow {
  /** Present when summed per cell (`byCell`). */
  respondent_group?: string;
  channel?: string;
  question_id: string;
  level: string;
  n: number;
}

/**
 * One survey's level counts, summed in SQL over definition versions, and over groups and channels
 * unless `byCell` keeps them apart; `questions` limits them to some questions. The table holds a
 * few thousand rows per survey however many responses there are; summing them where they lie
 * sends back a hundred or so.
 */
export async function sumLevelCounts(
  db: Kysely<Database>,
  surveyId: string,
  filter: CountFilter = {},
  opts: { byCell?: boolean; questions?: readonly string[] } = {},
): Promise<LevelCountRow[]> {
  const rows = await db
    .selectFrom('level_counts')
    .select(['question_id', 'level', (eb) => eb.fn.sum<number | string>('n').as('n')])
    .$if(opts.byCell === true, (q) => q.select(['respondent_group', 'channel']).groupBy(['respondent_group', 'channel']))
    .where('survey_id', '=', surveyId)
    .$if(filter.group !== undefined, (q) => q.where('respondent_group', '=', filter.group!))
    .$if(filter.channel !== undefined, (q) => q.where('channel', '=', filter.channel!))
    .$if(opts.questions !== undefined, (q) => q.where('question_id', 'in', opts.questions!.length ? [...opts.questions!] : ['']))
    .groupBy(['question_id', 'level'])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) })).filter((r) => r.n !== 0);
}

export interface ResponseCountRow {
  respondent_group: string;
  channel: string;
  status: string;
  n: number;
}

export async function readResponseCounts(db: Kysely<Database>, surveyId: string, filter: CountFilter = {}): Promise<ResponseCountRow[]> {
  const rows = await db
    .selectFrom('response_counts')
    .select(['respondent_group', 'channel', 'status', 'n'])
    .where('survey_id', '=', surveyId)
    .$if(filter.group !== undefined, (q) => q.where('respondent_group', '=', filter.group!))
    .$if(filter.channel !== undefined, (q) => q.where('channel', '=', filter.channel!))
    .where('n', '<>', 0)
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** A survey's level counts per question and level (summed over versions, groups and channels). */
export function readLevelCounts(db: Kysely<Database>, surveyId: string, filter: CountFilter = {}): Promise<LevelCountRow[]> {
  return sumLevelCounts(db, surveyId, filter);
}
