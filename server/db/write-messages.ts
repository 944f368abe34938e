// What passes between the main thread and the SQLite write thread, and how the thread turns the
// batches waiting for it into one transaction.
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { IntrinsicFlag } from '../responses/counting.ts';
import type { PendingResponse, WriteOutcome } from '../responses/plan.ts';

/** What the main thread sends: a batch to write (encodeBatch), or the word to finish. */
export type BatchMessage = { id: number; batch: EncodedBatch } | 'close';
export type BatchToWrite = { id: number; batch: PendingResponse[] };

/**
 * A batch as one flat array of strings, numbers, booleans and nulls. postMessage copies an object
 * property by property and a response's tally holds an array per likert answer; copying them cost
 * the main thread ~5 µs and the write thread as much per response, the flat array a fraction.
 */
export type EncodedBatch = (string | number | boolean | null)[];

/** Each response: these fields in this order, then eligible, the flags and the items, each list after its length. */
const fields = [
  'id', 'survey_id', 'definition_version', 'channel', 'respondent_group', 'token', 'device', 'network', 'source',
  'started_at', 'submitted_at', 'answers',
] as const;

export function encodeBatch(batch: readonly PendingResponse[]): EncodedBatch {
  const out: EncodedBatch = [];
  for (const r of batch) {
    for (const f of fields) out.push(r[f]);
    const { eligible, flags, items } = r.tally;
    out.push(eligible, flags.length, ...flags, items.length);
    for (const [question, level] of items) out.push(question, level);
  }
  return out;
}

export function decodeBatch(flat: EncodedBatch): PendingResponse[] {
  const batch: PendingResponse[] = [];
  let i = 0;
  const next = () => flat[i++] as never;
  const tally = (): PendingResponse['tally'] => {
    const eligible = next() as boolean;
    const flags: IntrinsicFlag[] = [];
    for (let n = next() as number; n > 0; n--) flags.push(next());
    const items: [string, string][] = [];
    for (let n = next() as number; n > 0; n--) items.push([next(), next()]);
    return { eligible, flags, items };
  };
  // One literal, its properties read in the order of `fields` (a literal evaluates left to right).
  while (i < flat.length) {
    batch.push({
      id: next(), survey_id: next(), definition_version: next(), channel: next(), respondent_group: next(), token: next(),
      device: next(), network: next(), source: next(), started_at: next(), submitted_at: next(), answers: next(), tally: tally(),
    });
  }
  return batch;
}

/** What the thread answers for one transaction: the outcomes of each batch it held, or why it failed. */
export type WriteAnswer = { ids: number[]; outcomes: WriteOutcome[][] } | { ids: number[]; error: string };

/** The message that woke the thread and every one already waiting behind it on its port, in order. */
export function waitingMessages(port: MessagePort, first: BatchMessage): BatchMessage[] {
  const waiting = [first];
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) waiting.push(m.message as BatchMessage);
  return waiting;
}

/**
 * Writes every batch waiting for the thread in one transaction and splits the outcomes back by
 * batch: those are the responses that arrived during the last commit, and one fsync serves them
 * all, as it would one batch. A failed transaction fails every batch in it, and stores none.
 */
export function commitWaiting(write: (batch: PendingResponse[]) => WriteOutcome[], writes: readonly BatchToWrite[]): WriteAnswer {
  const ids = writes.map((w) => w.id);
  try {
    const outcomes = write(writes.length === 1 ? writes[0]!.batch : writes.flatMap((w) => w.batch));
    let at = 0;
    return { ids, outcomes: writes.map((w) => outcomes.slice(at, (at += w.batch.length))) };
  } catch (error) {
    return { ids, error: error instanceof Error ? error.message : String(error) };
  }
}
