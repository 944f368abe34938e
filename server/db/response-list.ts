// The evaluator's list of a survey's responses, in chain order with keyset paging by seq, each with
// its quality flags and whether it is excluded now. Flags a response carries alone were stored
// when it was written (response_flags); the two that depend on other responses are decided here,
// per row, by their one definition (relational-flags.ts), which the export prints as well.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, ResponsesTable } from './schema.ts';
import { storedFlagsOf } from './counts.ts';
import { allFlags, burst, duplicateDevice, relationalFlagColumns } from './relational-flags.ts';

// routes/responses.ts takes the flags its ?flag= accepts from the list it filters.

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
      ...relationalFlagColumns(),
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
    flags: allFlags(flagsOf.get(r.id) ?? [], { duplicate_device, burst: inBurst }),
  }));
}
