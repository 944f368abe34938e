// The SQLite write path on a thread of its own: the transaction and its fsync run here, so the
// main thread goes on reading and validating requests meanwhile, and the next batch is ready
// when this one is durable. It has its own connection to the same file (WAL lets readers go on).
import { workerData, type MessagePort } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { configureSqlite } from './sqlite-pragmas.ts';
import { sqliteResponseWriter } from './sqlite-writer.ts';
import { commitWaiting, decodeBatch, waitingMessages, type BatchMessage } from './write-messages.ts';

const { path, batches, answers } = workerData as { path: string; batches: MessagePort; answers: MessagePort };
const sqlite = new SQLite(path);
configureSqlite(sqlite);
const write = sqliteResponseWriter(sqlite);

// Every batch waiting when the thread is free goes into one transaction (write-messages.ts).
batches.on('message', (first: BatchMessage) => {
  const waiting = waitingMessages(batches, first);
  const writes = waiting.flatMap((m) => (m === 'close' ? [] : [{ id: m.id, batch: decodeBatch(m.batch) }]));
  if (writes.length > 0) answers.postMessage(commitWaiting(write, writes));
  if (waiting.includes('close')) {
    sqlite.close();
    process.exit(0);
  }
});
answers.postMessage('ready');
