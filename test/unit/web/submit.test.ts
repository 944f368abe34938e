import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { backoff, responsesUrl, sendResponse, waitOrOnline } from '../../../web/respondent/submit.ts';

type Step = number | 'network' | { status: number; body: unknown };

/** A fetch that plays a script of outcomes and records every request it was given. */
function scripted(steps: Step[]) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    const step = steps.shift();
    if (step === undefined) throw new Error('more requests than scripted');
    if (step === 'network') throw new TypeError('Failed to fetch');
    const { status, body } = typeof step === 'number' ? { status: step, body: {} } : step;
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const noWait = async () => {};

describe('sendResponse', () => {
  const body = JSON.stringify({ id: 'r-1', answers: { q1: 5 } });

  test('retries network errors, 5xx and 429 with the identical body until stored', async () => {
    const { fetch, requests } = scripted(['network', 503, 429, 'network', 201]);
    const retries: number[] = [];
    const outcome = await sendResponse({ url: '/u', body, fetch, wait: noWait, onRetry: (n) => retries.push(n) });
    expect(outcome).toEqual({ kind: 'stored' });
    expect(retries).toEqual([0, 1, 2, 3]);
    expect(requests).toHaveLength(5);
    for (const { url, init } of requests) {
      expect(url).toBe('/u');
      expect(init.method).toBe('POST');
      expect(init.body).toBe(body);
      expect(init.headers).toEqual({ 'content-type': 'application/json' });
    }
  });

  test('gives up after five 500s in a row, the server failing on this request; other failures reset the count', async () => {
    const { fetch, requests } = scripted([500, 500, 500, 500, 500]);
    expect(await sendResponse({ url: '/u', body, fetch, wait: noWait, onRetry: () => {} })).toEqual({ kind: 'refused', status: 500 });
    expect(requests).toHaveLength(5);
    const mixed = scripted([500, 500, 500, 500, 503, 500, 500, 'network', 500, 201]);
    expect(await sendResponse({ url: '/u', body, fetch: mixed.fetch, wait: noWait, onRetry: () => {} })).toEqual({ kind: 'stored' });
  });

  test('200 (the same id seen before) counts as stored', async () => {
    const { fetch } = scripted([200]);
    expect(await sendResponse({ url: '/u', body, fetch, wait: noWait, onRetry: () => {} })).toEqual({ kind: 'stored' });
  });

  test('422 hands back the issues', async () => {
    const issues = [{ question: 'q1', code: 'required', message: 'q1: required' }];
    const { fetch } = scripted([{ status: 422, body: { error: { code: 'invalid_answers', message: 'x', issues: [...issues, 'junk'] } } }]);
    expect(await sendResponse({ url: '/u', body, fetch, wait: noWait, onRetry: () => {} })).toEqual({ kind: 'invalid', issues });
  });

  test.each([404, 409, 410, 413, 415, 400])('%i is final, not retried', async (status) => {
    const { fetch, requests } = scripted([status]);
    expect(await sendResponse({ url: '/u', body, fetch, wait: noWait, onRetry: () => {} })).toEqual({ kind: 'refused', status });
    expect(requests).toHaveLength(1);
  });

  test('a 422 without issues is refused rather than shown as nothing', async () => {
    const { fetch } = scripted([{ status: 422, body: 'not json at all' }]);
    expect(await sendResponse({ url: '/u', body, fetch, wait: noWait, onRetry: () => {} })).toEqual({ kind: 'refused', status: 422 });
  });

  test('a request that hangs is abandoned and retried', async () => {
    let calls = 0;
    const fetch = ((_url: string, init: RequestInit) => {
      calls++;
      if (calls === 2) return Promise.resolve(new Response('{}', { status: 201 }));
      return new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    }) as typeof globalThis.fetch;
    const outcome = await sendResponse({ url: '/u', body, fetch, wait: noWait, onRetry: () => {}, timeoutMs: 20 });
    expect(outcome).toEqual({ kind: 'stored' });
    expect(calls).toBe(2);
  });
});

test('backoff doubles from 1 s to at most 30 s, with ±25 % spread', () => {
  expect([0, 1, 2, 3, 4, 5, 10].map((n) => backoff(n, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  expect(backoff(0, () => 0)).toBe(750);
  expect(backoff(0, () => 1)).toBe(1250);
});

test('the responses URL of DESIGN §6', () => {
  expect(responsesUrl('demo')).toBe('/api/public/surveys/demo/responses');
});

describe('waitOrOnline', () => {
  // Node has no window events; stand in an EventTarget for the browser's global one.
  const target = new EventTarget();
  const g = globalThis as unknown as Record<string, unknown>;
  beforeEach(() => {
    g.addEventListener = target.addEventListener.bind(target);
    g.removeEventListener = target.removeEventListener.bind(target);
  });
  afterEach(() => {
    delete g.addEventListener;
    delete g.removeEventListener;
    vi.useRealTimers();
  });

  test('ends early when the browser comes back online', async () => {
    vi.useFakeTimers();
    let done = false;
    const wait = waitOrOnline(30_000).then(() => { done = true; });
    await vi.advanceTimersByTimeAsync(1000);
    expect(done).toBe(false);
    target.dispatchEvent(new Event('online'));
    await wait;
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('otherwise after the delay, and stops listening', async () => {
    vi.useFakeTimers();
    let done = false;
    const wait = waitOrOnline(2000).then(() => { done = true; });
    await vi.advanceTimersByTimeAsync(1999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await wait;
    expect(done).toBe(true);
    const spy = vi.fn();
    target.addEventListener('online', spy);
    target.dispatchEvent(new Event('online'));
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
