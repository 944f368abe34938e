// Walks each survey's hash chain as stored: every link must follow from the one before, and the
// head must point at the last. Used after a backup, after a migration between engines, and by
// anyone who wants to know that no response was changed, removed or reordered.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { genesisHash, responseHash } from '../responses/chain.ts';

export interface ChainReport {
  surveyId: string;
  responses: number;
  head: string;
  /** The first problem found, if any. */
  broken?: string;
}

export async function checkChains(db: Kysely<Database>): Promise<ChainReport[]> {
  const heads = await db.selectFrom('chain_heads').selectAll().orderBy('survey_id').execute();
  const reports: ChainReport[] = [];
  for (const head of heads) {
    let prev = genesisHash(head.survey_id);
    let count = 0;
    let broken: string | undefined;
    // Read in pages, so a survey with a million responses does not sit in memory at once.
    for (let after = 0; !broken; ) {
      const rows = await db.selectFrom('responses').selectAll().where('survey_id', '=', head.survey_id).where('seq', '>', after).orderBy('seq').limit(5000).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const { hash, ...fields } = row;
        const seq = Number(row.seq);
        if (seq !== count + 1) broken = `seq ${count + 1} is missing (found ${seq})`;
        else if (row.prev_hash !== prev) broken = `response ${row.id} (seq ${seq}) does not follow the one before`;
        else if (responseHash({ ...fields, seq, definition_version: Number(fields.definition_version) }) !== hash) broken = `response ${row.id} (seq ${seq}) was changed`;
        if (broken) break;
        prev = hash;
        count = seq;
      }
      after = count;
    }
    if (!broken && (Number(head.seq) !== count || head.hash !== prev)) broken = `the head (seq ${head.seq}) does not point at the last response (seq ${count})`;
    reports.push({ surveyId: head.survey_id, responses: count, head: head.hash, ...(broken ? { broken } : {}) });
  }
  return reports;
}
