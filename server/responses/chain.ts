// The per-survey hash chain: each response's hash covers its content and the previous hash, so a
// changed, removed or reordered response shows up as a broken link in every later export.
import { createHash } from 'node:crypto';
import type { ResponsesTable } from '../db/schema.ts';

/** The hash a survey's chain starts from, before its first response. */
export function genesisHash(surveyId: string): string {
  return createHash('sha256').update(`manyidu:${surveyId}`).digest('hex');
}

/** What the hash of a response covers: every stored field but the hash itself. */
export type ChainedFields = Omit<ResponsesTable, 'hash'>;

/** The fields in the fixed order the hash reads them; a new field is appended, never inserted. */
const order = [
  'id', 'survey_id', 'seq', 'definition_version', 'channel', 'respondent_group', 'token',
  'device', 'network', 'source', 'started_at', 'submitted_at', 'answers',
] as const satisfies readonly (keyof ChainedFields)[];

export function responseHash(fields: ChainedFields): string {
  const content = JSON.stringify(order.map((k) => fields[k]));
  return createHash('sha256').update(fields.prev_hash).update('\n').update(content).digest('hex');
}
