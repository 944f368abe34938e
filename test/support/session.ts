// A logged-in browser for app.request() tests: keeps the cookies the app sets and sends what a
// same-origin page would (Origin, JSON bodies).
import type { Hono } from 'hono';
import { expect } from 'vitest';
import { hashPassword } from '../../server/auth/passwords.ts';
import { createUser } from '../../server/db/users.ts';
import type { TestApp } from './app.ts';

export const ORIGIN = 'http://localhost';
export const ADMIN_PASSWORD = 'correct horse battery';

export class Browser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: Hono) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const init: RequestInit = { method, headers: { origin: ORIGIN, cookie: this.cookieHeader(), ...headers } };
    if (body instanceof FormData) {
      init.body = body;
    } else if (method !== 'GET' && method !== 'HEAD') {
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      if (body !== undefined) init.body = JSON.stringify(body);
    }
    const res = await this.app.request(path, init);
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', path, body ?? {}, headers);
  put = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('PUT', path, body ?? {}, headers);
  patch = (path: string, body?: unknown, headers?: Record<string, string>) => this.request('PATCH', path, body ?? {}, headers);
  delete = (path: string, headers?: Record<string, string>) => this.request('DELETE', path, undefined, headers);
}

/** A browser logged in as the user; fails the test when the login does. */
export async function loginAs(t: TestApp, username: string, password: string): Promise<Browser> {
  const browser = new Browser(t.app);
  const res = await browser.post('/api/auth/login', { username, password });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  return browser;
}

export const loginAdmin = (t: TestApp) => loginAs(t, 'admin', ADMIN_PASSWORD);

/** Adds a user straight to the database (as `manyidu user add` would) and logs them in. */
export async function evaluator(t: TestApp, username: string, password = `${username} password 123`): Promise<{ id: string; browser: Browser }> {
  const id = await createUser(t.db, { username, passwordHash: await hashPassword(password), role: 'evaluator', now: new Date().toISOString() });
  return { id, browser: await loginAs(t, username, password) };
}

/** Creates an evaluation as the browser's user and returns its id. */
export async function newEvaluation(browser: Browser, name = '临港区科技创新局2023年度部门整体支出绩效评价'): Promise<string> {
  const res = await browser.post('/api/evaluations', { name, unit: '威海临港区科技创新局', year: 2023 });
  if (res.status !== 201) throw new Error(`evaluation not created: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Creates a survey from the public template in the evaluation and returns id and slug. */
export async function newSurvey(browser: Browser, evaluationId: string, extra: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
  const res = await browser.post('/api/surveys', { evaluationId, template: 'public', ...extra });
  if (res.status !== 201) throw new Error(`survey not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; slug: string };
}

/** The admin logged in, with one draft survey from the public template in a new evaluation. */
export async function adminWithSurvey(t: TestApp, slug: string): Promise<{ admin: Browser; survey: { id: string; slug: string } }> {
  const admin = await loginAdmin(t);
  return { admin, survey: await newSurvey(admin, await newEvaluation(admin), { slug }) };
}

/** The admin logged in, with an evaluation and an open survey from the public template in it. */
export async function adminWithOpenSurvey(t: TestApp): Promise<{ admin: Browser; evaluationId: string; survey: { id: string; slug: string } }> {
  const admin = await loginAdmin(t);
  const evaluationId = await newEvaluation(admin);
  const survey = await newSurvey(admin, evaluationId);
  const opened = await admin.post(`/api/surveys/${survey.id}/open`);
  if (opened.status !== 200) throw new Error(`survey not opened: ${opened.status} ${await opened.text()}`);
  return { admin, evaluationId, survey };
}

/** The error of a refused request, after checking its status (422 unless said). */
export async function refused(res: Response, status = 422): Promise<{ code: string; message: string; issues: any[] }> {
  expect(res.status).toBe(status);
  return ((await res.json()) as { error: any }).error;
}
