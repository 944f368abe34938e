// A tablet in a service hall (issue 4's kiosk, on the respondent side): one person after another
// answers in the same browser; after each, the page thanks them and clears itself for the next.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { distDir, startServer, type RunningServer } from '../../server/runtime.ts';
import { addSource, setKioskKey } from '../../server/db/sources.ts';
import { findSurveyBySlug } from '../../server/db/surveys.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import { chromiumPath, hasChromium, launch, phone, shot, tapOption } from './browser.ts';

const KEY = 'HallTwoTablet_0123';
const answers: [string, string][] = [
  ['contact', '是'], ['identity', '企业职工'], ['town', '草庙子镇'], ['q1', '了解'], ['q2', '满意'], ['q3', '非常满意'],
  ['q4', '满意'], ['q5', '满意'], ['q6', '基本满意'], ['q7', '满意'], ['overall', '满意'],
];

describe.skipIf(!hasChromium)(`a kiosk in Chromium (needs ${chromiumPath})`, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    server = await startServer({ databaseUrl: await freshDatabaseUrl(), port: 0, dist: distDir });
    const survey = (await findSurveyBySlug(server.ctx.db.db, 'demo'))!;
    await addSource(server.ctx.db.db, { survey_id: survey.id, code: 'hall-2', label: '政务服务大厅二楼', kiosk_key: null, created_at: new Date().toISOString() });
    await setKioskKey(server.ctx.db.db, survey.id, 'hall-2', KEY);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('two people answer one after the other; the page clears itself in between', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/s/demo?kiosk=${KEY}`);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    const firstId = await page.locator('input[name="id"]').inputValue();
    for (const [id, label] of answers) await tapOption(page, id, label);
    await page.getByRole('button', { name: '提交' }).tap();
    await expect.poll(() => page.getByRole('heading', { name: /提交成功/ }).isVisible()).toBe(true);
    await shot(page, 'kiosk-thanks');

    // The next person taps the button (the page would also go by itself after a pause).
    await page.getByRole('link', { name: '请下一位填写' }).tap();
    await expect.poll(() => page.locator('input[name="id"]').count()).toBe(1);
    const secondId = await page.locator('input[name="id"]').inputValue();
    expect(secondId).not.toBe(firstId);
    // A fresh, empty questionnaire: nothing of the previous person's answers is left.
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(0);
    for (const [id, label] of answers) await tapOption(page, id, label);
    await page.getByRole('button', { name: '提交' }).tap();
    await expect.poll(() => page.getByRole('heading', { name: /提交成功/ }).isVisible()).toBe(true);

    await server.ctx.writer.drain();
    const rows = await server.ctx.db.db.selectFrom('responses').select(['id', 'channel', 'source']).orderBy('seq').execute();
    expect(rows).toEqual([
      { id: firstId, channel: 'kiosk', source: 'hall-2' },
      { id: secondId, channel: 'kiosk', source: 'hall-2' },
    ]);
    await context.close();
  });
});
