// The framework editor and the survey binding in Debian's Chromium against the real server
// (issue 6): load the bundled 部门整体支出 framework, add an indicator under 服务对象满意度 and see
// the sum warning beside it (and the server's 422 beside the same indicator when saved anyway),
// fix the points, save, and find the new indicator on the sheet; then bind 社会满意度指标 to the
// evaluation's survey (29 of 30 satisfied) from the sheet page and see 96.67 %. Screenshots go to
// test-artifacts/framework-*.png to be looked at.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/runtime.ts';
import { chromiumPath, hasChromium, screenshots } from './browser.ts';
import { openDesk, seedEvaluation, seedSurvey, type Desk } from './desk.ts';

const shot = screenshots('framework');

describe.skipIf(!hasChromium)(`the framework editor in Chromium (needs ${chromiumPath})`, () => {
  let server: RunningServer;
  let page: Page;
  let evaluationId = '';
  let d: Desk;

  beforeAll(async () => {
    d = await openDesk();
    ({ server, page } = d);

    // An evaluation with no framework yet and one survey: 29 of 30 satisfied.
    evaluationId = await seedEvaluation(d);
    await seedSurvey(d, evaluationId);
  }, 60_000);

  afterAll(async () => {
    await d?.close();
  });

  const node = (code: string) => page.locator(`[id="fw-node-${code}"]`);
  const ownWarning = (code: string) => node(code).locator(':scope > .sum-warning');

  test('load the bundled framework, add an indicator under 服务对象满意度: a sum warning beside it', async () => {
    await page.goto(`${server.url}/app/evaluations/${evaluationId}`);
    await page.getByRole('link', { name: '指标体系' }).click();
    await page.locator('h1', { hasText: '指标体系' }).waitFor();
    await page.getByRole('button', { name: '载入内置：部门整体支出绩效评价指标体系（附件1）' }).click();
    await expect.poll(() => page.locator('.fw-node').count()).toBeGreaterThan(40);
    expect(await page.locator('.fw-warn').count()).toBe(0);
    expect(await page.getByText('一级指标合计 100 分').count()).toBe(1);
    await shot(page, '00-loaded');

    await page.getByRole('button', { name: '3.2 服务对象满意度：添加下级' }).click();
    // Focus moved into the new indicator, so typing goes on there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('3.2.3：代码');
    await page.getByLabel('3.2.3：名称').fill('企业满意度');
    await expect.poll(() => ownWarning('3.2').innerText()).toBe('下级指标分值合计 9，与本级分值 8 不符');
    // Only 3.2 is off: its parent 3 still adds up (3.2's own points did not change).
    expect(await page.locator('.sum-warning').count()).toBe(1);
    // Keyboard: Enter on 上移 moves it above 3.2.2 and keeps focus on the same button; 下移 puts it back.
    await page.getByRole('button', { name: '3.2.3 企业满意度：上移' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => node('3.2').locator(':scope > ol > li').evaluateAll((els) => els.map((e) => e.id))).toEqual(['fw-node-3.2.1', 'fw-node-3.2.3', 'fw-node-3.2.2']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('3.2.3 企业满意度：上移');
    await page.getByRole('button', { name: '3.2.3 企业满意度：下移' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => node('3.2').locator(':scope > ol > li').evaluateAll((els) => els.map((e) => e.id))).toEqual(['fw-node-3.2.1', 'fw-node-3.2.2', 'fw-node-3.2.3']);
    // Indent under 3.2.2 makes that a parent (its rule set aside): two warnings now; outdent undoes it.
    await page.getByRole('button', { name: '3.2.3 企业满意度：降一级' }).click();
    await expect.poll(() => ownWarning('3.2.2').innerText()).toBe('下级指标分值合计 1，与本级分值 4 不符');
    await page.getByRole('button', { name: '3.2.3 企业满意度：升一级' }).click();
    await expect.poll(() => page.locator('.sum-warning').count()).toBe(1);
    expect(await page.getByLabel('3.2.2 区级机关考核综合评价：评分规则').inputValue()).toBe('grade');
    await page.getByLabel('3.2.3 企业满意度：评分规则').selectOption('grade');
    expect(await page.getByLabel('3.2.3 企业满意度：等级 1', { exact: true }).inputValue()).toBe('优秀');
    await node('3.2').scrollIntoViewIfNeeded();
    await shot(page, '01-sum-warning');
  });

  test('saved anyway, the server\'s 422 appears beside the indicator it names; fixed, it saves and the sheet shows it', async () => {
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => node('3.2').locator(':scope > .fw-issues').innerText()).toContain('下级指标分值合计 9，与本级分值 8 不符');
    await node('3.2').scrollIntoViewIfNeeded();
    await shot(page, '02-server-issue');

    await page.getByLabel('3.2.2 区级机关考核综合评价：分值').fill('3');
    await expect.poll(() => page.locator('.sum-warning').count()).toBe(0);
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => page.locator('.fw-note').innerText()).toContain('已保存为第 1 版');
    await page.locator('.fw-note').getByRole('link', { name: '查看评分表' }).click();
    const row = page.locator('[id="ind-3.2.3"]');
    await row.waitFor();
    expect(await row.locator('th').innerText()).toBe('企业满意度');
    expect(await page.locator('[id="ind-3.2.2"] td').nth(1).innerText()).toBe('3');
    expect(await page.locator('.meta').first().innerText()).toContain('第 1 版');
  });

  test('bind 社会满意度指标 to the survey from the sheet page: 96.67 %, n = 30; remove it again', async () => {
    const sat = page.locator('[id="sat-3.2.1"]');
    expect(await sat.innerText()).toContain('—');
    await sat.getByRole('checkbox').first().check();
    await sat.scrollIntoViewIfNeeded();
    await shot(page, '03-binding-form');
    await sat.getByRole('button', { name: '保存绑定' }).click();
    await expect.poll(() => sat.locator('p').first().innerText()).toContain('96.67%');
    expect(await sat.innerText()).toContain('n = 30');
    expect(await sat.innerText()).toContain('跨过 85.00%');
    expect(await page.locator('[id="ind-3.2.1"] .score .value').innerText()).toBe('4');
    await sat.scrollIntoViewIfNeeded();
    await shot(page, '04-bound');

    await sat.locator('summary').click();
    await sat.getByRole('button', { name: '解除绑定' }).click();
    await expect.poll(() => sat.locator('p').first().innerText()).not.toContain('96.67%');
    expect(d.errors).toEqual([]);
  });

  test('the grades of the total and an indicator\'s 评分标准 are edited, checked by the server and saved as the next version', async () => {
    await page.goto(`${server.url}/app/evaluations/${evaluationId}/framework`);
    await page.getByRole('button', { name: '从当前指标体系开始' }).click();
    await expect.poll(() => page.locator('.fw-node').count()).toBeGreaterThan(40);
    expect(await page.getByLabel('总分等级 1：等级').inputValue()).toBe('优');
    expect(await page.getByLabel('总分等级 1：最低总分').inputValue()).toBe('90');
    expect(await page.locator('.fw-grades .fw-row').count()).toBe(4);
    // 3.2.1 came with the bundled criteria; 3.2.3, added here, has none. Both start closed.
    expect(await node('3.2.1').locator(':scope > details > summary').innerText()).toBe('评分标准');
    const criteria = node('3.2.3').locator(':scope > details');
    expect(await criteria.locator('summary').innerText()).toBe('评分标准（未填写）');
    expect(await page.getByLabel('3.2.3 企业满意度：评分标准').isVisible()).toBe(false);
    await criteria.locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('3.2.3 企业满意度：评分标准').fill('企业满意度达到 85% 及以上得满分，每低 1 个百分点扣 0.2 分。');
    expect(await criteria.locator('summary').innerText()).toBe('评分标准');

    // 良 above 优: the server refuses it, and says so beside the grades, naming the grade.
    await page.getByLabel('总分等级 2：最低总分').fill('95');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => page.locator('.fw-grades .fw-issues').innerText()).toContain('grades[1].min：等级须按下限从高到低排列');
    await page.locator('.fw-grades').scrollIntoViewIfNeeded();
    await shot(page, '07-grades-refused');

    await page.getByLabel('总分等级 2：最低总分').fill('80');
    await page.getByLabel('总分等级 1：最低总分').fill('92');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await expect.poll(() => page.locator('.fw-note').innerText()).toContain('已保存为第 2 版');
    expect(await page.locator('.fw-grades .fw-issues').count()).toBe(0);

    // Stored as typed, read back through the API the page uses.
    type Stored = { code: string; criteria?: string; children?: Stored[] };
    const stored = await page.evaluate(async (id) => (await fetch(`/api/evaluations/${id}/framework`)).json(), evaluationId) as { version: number; framework: { grades: unknown[]; indicators: Stored[] } };
    const find = (list: Stored[], code: string): Stored | undefined => list.map((n) => (n.code === code ? n : find(n.children ?? [], code))).find(Boolean);
    expect(stored.version).toBe(2);
    expect(stored.framework.grades).toEqual([{ min: 92, label: '优' }, { min: 80, label: '良' }, { min: 60, label: '中' }, { min: 0, label: '差' }]);
    expect(find(stored.framework.indicators, '3.2.3')?.criteria).toBe('企业满意度达到 85% 及以上得满分，每低 1 个百分点扣 0.2 分。');
    expect(find(stored.framework.indicators, '3.2.1')?.criteria).toContain('满意度');

    // Started again from the current version, the editor shows both.
    await page.reload();
    await page.getByRole('button', { name: '从当前指标体系开始' }).click();
    await expect.poll(() => page.getByLabel('总分等级 1：最低总分').inputValue()).toBe('92');
    expect(await page.getByLabel('3.2.3 企业满意度：评分标准').inputValue()).toBe('企业满意度达到 85% 及以上得满分，每低 1 个百分点扣 0.2 分。');
    expect(d.errors).toEqual([]);
  });

  test('an XLSX laid out like 附件1, uploaded on the framework page, opens in the editor unsaved', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指标');
    ws.addRow(['一级指标', '二级指标', '三级指标', '分值', '规则']);
    ws.addRow(['社会效应', '服务对象满意度', '社会满意度指标', 4, 'satisfaction']);
    ws.addRow([null, null, '企业满意度', 4, '满意度']);
    ws.addRow(['可持续发展能力', null, null, 10, null]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.goto(`${server.url}/app/evaluations/${evaluationId}/framework`);
    await page.getByLabel('上传 JSON 或 XLSX').setInputFiles({ name: '自定义指标体系.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await expect.poll(() => page.locator('.fw-node').count()).toBe(5);
    expect(await page.getByLabel('1.1.2 企业满意度：评分规则').inputValue()).toBe('satisfaction');
    expect(await page.getByLabel('指标体系名称').inputValue()).toBe('自定义指标体系');
    expect(await page.locator('.fw-note').innerText()).toContain('已载入「自定义指标体系.xlsx」');
    expect(await page.getByText('一级指标合计 18 分').count()).toBe(1);
    await shot(page, '05-uploaded');
    // A JSON file is read in the page itself: the framework as stored, or wrapped as GET …/framework answers.
    const json = { framework: { name: 'JSON 指标体系', grades: [{ min: 0, label: '差' }], indicators: [{ code: 'A', name: '满意度', points: 10, rule: { kind: 'satisfaction', bands: [{ min: 0, factor: 1 }] } }] } };
    await page.getByLabel('上传 JSON 或 XLSX').setInputFiles({ name: 'fw.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
    await expect.poll(() => page.getByLabel('指标体系名称').inputValue()).toBe('JSON 指标体系');
    expect(await page.locator('.fw-node').count()).toBe(1);
    // English: every word of the editor has its English beside the Chinese.
    await page.getByRole('button', { name: '切换到英文界面' }).click();
    await page.locator('h1', { hasText: 'Indicator system' }).waitFor();
    expect(await page.getByLabel('A 满意度：Rule').inputValue()).toBe('satisfaction');
    expect(await page.getByRole('button', { name: 'Save as a new version' }).count()).toBe(1);
    expect(await page.locator('.fw-note').innerText()).toBe('Loaded “fw.json”: check it, then save.');
    await shot(page, '06-english');
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    expect(d.errors).toEqual([]);
  });

  test('at 360 px wide the editor wraps instead of scrolling sideways, down to the third level', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await page.goto(`${server.url}/app/evaluations/${evaluationId}/framework`);
      await page.getByRole('button', { name: '从当前指标体系开始' }).click();
      await expect.poll(() => page.locator('.fw-node').count()).toBeGreaterThan(40);
      const overflow = () => page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 361).map((e) => `${e.tagName}.${e.className}`));
      expect(await overflow()).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
      await shot(page, '08-narrow-top');
      await node('3.2.3').locator(':scope > details > summary').click();
      await node('3.2.3').scrollIntoViewIfNeeded();
      expect(await overflow()).toEqual([]);
      await shot(page, '09-narrow-criteria');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
