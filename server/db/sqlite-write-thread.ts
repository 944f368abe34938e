// The SQLite write path on a thread of its own: the transaction and its fsync run here, so the
// main thread goes on reading and validating requests meanwhile, and the next batch is ready
// when this one is durable. It has its own connection to the same file (WAL lets readers go on).
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { configureSqlite } from './sqlite-pragmas.ts';
import { sqliteResponseWriter } from './sqlite-writer.ts';
import type { PendingResponse } from '../responses/plan.ts';

const { path, answers } = workerData as { path: string; answers: MessagePort };
const sqlite = new SQLite(path);
configureSqlite(sqlite);
const write = sqliteResponseWriter(sqlite);

parentPort!.on('message', (message: { id: number; batch: PendingResponse[] } | 'close') => {
  if (message === 'close') {
    sqlite.close();
    process.exit(0);
  }
  try {
    answers.postMessage({ id: message.id, outcomes: write(message.batch) });
  } catch (error) {
    answers.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort!.postMessage('ready');
