// The evaluator app as an evaluator uses it, in Debian's Chromium against the real server and
// database: log in, an evaluation, a survey from the template, the editor's checks and preview,
// open, tokens, two questionnaires typed in with digits and Enter alone, close. Screenshots at
// 1280×800 and 360×740 go to test-artifacts/app-*.png to be looked at.
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { distDir, startServer, type RunningServer } from '../../server/runtime.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import { chromiumPath, hasChromium, launch, phone, tapOption, screenshots } from './browser.ts';
import { wjxCsv, wjxHeader, wjxQuestions } from '../support/wjx.ts';

const password = 'admin-password-for-tests';

const shot = screenshots('app');

describe.skipIf(!hasChromium)(`the evaluator app in Chromium (needs ${chromiumPath})`, () => {
  let server: RunningServer;
  let browser: Browser;
  let desk: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    server = await startServer({ databaseUrl: await freshDatabaseUrl(), port: 0, dist: distDir, adminPassword: password, demo: false });
    if (server.ctx.assets.app.scripts.length === 0) throw new Error('no built app: run npm run build first');
    browser = await launch();
    desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    page = await desk.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    // What the page's CSP refuses (eval, inline script) is no page error: the browser reports it
    // to the page itself, on every page loaded.
    await page.exposeFunction('reportCspViolation', (v: string) => errors.push(`CSP: ${v}`));
    await page.addInitScript(() => {
      addEventListener('securitypolicyviolation', (e) => (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on('dialog', (d) => void d.accept());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  let surveyUrl = '';

  test('log in: / leads to the login page, a wrong password is refused, the right one lands on the evaluations', async () => {
    await page.goto(server.url + '/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/app/login');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong password');
    await page.getByLabel('密码').press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('用户名或密码错误');
    await shot(page, '01-login-1280');
    await page.getByLabel('密码').fill(password);
    await page.getByLabel('密码').press('Enter');
    await expect.poll(() => page.locator('h1').innerText()).toBe('评价项目');
  });

  test('create an evaluation and, in it, a survey from the public template', async () => {
    await page.getByLabel('项目名称').fill('2023 年度部门整体支出绩效评价');
    await page.getByLabel('被评价单位').fill('威海临港区科技创新局');
    await page.getByLabel('年度').fill('2023');
    await page.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('2023 年度部门整体支出绩效评价');
    await expect.poll(() => page.getByText('还没有问卷。').isVisible()).toBe(true);
    await shot(page, '02-evaluation-1280', true);
    await page.getByLabel('社会公众满意度问卷（模板）').check();
    await page.getByLabel(/问卷链接标识/).fill('lingang-2023-public');
    await page.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toContain('临港区科技创新局 2023 年度工作满意度调查问卷');
    surveyUrl = new URL(page.url()).pathname;
    expect(surveyUrl).toMatch(/^\/app\/surveys\/[^/]+$/);
    await expect.poll(() => page.locator('.badge').first().innerText()).toBe('草稿');
  });

  test('the editor: a broken reference and broken JSON show as problems on their lines; a new label shows in the preview; saving makes version 2', async () => {
    const area = page.getByLabel('问卷定义（JSON）');
    const original = await area.inputValue();
    await expect.poll(() => page.locator('.phone').getByText('您对本区高层次人才服务工作是否满意？').count()).toBe(1);
    await shot(page, '03-editor-1280');

    // A question pointing at a scale that does not exist: the schema's reference check names it.
    const q3 = original.indexOf('"id": "q3"');
    const broken = original.slice(0, q3) + original.slice(q3).replace('"scale": "sat5"', '"scale": "sat9"');
    await area.fill(broken);
    const problems = page.locator('.issues li');
    await expect.poll(() => problems.count()).toBeGreaterThan(0);
    const first = await problems.first().innerText();
    expect(first).toMatch(/第 \d+ 行/);
    expect(first).toContain('题目 "q3" 的量表 "sat9" 不存在');
    await expect.poll(() => page.locator('.editor-preview .warn').isVisible()).toBe(true);
    await shot(page, '04-editor-problem-1280');
    // The problem's button puts the cursor on the line that says "sat9".
    await problems.first().getByRole('button').click();
    const selected = await area.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
    expect(selected).toContain('sat9');

    // Text that is not JSON: the problem is the syntax, on the line where it breaks.
    await area.fill(original.replace('"title": ', '"title" '));
    await expect.poll(() => problems.first().innerText()).toMatch(/第 3 行.*JSON/);

    // A label changed: the phone preview shows it once the text is valid again.
    await area.fill(original.replace('您对本区高层次人才服务工作是否满意？', '您对本区人才公寓服务是否满意？'));
    await expect.poll(() => page.locator('.phone').getByText('您对本区人才公寓服务是否满意？').count()).toBe(1);
    await expect.poll(() => page.locator('.issues .ok').isVisible()).toBe(true);
    await page.getByRole('button', { name: '保存定义' }).click();
    await expect.poll(() => page.getByText('已保存为第 2 版。').isVisible()).toBe(true);
    await shot(page, '05-editor-saved-1280');
  });

  test('open the survey, make 3 invitation tokens and see them unused; the poster', async () => {
    await page.getByRole('button', { name: '开放收集' }).click();
    await expect.poll(() => page.locator('.facts .badge').innerText()).toBe('收集中');
    await page.getByRole('link', { name: /发放/ }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('发放');
    await page.getByLabel('生成数量').fill('3');
    await page.getByRole('button', { name: '生成邀请码' }).click();
    const rows = page.locator('table.tokens tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    for (const text of await rows.allInnerTexts()) expect(text).toMatch(/\/s\/lingang-2023-public\?t=[\w-]{22}[\s\S]*未使用/);
    await expect.poll(() => page.getByText('共 3 个，已使用 0 个').isVisible()).toBe(true);
    await shot(page, '06-distribute-1280', true);

    await page.getByRole('link', { name: '打印海报' }).first().click();
    await expect.poll(() => page.locator('.poster-qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.locator('.poster-link').innerText()).toMatch(/\/s\/lingang-2023-public\?c=qr$/);
    await shot(page, '07-poster-1280');
    await page.emulateMedia({ media: 'print' });
    await shot(page, '08-poster-print');
    await page.emulateMedia({ media: 'screen' });
    // Printed on A4, the poster is one page.
    const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });

  test('a resident answers the opened survey on a phone-sized page, and the survey page counts it', async () => {
    const phoneContext = await phone(browser);
    const resident = await phoneContext.newPage();
    await resident.goto(server.url + '/s/lingang-2023-public');
    await expect.poll(() => resident.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    const answers: [string, string][] = [
      ['contact', '是'], ['identity', '个体工商户'], ['town', '苘山镇'], ['q1', '基本了解'], ['q2', '满意'], ['q3', '满意'],
      ['q4', '非常满意'], ['q5', '满意'], ['q6', '不了解'], ['q7', '满意'], ['overall', '满意'],
    ];
    for (const [id, label] of answers) await tapOption(resident, id, label);
    await resident.getByRole('button', { name: '提交' }).tap();
    await expect.poll(() => resident.getByRole('heading', { name: /提交成功/ }).isVisible()).toBe(true);
    await phoneContext.close();

    await page.goto(server.url + surveyUrl);
    await expect.poll(() => page.locator('body').innerText()).toMatch(/链接\D{0,8}1/);
    await server.ctx.writer.drain();
    const rows = await server.ctx.db.db.selectFrom('responses').select(['channel', 'answers']).execute();
    expect(rows.map((r) => r.channel)).toEqual(['link']);
    expect(JSON.parse(rows[0]!.answers)).toMatchObject({ town: 'qingshan', q6: 0 });
  });

  test('enter two questionnaires with digits and Enter alone, and see the count', async () => {
    await page.goto(server.url + surveyUrl + '/entry');
    await expect.poll(() => page.locator('h1').innerText()).toBe('录入问卷');
    // The first question has the focus: no mouse from here on.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-question]')?.getAttribute('data-question'))).toBe('contact');
    const keys = (digits: string[]) => digits.flatMap((d) => (d === '' ? ['Enter'] : [d, 'Enter']));
    // contact 是, identity 企业职工, town 汪疃镇, q1–q7, overall, suggestion left empty.
    for (const key of keys(['1', '1', '2', '4', '5', '4', '5', '3', '0', '4', '5', ''])) await page.keyboard.press(key);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('entry-summary-h');
    await shot(page, '09-entry-summary-1280');
    expect(await page.locator('.summary-list').innerText()).toContain('汪疃镇');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.count').innerText()).toContain('本次已录入 1 份');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-question]')?.getAttribute('data-question'))).toBe('contact');
    expect(await page.locator('input:checked[name^="eq-"]').count()).toBe(0);

    for (const key of keys(['1', '2', '1', '3', '4', '4', '4', '4', '4', '4', '4', ''])) await page.keyboard.press(key);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.count').innerText()).toContain('本次已录入 2 份');
    await shot(page, '10-entry-1280');

    await server.ctx.writer.drain();
    const stored = await server.ctx.db.db.selectFrom('responses').select(['channel', 'answers', 'source']).where('channel', '=', 'interview').orderBy('submitted_at').execute();
    expect(stored).toHaveLength(2);
    expect(stored.map((r) => r.channel)).toEqual(['interview', 'interview']);
    expect(JSON.parse(stored[0]!.answers)).toMatchObject({ contact: 'yes', q6: 0, overall: 5 });
    expect(stored[0]!.source).toBe('interviewer:admin');
  });

  test('import a 问卷星 export: columns pre-filled from the header, refused rows listed, an unknown text mapped, then imported', async () => {
    await page.goto(server.url + surveyUrl + '/import');
    await expect.poll(() => page.locator('h1').innerText()).toBe('导入外部数据');
    await page.getByLabel('文件（CSV 或 XLSX）').setInputFiles({ name: 'wjx.csv', mimeType: 'text/csv', buffer: Buffer.from(wjxCsv()) });
    await page.getByRole('button', { name: '读取文件' }).click();
    await expect.poll(() => page.locator('#col-1').inputValue()).toBe('submittedAt');
    expect(await page.locator('#col-2').inputValue()).toBe('duration');
    expect(await page.locator('#col-5').inputValue()).toBe('q:contact');
    expect(await page.locator('#col-0').inputValue()).toBe('skip');
    // The export's shortened question texts are matched by hand.
    for (const [n, id] of wjxQuestions.entries()) await page.locator(`#col-${n + 5}`).selectOption(`q:${id}`);
    await page.getByRole('button', { name: '预览' }).click();
    await expect.poll(() => page.getByText('共 7 行：可导入 3 行，拒绝 4 行。').isVisible()).toBe(true);
    const refused = page.locator('table.rejected tbody tr');
    expect(await refused.count()).toBe(4);
    expect(await refused.first().innerText()).toMatch(/^5\s+12、总体满意程度\s+很满意/);
    // 很满意 is suggested as 满意 (4); previewing again with it accepts row 5.
    expect(await page.getByLabel('很满意').inputValue()).toBe('4');
    await shot(page, '15-import-preview-1280', true);
    await page.getByRole('button', { name: '预览' }).last().click();
    await expect.poll(() => page.getByText('共 7 行：可导入 4 行，拒绝 3 行。').isVisible()).toBe(true);
    await page.getByRole('button', { name: '确认导入 4 行' }).click();
    await expect.poll(() => page.getByText('已导入 4 行（文件 wjx.csv）。').isVisible()).toBe(true);
    await server.ctx.writer.drain();
    const imported = await server.ctx.db.db.selectFrom('responses').select('id').where('channel', '=', 'import').execute();
    expect(imported).toHaveLength(4);
    expect(wjxHeader).toHaveLength(18);
  });

  test('at 360×740 the pages fit the screen', async () => {
    const context = await phone(browser);
    await context.addCookies(await desk.cookies());
    const small = await context.newPage();
    small.on('pageerror', (e) => errors.push(e.message));
    for (const [path, name] of [['/app/', '11-evaluations-360'], [surveyUrl, '12-survey-360'], [surveyUrl + '/distribute', '13-distribute-360'], [surveyUrl + '/entry', '14-entry-360']] as const) {
      await small.goto(server.url + path);
      await expect.poll(() => small.locator('h1').innerText()).not.toBe('正在加载…');
      await small.waitForLoadState('networkidle');
      await shot(small, name);
      expect(await small.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
    }
    await context.close();
    expect(errors).toEqual([]);
  });
  test('no script the Content-Security-Policy refuses ran on any page so far, the editor and its zod included', () => {
    expect(errors).toEqual([]);
  });
  test('close the survey', async () => {
    await page.goto(server.url + surveyUrl);
    await page.getByRole('button', { name: '结束收集' }).click();
    await expect.poll(() => page.locator('.facts .badge').innerText()).toBe('已结束');
    await expect.poll(() => page.getByRole('button', { name: '重新开放' }).isVisible()).toBe(true);
    expect(await page.locator('.list').innerText()).toContain('访谈');
  });

});
