// Load from this process against a server in another, on loopback only; bounded in time.
import autocannon from 'autocannon';
import { newResponseId } from '../../server/responses/ids.ts';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
}

export async function load(opts: {
  url: string;
  seconds: number;
  connections: number;
  method?: 'GET' | 'POST';
  /** A fresh body for each request (a new response id each time). */
  body?: () => string;
}): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [
      {
        method: opts.method ?? 'GET',
        headers: opts.body ? { 'content-type': 'application/json' } : {},
        ...(opts.body ? { setupRequest: (req: object) => ({ ...req, body: opts.body!() }) } : {}),
      },
    ],
  });
  // Without a callback autocannon returns its instance, an emitter that is also a promise.
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / opts.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  };
}

/** A fresh submission each time, with an id as the page gets one from the server (version 7). */
export const responseBody = (answers: Record<string, unknown>) => () => JSON.stringify({ id: newResponseId(), answers });
