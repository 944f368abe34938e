// The per-survey hash chain: each response's hash covers its content and the previous hash, so a
// changed, removed or reordered response shows up as a broken link in every later export.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth: one text per value, whatever order it was built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** The hash a survey's chain starts from, before its first response. */
export function genesisHash(surveyId: string): string {
  return createHash('sha256').update(`manyidu:${surveyId}`).digest('hex');
}

/** What the hash of a response covers: every stored field but the hash itself. */
export interface ChainedFields {
  id: string;
  survey_id: string;
  seq: number;
  definition_version: number;
  channel: string;
  respondent_group: string;
  token: string | null;
  device: string | null;
  network: string | null;
  source: string | null;
  started_at: string | null;
  submitted_at: string;
  answers: string;
  prev_hash: string;
}

export function responseHash(fields: ChainedFields): string {
  const { prev_hash, ...content } = fields;
  return createHash('sha256').update(prev_hash).update('\n').update(canonicalJson(content)).digest('hex');
}
