// The main thread's side of the SQLite write thread: one message per batch, answered when the
// batch is committed (or failed).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compiled, packageRoot } from '../paths.ts';
import type { PendingResponse, WriteOutcome } from '../responses/plan.ts';

export interface WriteThread {
  write(batch: PendingResponse[]): Promise<WriteOutcome[]>;
  close(): Promise<void>;
}

/** Starts the thread and resolves once it has opened the database and prepared its statements. */
export async function startWriteThread(path: string): Promise<WriteThread> {
  // Compiled, the thread has its own bundle; from source it runs TypeScript through tsx, as the
  // rest of the process does.
  const worker = compiled
    ? new Worker(join(packageRoot, 'dist', 'server', 'db', 'sqlite-write-thread.js'), { workerData: { path } })
    : new Worker(join(packageRoot, 'server', 'db', 'ts-thread.mjs'), { workerData: { entry: pathToFileURL(join(packageRoot, 'server', 'db', 'sqlite-write-thread.ts')).href, path } });
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
