// What passes between the main thread and the SQLite write thread, and how the thread turns the
// batches waiting for it into one transaction.
import type { PendingResponse, WriteOutcome } from '../responses/plan.ts';

/** What the main thread sends: a batch to write, or the word to finish. */
export type BatchMessage = BatchToWrite | 'close';
export type BatchToWrite = { id: number; batch: PendingResponse[] };

/** What the thread answers for one transaction: the outcomes of each batch it held, or why it failed. */
export type WriteAnswer = { ids: number[]; outcomes: WriteOutcome[][] } | { ids: number[]; error: string };

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
