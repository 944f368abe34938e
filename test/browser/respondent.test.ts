// The questionnaire as a resident meets it: a phone at 360×740 in Debian's Chromium, against the
// real server and database. Screenshots go to test-artifacts/ to be looked at.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { distDir, startServer, type RunningServer } from '../../server/runtime.ts';
import { pageWeight } from '../bench/page-weight.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import { createTokens, findSurveyBySlug } from '../../server/db/surveys.ts';
import { chromiumPath, hasChromium, launch, phone, question, shot, tapOption } from './browser.ts';

if (!hasChromium) {
  console.warn(`Browser tests skipped: no Chromium at ${chromiumPath} (Debian: apt-get install chromium).`);
}

const satisfied: [string, string][] = [
  ['contact', '是'], ['identity', '企业职工'], ['town', '汪疃镇'], ['q1', '了解'],
  ['q2', '满意'], ['q3', '非常满意'], ['q4', '满意'], ['q5', '基本满意'], ['q6', '不了解'], ['q7', '满意'],
  ['overall', '满意'],
];

describe.skipIf(!hasChromium)(`the respondent page in Chromium at 360×740 (needs ${chromiumPath})`, () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    server = await startServer({ databaseUrl: await freshDatabaseUrl(), port: 0, dist: distDir });
    if (server.ctx.assets.respondent.scripts.length === 0) throw new Error('no built page: run npm run build first');
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function rows(id: string) {
    await server.ctx.writer.drain();
    return server.ctx.db.db.selectFrom('responses').selectAll().where('id', '=', id).execute();
  }

  async function open(page: Page, path = '/s/demo') {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(server.url + path);
    expect(response?.status()).toBe(200);
    return errors;
  }

  const responseId = (page: Page) => page.locator('input[name="id"]').inputValue();

  async function answerAll(page: Page, answers = satisfied) {
    for (const [id, label] of answers) await tapOption(page, id, label);
  }

  test('fill by taps, the follow-up after 不满意, submit, thank-you, the row', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    const errors = await open(page);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    await shot(page, '01-top');

    // Hydration keeps the server's text as it is (no doubled "1. .").
    await expect.poll(() => question(page, 'contact').locator('legend').innerText()).toMatch(/^1\. 过去一年/);
    // Tap targets: every option row at least 44 px high and as wide as the question box.
    const rowsBox = await question(page, 'q2').locator('label.mny-o').evaluateAll((labels) =>
      labels.map((l) => l.getBoundingClientRect()).map((r) => ({ h: r.height, w: r.width })));
    for (const r of rowsBox) expect(r.h).toBeGreaterThanOrEqual(44);
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const why = question(page, 'q2-why');
    expect(await why.isVisible()).toBe(false);
    for (const [id, label] of satisfied.slice(0, 4)) await tapOption(page, id, label);
    await tapOption(page, 'q2', '不满意');
    await expect.poll(() => why.isVisible()).toBe(true);
    await why.locator('textarea').tap();
    await why.locator('textarea').fill('窗口办事要跑<三趟>');
    await why.scrollIntoViewIfNeeded();
    await shot(page, '02-follow-up');
    // Changing the answer hides it again; changing back brings the text back.
    await tapOption(page, 'q2', '满意');
    await expect.poll(() => why.isVisible()).toBe(false);
    await tapOption(page, 'q2', '非常不满意');
    await expect.poll(() => why.isVisible()).toBe(true);
    expect(await why.locator('textarea').inputValue()).toBe('窗口办事要跑<三趟>');

    await answerAll(page, satisfied.slice(5));
    await expect(page.locator('.mny-prog [aria-hidden]').innerText()).resolves.toBe('已答 11/11');
    const id = await responseId(page);
    await page.locator('button.mny-btn').tap();
    await page.getByRole('heading', { name: '提交成功，感谢您的参与！' }).waitFor();
    await shot(page, '03-thanks');
    expect(page.url()).toBe(`${server.url}/s/demo`); // no form navigation

    const [row, ...more] = await rows(id);
    expect(more).toHaveLength(0);
    expect(JSON.parse(row!.answers)).toEqual({
      contact: 'yes', identity: 'employee', town: 'wangtuan', q1: 4, q2: 1, 'q2-why': '窗口办事要跑<三趟>',
      q3: 5, q4: 4, q5: 3, q6: 0, q7: 4, overall: 4,
    });
    expect(row!.channel).toBe('link');
    // The draft is gone once stored.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mny:')))).toEqual([]);
    // The other language of the thank-you is the thank-you, not "already answered".
    await Promise.all([page.waitForURL('**/s/demo/thanks?lang=en'), page.getByRole('link', { name: 'English' }).tap()]);
    await page.getByRole('heading', { name: 'Submitted. Thank you for taking part!' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a reload halfway brings back the answers and the same response id', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await open(page);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    const id = await responseId(page);
    for (const [qid, label] of satisfied.slice(0, 4)) await tapOption(page, qid, label);
    await tapOption(page, 'q3', '不满意');
    await question(page, 'q3-why').locator('textarea').fill('等候时间长');

    await page.reload();
    await expect.poll(() => question(page, 'q3-why').isVisible()).toBe(true);
    expect(await responseId(page)).toBe(id);
    expect(await question(page, 'town').getByRole('radio', { name: '汪疃镇' }).isChecked()).toBe(true);
    expect(await question(page, 'q3').getByRole('radio', { name: '不满意', exact: true }).isChecked()).toBe(true);
    expect(await question(page, 'q3-why').locator('textarea').inputValue()).toBe('等候时间长');
    await question(page, 'q3-why').scrollIntoViewIfNeeded();
    await shot(page, '04-draft-restored');

    await answerAll(page, satisfied.filter(([qid]) => qid !== 'q3' && !['contact', 'identity', 'town', 'q1'].includes(qid)));
    await page.locator('button.mny-btn').tap();
    await page.getByRole('heading', { name: '提交成功，感谢您的参与！' }).waitFor();
    const stored = await rows(id);
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]!.answers)['q3-why']).toBe('等候时间长');
    await context.close();
  });

  test('the connection drops at submit: retried with the same id, stored exactly once', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await open(page);
    await answerAll(page);
    const id = await responseId(page);

    const sent: string[] = [];
    let attempt = 0;
    await page.route('**/api/public/surveys/demo/responses', async (route) => {
      sent.push((route.request().postDataJSON() as { id: string }).id);
      attempt++;
      if (attempt === 1) {
        // The request reaches the server and is stored, but the answer is lost on the way back.
        await route.fetch();
        return route.abort('internetdisconnected');
      }
      if (attempt === 2) return route.abort('connectionreset');
      return route.continue();
    });
    // A double tap sends one response, not two.
    await page.locator('button.mny-btn').tap();
    await page.locator('button.mny-btn').tap({ force: true }).catch(() => {});
    await page.getByText('网络不稳定，正在重试…').waitFor();
    await shot(page, '05-retrying');
    await page.getByRole('heading', { name: '提交成功，感谢您的参与！' }).waitFor({ timeout: 15_000 });

    expect(sent.length).toBe(3);
    expect(new Set(sent)).toEqual(new Set([id]));
    expect(await rows(id)).toHaveLength(1);
    await context.close();
  });

  test('offline at submit: the page waits for the connection and sends as soon as it is back', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await open(page);
    await answerAll(page);
    const id = await responseId(page);
    await context.setOffline(true);
    await page.locator('button.mny-btn').tap();
    await page.getByText('网络不稳定，正在重试…').waitFor();
    // Long enough for the backoff to reach several seconds between attempts.
    await page.waitForTimeout(3500);
    expect(await rows(id)).toHaveLength(0);
    const back = Date.now();
    await context.setOffline(false);
    await page.getByRole('heading', { name: '提交成功，感谢您的参与！' }).waitFor();
    // The `online` event cut the wait short: the next scheduled attempt was seconds away.
    expect(Date.now() - back).toBeLessThan(2000);
    expect(await rows(id)).toHaveLength(1);
    await context.close();
  });

  test('a company invitation link answers once; the second visit is refused politely', async () => {
    const token = 'inv-7Kq2mZ9xW4pL';
    const survey = await findSurveyBySlug(server.ctx.db.db, 'demo');
    await createTokens(server.ctx.db.db, survey!.id, [{ token, label: '威海某科技有限公司' }], new Date().toISOString());
    const context = await phone(browser);
    const page = await context.newPage();
    await open(page, `/s/demo?t=${token}`);
    expect(await page.locator('input[name="t"]').inputValue()).toBe(token);
    await answerAll(page);
    const id = await responseId(page);
    await page.locator('button.mny-btn').tap();
    await page.getByRole('heading', { name: '提交成功，感谢您的参与！' }).waitFor();
    const [row] = await rows(id);
    expect(row!.token).toBe(token);
    expect(row!.channel).toBe('token');

    // Another browser with the same link (a colleague forwarded it).
    const other = await (await phone(browser)).newPage();
    const again = await other.goto(`${server.url}/s/demo?t=${token}`);
    expect(again?.status()).toBe(409);
    await other.getByRole('heading', { name: '您已提交过本问卷，感谢参与' }).waitFor();
    await shot(other, '14-token-used');
    await other.context().close();
    await context.close();
  });

  test('a question left out near the end is brought into view whole, below the progress bar', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await open(page);
    await answerAll(page, satisfied.filter(([qid]) => qid !== 'overall'));
    await page.locator('button.mny-btn').tap();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('overall');
    const bar = await page.locator('.mny-bar').boundingBox();
    const legend = await question(page, 'overall').locator('legend').boundingBox();
    const message = await question(page, 'overall').locator('.mny-err').boundingBox();
    expect(legend!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
    expect(message!.y + message!.height).toBeLessThanOrEqual(740);
    await shot(page, '06-required-last');
    await context.close();
  });

  test('answers the server refuses are shown beside their question, with focus on the first', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await open(page);
    // The page's own check: a required question left out.
    await answerAll(page, satisfied.filter(([qid]) => qid !== 'town'));
    await page.locator('button.mny-btn').tap();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('town');
    expect(await question(page, 'town').locator('.mny-err').innerText()).toBe('请回答此题。');
    await shot(page, '06-required');
    await tapOption(page, 'town', '汪疃镇');
    expect(await question(page, 'town').locator('.mny-err').count()).toBe(0);

    // The server's check: an out-of-scale code slipped into the request.
    await page.route('**/api/public/surveys/demo/responses', (route) => {
      const body = route.request().postDataJSON() as { answers: Record<string, unknown> };
      body.answers.q4 = 9;
      return route.continue({ postData: JSON.stringify(body) });
    });
    await page.locator('button.mny-btn').tap();
    await question(page, 'q4').locator('.mny-err').waitFor();
    expect(await question(page, 'q4').locator('.mny-err').innerText()).toBe('请从给出的选项中选择。');
    expect(await page.locator('.mny-summary a').innerText()).toBe('第 7 题：请从给出的选项中选择。');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q4');
    await shot(page, '07-server-issue');
    await context.close();
  });

  test('an ineligible screener answer ends the questionnaire', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await open(page);
    // Submitted empty first: every required question is listed, the later ones too.
    await page.locator('button.mny-btn').tap();
    await page.locator('.mny-summary').waitFor();
    expect(await page.locator('.mny-summary li').count()).toBeGreaterThan(5);
    await tapOption(page, 'contact', '否');
    await page.getByText('根据您的回答，您无需继续作答，可直接提交。').waitFor();
    expect(await question(page, 'identity').isVisible()).toBe(false);
    // The questions the answer took away take their problems with them.
    expect(await page.locator('.mny-summary').count()).toBe(0);
    expect(await page.locator('.mny-err:visible').count()).toBe(0);
    await shot(page, '08-screened-out');
    const id = await responseId(page);
    await page.locator('button.mny-btn').tap();
    await page.getByRole('heading', { name: '提交成功，感谢您的参与！' }).waitFor();
    expect(JSON.parse((await rows(id))[0]!.answers)).toEqual({ contact: 'no' });
    await context.close();
  });

  test('the English switch keeps the answers and the response id', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await open(page);
    const id = await responseId(page);
    await tapOption(page, 'contact', '是');
    await Promise.all([page.waitForURL('**/s/demo?c=link&lang=en'), page.getByRole('link', { name: 'English' }).tap()]);
    await page.getByRole('button', { name: 'Submit' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => question(page, 'contact').getByRole('radio', { name: '是' }).isChecked()).toBe(true);
    expect(await responseId(page)).toBe(id);
    await expect(page.locator('.mny-prog [aria-hidden]').innerText()).resolves.toBe('1 of 11 answered');
    // The survey's own text stays Chinese and says so, for a screen reader's voice; the page's
    // words inside a question (the required mark, the hints) stay English.
    const langOf = (selector: string) => page.locator(selector).first().evaluate((el) => (el.closest('[lang]') as HTMLElement).lang);
    expect(await langOf('h1')).toBe('zh-CN');
    expect(await langOf('#q-q1 legend')).toBe('zh-CN');
    expect(await langOf('#q-q1 .mny-o span')).toBe('zh-CN');
    expect(await langOf('#q-q1 .mny-sr')).toBe('en');
    expect(await langOf('#q-q2-why .mny-hint')).toBe('en');
    await shot(page, '09-english');
    // The longer English progress text still leaves the bar on screen at 280 px.
    await page.setViewportSize({ width: 280, height: 640 });
    const bar = (await page.locator('.mny-bar progress').boundingBox())!;
    const link = (await page.locator('.mny-bar .mny-lang').boundingBox())!;
    expect(bar.x).toBeGreaterThanOrEqual(0);
    expect(bar.width).toBeGreaterThan(0);
    expect(link.x + link.width).toBeLessThanOrEqual(280);
    await shot(page, '09-english-280');
    await page.setViewportSize({ width: 360, height: 740 });
    await Promise.all([page.waitForURL('**lang=zh'), page.getByRole('link', { name: '中文' }).tap()]);
    await page.getByRole('button', { name: '提交' }).waitFor();
    // In Chinese the page's own language covers everything: no attribute is repeated inside it.
    expect(await page.locator('main [lang]').count()).toBe(0);
    await context.close();
  });

  test('nothing moves when the script arrives: the server HTML already hides what the script would', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/assets/*.js', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`${server.url}/s/demo`, { waitUntil: 'commit' });
    await question(page, 'suggestion').waitFor({ state: 'attached' });
    // Measured once the stylesheet is in (a browser paints nothing before it): before that, a
    // forced layout shows what the CSS hides, and on a busy machine the check could come first.
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((l) => l.sheet !== null));
    const place = () => page.evaluate(() => ['q3', 'overall', 'suggestion'].map((id) => document.getElementById(`q-${id}`)!.getBoundingClientRect().top));
    const before = await place();
    expect(await question(page, 'q2-why').isVisible()).toBe(false);
    release();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    expect(await place()).toEqual(before);
    await context.close();
  });

  test('keyboard: a visible focus ring, in page order, skipping hidden follow-ups', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await open(page);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.name || el?.textContent || '';
      }));
    }
    expect(order).toEqual(['English', 'contact', 'identity', 'town', 'q1', 'q2', 'q3']);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement!.closest('label')!).outlineStyle);
    expect(ring).toBe('solid');
    await shot(page, '13-keyboard-focus');
    await context.close();
  });

  test('the whole page, HTML + CSS + JS gzipped, stays within the 20 KB of DESIGN §8', async () => {
    const weight = await pageWeight(`${server.url}/s/demo`);
    console.info(`respondent page: HTML ${weight.html} B + CSS ${weight.css} B + JS ${weight.js} B = ${weight.total} B gzipped`);
    expect(weight.js).toBeGreaterThan(0);
    expect(weight.css).toBeGreaterThan(0);
    expect(weight.total).toBeLessThanOrEqual(20 * 1024);
  });

  describe('with JavaScript off (an in-app browser)', () => {
    test('every question shows, with hints; a refused post comes back with its messages; then it goes through', async () => {
      const context = await phone(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await open(page);
      expect(await question(page, 'q2-why').isVisible()).toBe(true);
      expect(await question(page, 'q2-why').locator('.mny-hint').innerText()).toBe('（仅在上题选择“不满意”或“非常不满意”时填写）');
      await shot(page, '10-nojs-top');
      const id = await responseId(page);

      await answerAll(page, satisfied.filter(([qid]) => qid !== 'overall'));
      await tapOption(page, 'q5', '非常不满意');
      await question(page, 'q5-why').locator('textarea').fill('电话打不通');
      await question(page, 'q3-why').locator('textarea').fill('不适用的题也写了');
      await Promise.all([page.waitForLoadState(), page.locator('button.mny-btn').tap()]);
      await page.locator('.mny-summary').waitFor();
      expect(await page.locator('.mny-summary a').innerText()).toBe('第 11 题：请回答此题。');
      expect(await page.locator('.mny-summary a').getAttribute('href')).toBe('#q-overall');
      expect(await question(page, 'overall').locator('.mny-err').innerText()).toBe('请回答此题。');
      expect(await question(page, 'q5').getByRole('radio', { name: '非常不满意' }).isChecked()).toBe(true);
      expect(await responseId(page)).toBe(id);
      await shot(page, '11-nojs-issues');

      await tapOption(page, 'overall', '非常满意');
      await Promise.all([page.waitForURL('**/s/demo/thanks**'), page.locator('button.mny-btn').tap()]);
      await page.getByRole('heading', { name: '提交成功，感谢您的参与！' }).waitFor();
      await shot(page, '12-nojs-thanks');
      const stored = await rows(id);
      expect(stored).toHaveLength(1);
      const answers = JSON.parse(stored[0]!.answers);
      expect(answers['q5-why']).toBe('电话打不通');
      // The follow-up of a satisfied answer is dropped by the server, as the hint said.
      expect(answers).not.toHaveProperty('q3-why');
      expect(answers.overall).toBe(5);
      await context.close();
    });

    test('the English switch is a plain link', async () => {
      const context = await phone(browser, { javaScriptEnabled: false });
      const page = await context.newPage();
      await open(page);
      await Promise.all([page.waitForURL('**lang=en'), page.getByRole('link', { name: 'English' }).tap()]);
      await page.getByRole('button', { name: 'Submit' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.locator('input[name="lang"]').inputValue()).toBe('en');
      await context.close();
    });
  });
});
