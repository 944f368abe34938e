// The per-survey hash chain: each response's hash covers its content and the previous hash, so a
// changed, removed or reordered response shows up as a broken link in every later export.
import { createHash, hash } from 'node:crypto';
import type { ResponsesTable } from '../db/schema.ts';

/** The hash a survey's chain starts from, before its first response. */
export function genesisHash(surveyId: string): string {
  return createHash('sha256').update(`manyidu:${surveyId}`).digest('hex');
}

/** What the hash of a response covers: every stored field but the hash itself. */
export type ChainedFields = Omit<ResponsesTable, 'hash'>;

/**
 * The hash of a response: SHA-256 of the previous hash, a newline, and the JSON array of its
 * fields in this fixed order — id, survey_id, seq, definition_version, channel, respondent_group,
 * token, device, network, source, started_at, submitted_at, answers. A new field is appended,
 * never inserted (test/unit/server/chain.test.ts pins the format). Written out field by field and
 * hashed in one call: a loop over the field names and a streamed hash took half of the time the
 * write thread spends deciding a batch.
 */
export function responseHash(f: ChainedFields): string {
  const content = JSON.stringify([
    f.id, f.survey_id, f.seq, f.definition_version, f.channel, f.respondent_group, f.token,
    f.device, f.network, f.source, f.started_at, f.submitted_at, f.answers,
  ]);
  return hash('sha256', `${f.prev_hash}\n${content}`, 'hex');
}
