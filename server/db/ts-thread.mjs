// Starts a worker thread on a TypeScript module: the thread registers tsx for itself (loader
// hooks of the main thread do not reach workers), then loads the module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
