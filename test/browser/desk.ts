// An evaluator at a desk browser, logged in, against the real server on a fresh database: the
// setting of the evaluator-app browser tests (sheet, framework, results).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { distDir, startServer, type RunningServer } from '../../server/runtime.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import { satisfiedAnswers } from '../support/app.ts';
import { launch } from './browser.ts';

export const adminPassword = 'admin-password-for-tests';

export interface Desk {
  server: RunningServer;
  browser: Browser;
  desk: BrowserContext;
  page: Page;
  /** Errors the page threw, to assert there were none. */
  errors: string[];
  /** The API through the page's own session, as a same-origin page would call it. */
  call(method: 'POST' | 'PUT', path: string, data: unknown): Promise<any>;
  close(): Promise<void>;
}

export async function openDesk(viewport = { width: 1280, height: 900 }): Promise<Desk> {
  mkdirSync('test-artifacts', { recursive: true });
  const server = await startServer({ databaseUrl: await freshDatabaseUrl(), port: 0, dist: distDir, adminPassword, demo: false });
  if (server.ctx.assets.app.scripts.length === 0) throw new Error('no built app: run npm run build first');
  const browser = await launch();
  const desk = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await desk.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(server.url + '/app/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(adminPassword);
  await page.getByLabel('密码').press('Enter');
  await page.locator('h1', { hasText: '评价项目' }).waitFor();

  return {
    server, browser, desk, page, errors,
    async call(method, path, data) {
      const res = await desk.request.fetch(server.url + path, { method, data, headers: { origin: server.url, 'content-type': 'application/json' } });
      if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
      return res.json();
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** An evaluation named as the seed's: 威海临港区科技创新局, 2023. */
export async function seedEvaluation(d: Desk): Promise<string> {
  return (await d.call('POST', '/api/evaluations', { name: '2023 年度部门整体支出绩效评价', unit: '威海临港区科技创新局', year: 2023 })).id;
}

/** The seed's survey in the evaluation, open, with 30 interviews of which 29 satisfied overall (96.67 %). */
export async function seedSurvey(d: Desk, evaluationId: string): Promise<{ id: string; slug: string }> {
  const survey = await d.call('POST', '/api/surveys', { evaluationId, template: 'public' });
  await d.call('POST', `/api/surveys/${survey.id}/open`, {});
  for (let i = 0; i < 30; i++) {
    await d.call('POST', `/api/surveys/${survey.id}/responses`, { id: randomUUID(), channel: 'interview', answers: satisfiedAnswers({ overall: i < 29 ? 5 : 3 }) });
  }
  return survey;
}
