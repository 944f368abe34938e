// The main thread's side of the SQLite write thread: one message per batch, answered when the
// batch is committed (or failed).
import { Worker } from 'node:worker_threads';
import type { PendingResponse, WriteOutcome } from '../responses/plan.ts';

export interface WriteThread {
  write(batch: PendingResponse[]): Promise<WriteOutcome[]>;
  close(): Promise<void>;
}

/** Starts the thread and resolves once it has opened the database and prepared its statements. */
export async function startWriteThread(path: string): Promise<WriteThread> {
  // The thread runs TypeScript like the rest of the process, through tsx.
  const entry = new URL('./sqlite-write-thread.ts', import.meta.url).href;
  const worker = new Worker(new URL('./ts-thread.mjs', import.meta.url), { workerData: { entry, path } });
  const waiting = new Map<number, { resolve: (o: WriteOutcome[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  worker.on('message', (m: { id: number; outcomes?: WriteOutcome[]; error?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (waiting.size === 0) worker.unref();
    if (m.outcomes) w?.resolve(m.outcomes);
    else w?.reject(new Error(`SQLite write failed: ${m.error}`));
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the SQLite write thread exited (${code})`)));
  // It keeps the process alive only while a batch is on its way.
  worker.unref();
  return {
    write(batch) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const id = next++;
        if (waiting.size === 0) worker.ref();
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, batch });
      });
    },
    async close() {
      if (failure) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // Waiting for the thread to finish is now something the process must stay up for.
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
