// The evaluator's list of a survey's responses, in chain order with keyset paging by seq, each with
// its quality flags and whether it is excluded now. Flags a response carries alone were stored
// when it was written (response_flags); the two that depend on other responses are decided here,
// per row, through indexes (responses_survey_device, responses_survey_network):
// - duplicate_device: an earlier response of the survey came from the same device cookie (not on
//   a kiosk, a tablet in a hall that serves one person after another);
// - burst: at least `burstSize` responses of the survey with the same answers came from the same
//   network within the same ten minutes (the first 15 characters of the ISO time: a clock's
//   ten-minute bucket, the same in both engines).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, ResponsesTable } from './schema.ts';
import { storedFlagsOf } from './counts.ts';

export const burstSize = 3;
export const relationalFlags = ['duplicate_device', 'burst'] as const;
export type RelationalFlag = (typeof relationalFlags)[number];

const duplicateDevice = sql<boolean>`(r.device IS NOT NULL AND r.channel <> 'kiosk' AND EXISTS (
  SELECT 1 FROM responses d WHERE d.survey_id = r.survey_id AND d.device = r.device AND d.seq < r.seq AND d.channel <> 'kiosk'))`;
const burst = sql<boolean>`(r.network IS NOT NULL AND (
  SELECT count(*) FROM responses b WHERE b.survey_id = r.survey_id AND b.network = r.network
    AND b.answers = r.answers AND substr(b.submitted_at, 1, 15) = substr(r.submitted_at, 1, 15)) >= ${burstSize})`;
const storedFlag = (flag?: string) =>
  flag === undefined
    ? sql<boolean>`EXISTS (SELECT 1 FROM response_flags f WHERE f.response_id = r.id)`
    : sql<boolean>`EXISTS (SELECT 1 FROM response_flags f WHERE f.response_id = r.id AND f.flag = ${flag})`;

function flagCondition(flag: string): RawBuilder<boolean> {
  if (flag === 'duplicate_device') return duplicateDevice;
  if (flag === 'burst') return burst;
  return storedFlag(flag);
}

export interface ResponseListFilter {
  surveyId?: string;
  id?: string;
  after?: number;
  limit: number;
  flagged?: boolean;
  flag?: string;
  excluded?: boolean;
  channel?: string;
  group?: string;
}

/** A stored response (less what identifies a device or network) with its review state. */
export type ListedResponse = Omit<ResponsesTable, 'device' | 'network'> & {
  excluded: boolean;
  flags: string[];
};

export async function listResponses(db: Kysely<Database>, f: ResponseListFilter): Promise<ListedResponse[]> {
  const anyFlag = sql<boolean>`(${storedFlag()} OR ${duplicateDevice} OR ${burst})`;
  const rows = await db
    .selectFrom('responses as r')
    .leftJoin('excluded_responses as x', 'x.response_id', 'r.id')
    .select([
      'r.id', 'r.survey_id', 'r.seq', 'r.definition_version', 'r.channel', 'r.respondent_group', 'r.token', 'r.source',
      'r.started_at', 'r.submitted_at', 'r.answers', 'r.hash', 'r.prev_hash', 'x.response_id as excluded_id',
      sql<number>`CASE WHEN ${duplicateDevice} THEN 1 ELSE 0 END`.as('duplicate_device'),
      sql<number>`CASE WHEN ${burst} THEN 1 ELSE 0 END`.as('burst'),
    ])
    .$if(f.surveyId !== undefined, (q) => q.where('r.survey_id', '=', f.surveyId!))
    .$if(f.id !== undefined, (q) => q.where('r.id', '=', f.id!))
    .$if(f.after !== undefined, (q) => q.where('r.seq', '>', f.after!))
    .$if(f.channel !== undefined, (q) => q.where('r.channel', '=', f.channel!))
    .$if(f.group !== undefined, (q) => q.where('r.respondent_group', '=', f.group!))
    .$if(f.excluded !== undefined, (q) => q.where('x.response_id', f.excluded ? 'is not' : 'is', null))
    .$if(f.flagged !== undefined, (q) => q.where(f.flagged ? anyFlag : sql<boolean>`NOT ${anyFlag}`))
    .$if(f.flag !== undefined, (q) => q.where(flagCondition(f.flag!)))
    .orderBy('r.seq')
    .limit(f.limit)
    .execute();
  const flagsOf = await storedFlagsOf(db, rows.map((r) => r.id));
  return rows.map(({ excluded_id, duplicate_device, burst: inBurst, ...r }) => ({
    ...r,
    seq: Number(r.seq),
    definition_version: Number(r.definition_version),
    excluded: excluded_id !== null,
    flags: [...(flagsOf.get(r.id) ?? []), ...(Number(duplicate_device) ? ['duplicate_device'] : []), ...(Number(inBurst) ? ['burst'] : [])],
  }));
}
