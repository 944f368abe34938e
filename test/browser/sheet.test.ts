// The score sheet page in Debian's Chromium against the real server (issue 6): the seed's
// evaluation (bundled framework, 附件2 inputs, 29 of 30 satisfied bound to 社会满意度指标) shows
// 84.6 良; a manual score edited in its row moves the total; a score that disagrees with its rule
// shows a finding; a score above the points is refused with the server's words. Screenshots go
// to test-artifacts/sheet-*.png to be looked at.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bundledExampleInputs } from '../../scoring/index.ts';
import type { RunningServer } from '../../server/runtime.ts';
import { chromiumPath, hasChromium, screenshots } from './browser.ts';
import { openDesk, seedEvaluation, seedSurvey, type Desk } from './desk.ts';

const shot = screenshots('sheet');

describe.skipIf(!hasChromium)(`the score sheet in Chromium (needs ${chromiumPath})`, () => {
  let server: RunningServer;
  let page: Page;
  let evaluationId = '';
  let d: Desk;

  beforeAll(async () => {
    d = await openDesk();
    ({ server, page } = d);

    // The seed's evaluation, set up through the API with the page's session.
    evaluationId = await seedEvaluation(d);
    await d.call('PUT', `/api/evaluations/${evaluationId}/framework`, { framework: 'department-overall' });
    const { ['3.2.1']: _bound, ...inputs } = bundledExampleInputs['department-overall'] as Record<string, unknown>;
    await d.call('PUT', `/api/evaluations/${evaluationId}/inputs`, inputs);
    const survey = await seedSurvey(d, evaluationId);
    await d.call('PUT', `/api/evaluations/${evaluationId}/bindings/3.2.1`, { surveys: [{ surveyId: survey.id }], metric: 'overall', combine: 'bySample' });
  }, 60_000);

  afterAll(async () => {
    await d?.close();
  });

  const total = () => page.locator('#sheet-total').innerText();
  const grade = () => page.locator('#sheet-grade').innerText();
  const row = (code: string) => page.locator(`[id="ind-${code}"]`);

  test('the seed evaluation: total 84.6, 良; 社会满意度指标 96.67 % bound, 4 of 4, band not yet certain', async () => {
    await page.goto(`${server.url}/app/evaluations/${evaluationId}`);
    await page.getByRole('link', { name: '评分表' }).click();
    await expect.poll(total).toBe('84.6');
    expect(await grade()).toBe('良');
    expect(await row('3.2.1').locator('.score .value').innerText()).toBe('4');
    expect(await row('2').locator('td').nth(3).innerText()).toBe('80.00%');
    const sat = page.locator('[id="sat-3.2.1"]');
    expect(await sat.innerText()).toContain('96.67%');
    expect(await sat.innerText()).toContain('n = 30');
    expect(await sat.innerText()).toContain('跨过 85.00%');
    expect(await sat.locator('.neighbours li').allTextContents()).toEqual(['若满意度落入下一档（≥ 80.00%）：得分 3.2，总分 83.8，良']);
    // The seed's own audit finding (预算执行 deducts 2 where its rule allows 1) is shown.
    expect(await row('2.3.2').locator('.findings li').count()).toBeGreaterThan(0);
    await shot(page, '01-seed-1280');
    await shot(page, '01-seed-full', true);
  });

  test('edit a manual score inline: 目标设置合理性 3.2 → 4 moves the total to 85.4', async () => {
    await row('1.1.1').getByRole('button', { name: '修改得分：目标设置合理性' }).click();
    await page.getByLabel('目标设置合理性 的得分').fill('4');
    await page.getByLabel('目标设置合理性 的扣分原因').fill('复核后：部分指标设置不准确，扣 1 分。');
    await shot(page, '02-editing-1280');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(total).toBe('85.4');
    expect(await grade()).toBe('良');
    expect(await row('1.1.1').locator('.score .value').innerText()).toBe('4');
    expect(await row('1.1').locator('.score .value').innerText()).toBe('8');
    expect(await row('1.1.1').innerText()).toContain('复核后：部分指标设置不准确');
  });

  test('a score above its points is refused in the server\'s words, and nothing changes', async () => {
    await row('1.1.2').getByRole('button', { name: '修改得分：目标管理有效性' }).click();
    await page.getByLabel('目标管理有效性 的得分').fill('6');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => row('1.1.2').getByRole('alert').innerText()).toContain('超过分值 5');
    await shot(page, '03-refused-1280');
    await row('1.1.2').getByRole('button', { name: '取消' }).click();
    expect(await total()).toBe('85.4');
  });

  test('a score that disagrees with its rule shows a finding: 区级机关考核 graded 优秀 (4) entered as 3', async () => {
    expect(await row('3.2.2').locator('.findings li').count()).toBe(0);
    await row('3.2.2').getByRole('button', { name: '修改得分：区级机关考核综合评价' }).click();
    await page.getByLabel('区级机关考核综合评价 的得分').fill('3');
    await page.getByLabel('区级机关考核综合评价 的扣分原因').fill('考核材料不完整，酌情扣 1 分。');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(total).toBe('84.4');
    expect(await grade()).toBe('良');
    // Two findings: the rule gives 优秀 the full 4 points, and the report's stated 100 % no longer holds.
    await expect.poll(() => row('3.2.2').locator('.findings li').count()).toBe(2);
    expect(await row('3.2.2').locator('.findings').innerText()).toContain('优秀');
    await row('3.2.2').scrollIntoViewIfNeeded();
    await shot(page, '04-finding-1280');
    expect(d.errors).toEqual([]);
  });
});
