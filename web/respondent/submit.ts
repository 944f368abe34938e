// Sending a response until it goes through. The body, and with it the response id, is fixed
// before the first attempt, so every retry is the same request and the server stores it once
// (DESIGN §6: the same id again answers 200 and stores nothing).
import type { AnswerIssue } from '../../surveys/index.ts';

export type Outcome =
  | { kind: 'stored' }
  | { kind: 'invalid'; issues: AnswerIssue[] }
  /** Final refusals: 404 no survey, 409 answered already, 410 closed, or anything unexpected. */
  | { kind: 'refused'; status: number };

export interface SendOptions {
  url: string;
  body: string;
  /** Called before each wait for a retry, with the attempt that failed (0 = the first). */
  onRetry: (attempt: number) => void;
  fetch?: typeof globalThis.fetch;
  wait?: (ms: number) => Promise<void>;
  /** Per attempt: a request stuck on a dead connection is abandoned and retried. */
  timeoutMs?: number;
}

export function responsesUrl(slug: string): string {
  return `/api/public/surveys/${encodeURIComponent(slug)}/responses`;
}

/** 1 s, 2 s, 4 s … up to 30 s, spread ±25 % so phones that lost the same network don't return in step. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** attempt);
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Waits `ms`, or less if the browser comes back online: retrying then is what the respondent expects. */
export function waitOrOnline(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    addEventListener('online', done);
  });
}

const transient = (status: number) => status === 429 || status >= 500;

/**
 * A 500 is the server failing on this very request, which it will do again: after this many in a
 * row (about half a minute of retries) the page stops and says so; the draft keeps the answers.
 * A lost connection, 429 and a proxy's 502–504 (a server restarting) are retried for as long as
 * it takes.
 */
export const maxServerFaults = 5;

export async function sendResponse(options: SendOptions): Promise<Outcome> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const wait = options.wait ?? waitOrOnline;
  let faults = 0;
  for (let attempt = 0; ; attempt++) {
    const response = await attemptOnce(doFetch, options);
    if (response && !transient(response.status)) return outcomeOf(response);
    faults = response?.status === 500 ? faults + 1 : 0;
    if (faults >= maxServerFaults) return { kind: 'refused', status: 500 };
    options.onRetry(attempt);
    await wait(backoff(attempt));
  }
}

async function attemptOnce(doFetch: typeof globalThis.fetch, options: SendOptions): Promise<Response | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 20_000);
  try {
    return await doFetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: options.body,
      credentials: 'same-origin',
      signal: controller.signal,
    });
  } catch {
    // Offline, reset, aborted by the timeout: all worth another try with the same id.
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

async function outcomeOf(response: Response): Promise<Outcome> {
  if (response.status === 200 || response.status === 201) return { kind: 'stored' };
  if (response.status === 422) {
    const issues = await readIssues(response);
    if (issues.length > 0) return { kind: 'invalid', issues };
  }
  return { kind: 'refused', status: response.status };
}

async function readIssues(response: Response): Promise<AnswerIssue[]> {
  try {
    const body = (await response.json()) as { error?: { issues?: unknown } };
    const issues = body.error?.issues;
    return Array.isArray(issues) ? issues.filter(isIssue) : [];
  } catch {
    return [];
  }
}

function isIssue(value: unknown): value is AnswerIssue {
  const v = value as Partial<AnswerIssue> | null;
  return typeof v === 'object' && v !== null && typeof v.question === 'string' &&
    typeof v.code === 'string' && typeof v.message === 'string';
}
