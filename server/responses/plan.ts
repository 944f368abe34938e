// Deciding a batch of responses, apart from any database: given what the transaction has read
// (each survey's chain head and status, which ids and tokens are already stored), which responses
// are stored, with which link of the chain, and what every caller is told. Both write paths (the
// portable Kysely one and SQLite's prepared statements) execute the plan this function makes.
import { responseHash, type ChainedFields } from './chain.ts';
import { CountSummer, type CountChanges, type IntrinsicFlag, type ResponseTally } from './counting.ts';

/**
 * A validated response on its way into the database. `answers` is already its stored JSON text;
 * `tally` is what it adds to the counts (server/responses/counting.ts), stored in the same
 * transaction, so the counts never disagree with the responses.
 */
export type PendingResponse = Omit<ChainedFields, 'seq' | 'prev_hash'> & { tally: ResponseTally };

export type WriteOutcome =
  | { status: 'created'; seq: number; hash: string }
  /** The same id was stored before: a retry, answered 200 and written again never. */
  | { status: 'duplicate' }
  | { status: 'token_used' }
  /** The id exists in another survey. */
  | { status: 'conflict' }
  /** The survey was closed (or never opened) by the time the transaction saw it. */
  | { status: 'not_open' };

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface BatchState {
  heads: Map<string, ChainHead>;
  /** Surveys whose status is `open`. */
  open: Set<string>;
  /** Ids of the batch already stored, with the survey each belongs to. */
  storedIds: Map<string, string>;
  /** Tokens of the batch already used. */
  usedTokens: Set<string>;
}

export type StoredRow = ChainedFields & { hash: string };

/** A quality flag stored with its response. */
export interface FlagRow {
  response_id: string;
  survey_id: string;
  flag: IntrinsicFlag;
}

export interface BatchPlan {
  outcomes: WriteOutcome[];
  rows: StoredRow[];
  /** The new head of every survey that got rows. */
  heads: Map<string, ChainHead>;
  /** What the stored rows add to the counts, summed per key. */
  counts: CountChanges;
  flags: FlagRow[];
}

export function planBatch(batch: readonly PendingResponse[], state: BatchState): BatchPlan {
  const heads = new Map(state.heads);
  const seenIds = new Map(state.storedIds);
  const seenTokens = new Set(state.usedTokens);
  const rows: StoredRow[] = [];
  const changed = new Map<string, ChainHead>();
  const counts = new CountSummer();
  const flags: FlagRow[] = [];
  const outcomes = batch.map((pending): WriteOutcome => {
    const owner = seenIds.get(pending.id);
    if (owner !== undefined) return owner === pending.survey_id ? { status: 'duplicate' } : { status: 'conflict' };
    if (!state.open.has(pending.survey_id)) return { status: 'not_open' };
    if (pending.token !== null && seenTokens.has(pending.token)) return { status: 'token_used' };
    const head = heads.get(pending.survey_id);
    if (!head) throw new Error(`survey ${pending.survey_id} has no chain head`);
    const { tally } = pending;
    const row = storedRow(pending, head);
    rows.push(row);
    // An ineligible response is received but not valid: in the accounting, never in the rates.
    if (tally.eligible) counts.add(pending, 'valid', 1, tally.items);
    else counts.add(pending, 'ineligible', 1);
    for (const flag of tally.flags) flags.push({ response_id: pending.id, survey_id: pending.survey_id, flag });
    const next = { seq: row.seq, hash: row.hash };
    heads.set(pending.survey_id, next);
    changed.set(pending.survey_id, next);
    seenIds.set(pending.id, pending.survey_id);
    if (pending.token !== null) seenTokens.add(pending.token);
    return { status: 'created', ...next };
  });
  return { outcomes, rows, heads: changed, counts: counts.changes(), flags };
}

/**
 * The row a pending response is stored as, the next link of its survey's chain. Built as one
 * literal rather than by spreading the pending response: three object spreads per response cost
 * the write thread as much as the hash.
 */
function storedRow(p: PendingResponse, head: ChainHead): StoredRow {
  const row: StoredRow = {
    id: p.id, survey_id: p.survey_id, seq: head.seq + 1, definition_version: p.definition_version, channel: p.channel,
    respondent_group: p.respondent_group, token: p.token, device: p.device, network: p.network, source: p.source,
    started_at: p.started_at, submitted_at: p.submitted_at, answers: p.answers, prev_hash: head.hash, hash: '',
  };
  row.hash = responseHash(row);
  return row;
}

/** The surveys, ids and tokens a batch touches: what a write path reads before planning. */
export function batchKeys(batch: readonly PendingResponse[]) {
  return {
    // Sorted, so two processes lock the chain heads of the same surveys in the same order.
    surveyIds: [...new Set(batch.map((r) => r.survey_id))].sort(),
    ids: [...new Set(batch.map((r) => r.id))],
    tokens: [...new Set(batch.flatMap((r) => (r.token === null ? [] : [r.token])))],
  };
}
