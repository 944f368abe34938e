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

/**
 * More requests than any connection sends in a second, here: the bodies of a POST load are made
 * before it starts, this many per connection and second.
 */
const bodiesPerConnectionSecond = 600;

export async function load(opts: {
  url: string;
  seconds: number;
  connections: number;
  method?: 'GET' | 'POST';
  /** A fresh body for each request (a new response id each time). */
  body?: () => string;
}): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  const method = opts.method ?? 'GET';
  const headers = opts.body ? { 'content-type': 'application/json' } : {};
  // Every request of a POST load has a body of its own, made and encoded before the load starts:
  // autocannon's setupRequest rebuilt each request as it went, ~30 µs of the client's CPU per
  // request on the two cores it shares with the server. The bodies go round the connections in
  // turn, so the ids the server receives at any moment are about as ordered as the pages' would be.
  const perConnection = opts.body ? Math.ceil((opts.seconds + 1) * bodiesPerConnectionSecond) : 0;
  const bodies: string[][] = Array.from({ length: opts.body ? opts.connections : 0 }, () => []);
  for (let i = 0; i < perConnection * bodies.length; i++) bodies[i % bodies.length]!.push(opts.body!());
  let next = 0;
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [{ method, headers }],
    ...(opts.body
      ? { setupClient: (client: { setRequests: (r: object[]) => void }) => client.setRequests(bodies[next++]!.map((body) => ({ method, headers, body }))) }
      : {}),
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
