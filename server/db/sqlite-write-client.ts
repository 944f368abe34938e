// The main thread's side of the SQLite write thread: one message per batch, answered when the
// batch is committed (or failed). Batches may be sent while one is being committed; the thread
// writes all that are waiting in its next transaction and answers them together.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { compiled, packageRoot } from '../paths.ts';
import type { PendingResponse, WriteOutcome } from '../responses/plan.ts';
import { encodeBatch, type BatchMessage, type WriteAnswer } from './write-messages.ts';

export interface WriteThread {
  write(batch: PendingResponse[]): Promise<WriteOutcome[]>;
  /** Takes the answers of commits that have returned now, without waiting for the event loop. */
  collect(): void;
  close(): Promise<void>;
}

/** Starts the thread and resolves once it has opened the database and prepared its statements. */
export async function startWriteThread(path: string): Promise<WriteThread> {
  // Batches go, and answers come back, on ports of their own: the thread takes every batch waiting
  // on its port at once, and collect() takes the answers synchronously.
  const batches = new MessageChannel();
  const answers = new MessageChannel();
  const workerData = { path, batches: batches.port2, answers: answers.port2 };
  const options = { workerData, transferList: [batches.port2, answers.port2] };
  // Compiled, the thread has its own bundle; from source it runs TypeScript through tsx, as the
  // rest of the process does.
  const worker = compiled
    ? new Worker(join(packageRoot, 'dist', 'server', 'db', 'sqlite-write-thread.js'), options)
    : new Worker(join(packageRoot, 'server', 'db', 'ts-thread.mjs'), { ...options, workerData: { ...workerData, entry: pathToFileURL(join(packageRoot, 'server', 'db', 'sqlite-write-thread.ts')).href } });
  const waiting = new Map<number, { resolve: (o: WriteOutcome[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
    answers.port1.unref();
  };
  await new Promise<void>((resolve, reject) => {
    answers.port1.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the SQLite write thread exited (${code}) before it was ready`)));
  });
  const answered = (m: WriteAnswer) => {
    m.ids.forEach((id, i) => {
      const w = waiting.get(id);
      waiting.delete(id);
      if ('outcomes' in m) w?.resolve(m.outcomes[i]!);
      else w?.reject(new Error(`SQLite write failed: ${m.error}`));
    });
    if (waiting.size === 0) answers.port1.unref();
  };
  answers.port1.on('message', answered);
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the SQLite write thread exited (${code})`)));
  // They keep the process alive only while a batch is on its way.
  worker.unref();
  answers.port1.unref();
  batches.port1.unref();
  return {
    write(batch) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        const id = next++;
        if (waiting.size === 0) answers.port1.ref();
        waiting.set(id, { resolve, reject });
        batches.port1.postMessage({ id, batch: encodeBatch(batch) } satisfies BatchMessage);
      });
    },
    collect() {
      for (let m = receiveMessageOnPort(answers.port1); m; m = receiveMessageOnPort(answers.port1)) answered(m.message as WriteAnswer);
    },
    async close() {
      if (failure) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // Waiting for the thread to finish is now something the process must stay up for.
      worker.ref();
      batches.port1.postMessage('close' satisfies BatchMessage);
      await exited;
    },
  };
}
