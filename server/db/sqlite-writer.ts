// SQLite's write path for responses: the same plan as the portable one (server/db/responses.ts),
// executed with statements prepared once and a synchronous transaction. Kysely builds, compiles and
// prepares every query anew, which on this hot path cost more than the fsync it waits for.
import type BetterSqlite3 from 'better-sqlite3';
import { genesisHash } from '../responses/chain.ts';
import { upsertLevelCountSql, upsertResponseCountSql } from './counts.ts';
import { batchKeys, planBatch, type BatchState, type PendingResponse, type WriteOutcome } from '../responses/plan.ts';

/** The stored columns, in the order `insert` binds them (positionally: binding by name looks each one up in the row). */
const columns = [
  'id', 'survey_id', 'seq', 'definition_version', 'channel', 'respondent_group', 'token', 'device',
  'network', 'source', 'started_at', 'submitted_at', 'answers', 'prev_hash', 'hash',
] as const;

export function sqliteResponseWriter(sqlite: BetterSqlite3.Database): (batch: PendingResponse[]) => WriteOutcome[] {
  const q = {
    head: sqlite.prepare<[string], { seq: number; hash: string }>('SELECT seq, hash FROM chain_heads WHERE survey_id = ?'),
    startHead: sqlite.prepare('INSERT INTO chain_heads (survey_id, seq, hash) VALUES (?, 0, ?) ON CONFLICT (survey_id) DO NOTHING'),
    isOpen: sqlite.prepare<[string], { ok: number }>("SELECT 1 AS ok FROM surveys WHERE id = ? AND status = 'open'"),
    surveyOf: sqlite.prepare<[string], { survey_id: string }>('SELECT survey_id FROM responses WHERE id = ?'),
    tokenUsed: sqlite.prepare<[string], { ok: number }>('SELECT 1 AS ok FROM responses WHERE token = ?'),
    insert: sqlite.prepare(`INSERT INTO responses (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`),
    moveHead: sqlite.prepare('UPDATE chain_heads SET seq = ?, hash = ? WHERE survey_id = ?'),
    levelCount: sqlite.prepare(upsertLevelCountSql),
    responseCount: sqlite.prepare(upsertResponseCountSql),
    flag: sqlite.prepare('INSERT INTO response_flags (response_id, survey_id, flag) VALUES (?, ?, ?)'),
  };

  const write = sqlite.transaction((batch: PendingResponse[]): WriteOutcome[] => {
    const keys = batchKeys(batch);
    const state: BatchState = { heads: new Map(), open: new Set(), storedIds: new Map(), usedTokens: new Set() };
    for (const surveyId of keys.surveyIds) {
      let head = q.head.get(surveyId);
      if (!head) {
        q.startHead.run(surveyId, genesisHash(surveyId));
        head = q.head.get(surveyId)!;
      }
      state.heads.set(surveyId, { seq: Number(head.seq), hash: head.hash });
      if (q.isOpen.get(surveyId)) state.open.add(surveyId);
    }
    for (const id of keys.ids) {
      const row = q.surveyOf.get(id);
      if (row) state.storedIds.set(id, row.survey_id);
    }
    for (const token of keys.tokens) if (q.tokenUsed.get(token)) state.usedTokens.add(token);
    const plan = planBatch(batch, state);
    for (const r of plan.rows) {
      q.insert.run(r.id, r.survey_id, r.seq, r.definition_version, r.channel, r.respondent_group, r.token, r.device, r.network, r.source, r.started_at, r.submitted_at, r.answers, r.prev_hash, r.hash);
    }
    for (const [surveyId, head] of plan.heads) q.moveHead.run(head.seq, head.hash, surveyId);
    // The batch's counts, one upsert per key, in the transaction of the rows they count.
    for (const c of plan.counts.levels) q.levelCount.run(c.survey_id, c.respondent_group, c.channel, c.definition_version, c.question_id, c.level, c.n);
    for (const c of plan.counts.responses) q.responseCount.run(c.survey_id, c.respondent_group, c.channel, c.status, c.n);
    for (const f of plan.flags) q.flag.run(f.response_id, f.survey_id, f.flag);
    return plan.outcomes;
  });

  // IMMEDIATE takes the write lock at BEGIN, so another process on the file waits rather than
  // failing half-way through with SQLITE_BUSY.
  return (batch) => write.immediate(batch);
}
