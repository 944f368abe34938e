// The results page in Debian's Chromium against the real server (issue 5): a survey with
// responses posted through the public JSON route shows its overall rate and the item chart; a
// new response moves the figures without a reload; a straight-lining response is excluded from
// the flagged list with a reason (the rate rises) and restored (it falls back); the open answers
// are searched and shown as text; any response, flagged or not, is listed (全部答卷, paged),
// opened by its number, excluded and restored; times are Beijing time in a browser on another
// clock. Screenshots at 1280×800 and 360×740 go to test-artifacts/results-*.png to be looked at.
import { readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../server/runtime.ts';
import { chromiumPath, hasChromium, phone, tapOption, screenshots } from './browser.ts';
import { shanghaiTime } from '../../server/exports/time.ts';
import { openDesk, type Desk } from './desk.ts';


const shot = screenshots('results');

/** A satisfied resident's answers, different for each i so no two make a burst of identical sets. */
function answers(i: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const bit = (b: number) => ((i >> b) & 1 ? 4 : 5);
  return { contact: 'yes', identity: 'employee', town: 'caomiaozi', q1: bit(0), q2: bit(1), q3: 4, q4: bit(2), q5: bit(3), q6: 5, q7: bit(4), overall: 5, ...extra };
}

describe.skipIf(!hasChromium)(`the results page in Chromium (needs ${chromiumPath})`, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let surveyId = '';
  let slug = '';
  let d: Desk;


  /** A respondent's submission through the public JSON route, as the questionnaire page sends it. */
  async function respond(a: Record<string, unknown>): Promise<void> {
    const startedAt = new Date(Date.now() - 120_000).toISOString();
    const res = await fetch(`${server.url}/api/public/surveys/${slug}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ id: randomUUID(), answers: a, startedAt, channel: 'link' }),
    });
    if (res.status !== 201) throw new Error(`respond: ${res.status} ${await res.text()}`);
  }

  beforeAll(async () => {
    d = await openDesk({ width: 1280, height: 800 });
    ({ server, browser, page } = d);

    const evaluation = await d.call('POST', '/api/evaluations', { name: '2023 年度部门整体支出绩效评价', unit: '威海临港区科技创新局', year: 2023 });
    const survey = await d.call('POST', '/api/surveys', { evaluationId: evaluation.id, template: 'public', slug: 'lingang-results' });
    surveyId = survey.id;
    slug = survey.slug;
    await d.call('POST', `/api/surveys/${surveyId}/open`, {});
    // Nine satisfied, one of them with a reason for 不满意 on q2 and two with suggestions (one
    // trying markup), and one answering 基本满意 to everything: straight-lining, so flagged.
    for (let i = 0; i < 9; i++) {
      const extra: Record<string, unknown> =
        i === 0 ? { q2: 2, 'q2-why': '窗口排队时间太长' }
        : i === 1 ? { suggestion: '希望增加停车位' }
        : i === 2 ? { suggestion: '<script>window.pwned = 1</script>办事效率很高' }
        : {};
      await respond(answers(i, extra));
    }
    await respond({ contact: 'yes', identity: 'employee', town: 'caomiaozi', q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 3, q7: 3, overall: 3 });
  }, 60_000);

  afterAll(async () => {
    await d?.close();
  });

  const overall = () => page.locator('#overall-rate').innerText();
  const received = () => page.locator('#acc-received').innerText();

  test('from the survey page to its results: accounting, overall rate with its band, the method, the item chart', async () => {
    await page.goto(`${server.url}/app/surveys/${surveyId}`);
    await page.getByRole('link', { name: '调查结果' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/app/surveys/${surveyId}/results`);
    // 9 of 10 answered 非常满意 to the overall question.
    await expect.poll(overall).toBe('90.00%');
    expect(await received()).toBe('10');
    expect(await page.locator('#acc-valid').innerText()).toBe('10');
    expect(await page.locator('#overall-band').innerText()).toMatch(/≥ 85% 可能性高，但区间跨越 85%[、\d%]*：再收集约 \d+ 份可确定/);
    expect(await page.locator('#method').innerText()).toContain('满意率：非常满意、满意 占作答');
    expect(await page.locator('#method').innerText()).toContain('不了解不计入基数');
    // q1: 5 of the first nine had 非常满意 or 满意 and the tenth 基本满意: 90.00 % with n 10.
    const q1 = page.locator('#item-rates tr[data-id="q1"]');
    expect(await q1.locator('.rate').innerText()).toBe('90.00%');
    // The chart: drawn as SVG by ECharts, with the scale's labels in its legend and the items on its axis.
    const chart = page.locator('.results-chart svg');
    await expect.poll(() => chart.count()).toBe(1);
    const svgText = await chart.evaluate((el) => el.textContent ?? '');
    for (const label of ['非常满意', '满意', '基本满意', '不满意', '非常不满意', '不了解']) expect(svgText).toContain(label);
    expect(await chart.locator('path').count()).toBeGreaterThan(20);
    await shot(page, '01-page-1280');
    await shot(page, '02-page-1280-full', true);
  });

  test('the chart downloads as SVG and as PNG', async () => {
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 SVG' }).click()]);
    expect(svg.suggestedFilename()).toBe('lingang-results-图1.svg');
    const svgFile = readFileSync((await svg.path())!, 'utf8');
    writeFileSync('test-artifacts/results-chart.svg', svgFile);
    expect(svgFile).toMatch(/^<svg/);
    expect(svgFile).toContain('非常满意');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 PNG' }).click()]);
    expect(png.suggestedFilename()).toBe('lingang-results-图1.png');
    const pngFile = readFileSync((await png.path())!);
    writeFileSync('test-artifacts/results-chart.png', pngFile);
    expect(pngFile.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(pngFile.length).toBeGreaterThan(5000);
  });

  test('a resident submits on a phone-sized page: the results update without a reload; excluding it puts them back', async () => {
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const phoneContext = await phone(browser);
    const resident = await phoneContext.newPage();
    await resident.goto(`${server.url}/s/${slug}`);
    await expect.poll(() => resident.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
    const taps: [string, string][] = [
      ['contact', '是'], ['identity', '求职者'], ['town', '汪疃镇'], ['q1', '非常了解'], ['q2', '满意'], ['q3', '非常满意'],
      ['q4', '满意'], ['q5', '非常满意'], ['q6', '满意'], ['q7', '非常满意'], ['overall', '非常满意'],
    ];
    for (const [id, label] of taps) await tapOption(resident, id, label);
    await resident.getByRole('button', { name: '提交' }).tap();
    await expect.poll(() => resident.getByRole('heading', { name: /提交成功/ }).isVisible()).toBe(true);
    await phoneContext.close();

    await expect.poll(received, { timeout: 10_000 }).toBe('11');
    expect(await overall()).toBe('90.91%');
    // The same document: nothing reloaded it.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

    // Answered in seconds, it is flagged as too fast: exclude it, and the figures are as before.
    const row = page.locator('#review-list tbody tr', { hasText: '用时过短' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: '查看' }).click();
    const view = page.locator('#response-view');
    await expect.poll(() => view.locator('.results-answers').innerText()).toContain('求职者');
    await view.getByLabel('原因').fill('现场测试时代填，非真实受访者');
    await view.getByRole('button', { name: '剔除' }).click();
    await expect.poll(overall).toBe('90.00%');
    expect(await page.locator('#acc-valid').innerText()).toBe('10');
    await view.getByLabel('原因').fill('核实为真实受访者本人填写');
    await view.getByRole('button', { name: '恢复' }).click();
    await expect.poll(overall).toBe('90.91%');
    expect(await page.locator('#acc-valid').innerText()).toBe('11');
    await row.getByRole('button', { name: '查看' }).click();
  });

  test('the straight-lining response: open it from the flagged list, exclude it with a reason, restore it', async () => {
    const row = page.locator('#review-list tbody tr', { hasText: '全部同一选项' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('button', { name: '查看' }).click();
    const view = page.locator('#response-view');
    await expect.poll(() => view.locator('.results-answers').innerText()).toContain('基本满意');
    await view.getByLabel('原因').fill('全部选“基本满意”，用时正常但作答无区分');
    await view.getByRole('button', { name: '剔除' }).click();
    await expect.poll(overall).toBe('100.00%');
    expect(await page.locator('#acc-valid').innerText()).toBe('10');
    expect(await page.locator('#invalid').innerText()).toMatch(/已剔除\s+1/);
    await expect.poll(() => view.locator('#exclusion-history').innerText()).toContain('admin');
    expect(await view.locator('#exclusion-history').innerText()).toContain('全部选“基本满意”');
    await expect.poll(() => row.innerText()).toContain('已剔除');
    await shot(page, '03-excluded-1280');

    await view.getByLabel('原因').fill('复核后认为是真实意见');
    await view.getByRole('button', { name: '恢复' }).click();
    await expect.poll(overall).toBe('90.91%');
    expect(await page.locator('#acc-valid').innerText()).toBe('11');
    await expect.poll(() => view.locator('#exclusion-history li').count()).toBe(2);
    await expect.poll(() => row.innerText()).toContain('计入');
  });

  test('open answers: grouped by question, searchable, markup shown as text', async () => {
    const texts = page.locator('.results-texts');
    await expect.poll(() => texts.filter({ hasText: '窗口排队时间太长' }).count()).toBe(1);
    // The reason follows q2 and says so; follow-ups nobody answered are not listed.
    expect(await texts.filter({ hasText: '窗口排队时间太长' }).innerText()).toContain('追问：');
    expect(await texts.count()).toBe(2);
    expect(await page.locator('.results-texts li', { hasText: '<script>window.pwned = 1</script>办事效率很高' }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.getByLabel('搜索开放题回答').fill('停车');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect.poll(() => page.locator('.results-texts li').count()).toBe(1);
    expect(await page.locator('.results-texts li').innerText()).toContain('希望增加停车位');
    await page.locator('#texts-h').scrollIntoViewIfNeeded();
    await shot(page, '04-texts-1280');
  });

  test('filters: the link channel alone, then all again', async () => {
    await page.getByLabel('渠道', { exact: true }).selectOption('link');
    await expect.poll(() => page.locator('#accounting').innerText()).toMatch(/发放\s+未知/);
    expect(await received()).toBe('11');
    await page.getByLabel('渠道', { exact: true }).selectOption('');
    await expect.poll(overall).toBe('90.91%');
  });

  test('paper forms issued: recorded, corrected by a negative entry, refused below zero; the accounting follows', async () => {
    const issued = () => page.locator('#acc-issued').innerText();
    expect(await issued()).toBe('未知');
    await page.getByText('发放的纸质问卷').click();
    const count = page.getByLabel('份数（更正时填负数）');
    await count.fill('12');
    await page.getByLabel('备注（地点、批次等，可不填）').fill('政务大厅');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect.poll(issued).toBe('12');
    // The list is read again once the figures' new version arrives.
    await expect.poll(() => page.locator('#paper-entries tbody tr').count()).toBe(1);
    expect(await page.locator('#paper-entries').innerText()).toContain('政务大厅');
    // Taking back more than was entered is refused, with the server's reason beside the form.
    await count.fill('-20');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect.poll(() => page.locator('#paper-issues [role=alert]').innerText()).toBe('登记后已发放的纸质问卷将少于 0 份：本次 -20 份，此前共 12 份。');
    expect(await issued()).toBe('12');
    await count.fill('-2');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await expect.poll(issued).toBe('10');
    expect(await page.locator('#paper-issues [role=alert]').count()).toBe(0);
    await expect.poll(() => page.locator('#paper-entries tbody tr').count()).toBe(2);
    // None of the 11 came back on paper: they came by link, which was never issued, so they are
    // not counted in the rates (else 110 %), and the page says so.
    expect(await page.locator('#accounting').innerText()).toMatch(/回收率\s+0\.00%/);
    expect(await page.locator('#acc-base').innerText()).toBe('回收率按发放的问卷回收的 0 份计算（其中有效 0 份）；经访谈、公开链接等方式收集的 11 份未经发放，不计入。');
    await page.locator('#acc-h').locator('..').screenshot({ path: 'test-artifacts/results-11-paper-1280.png' });
  });

  test('the population the planner corrects for: given, it lowers the sample needed; cleared, it is large again', async () => {
    const plan = () => page.locator('.results-overall .help').first().innerText();
    expect(await plan()).toBe('±5 个百分点（95% 置信）约需 384 份有效答卷');
    // The paper forms just issued are not taken for the population.
    await page.getByLabel('总体规模（N）').fill('500');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(plan).toBe('±5 个百分点（95% 置信）约需 218 份有效答卷');
    expect(await page.locator('#population').innerText()).toContain('按总体 500 个对象作有限总体校正');
    await page.getByLabel('总体规模（N）').fill('0');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('#population [role=alert]').count()).toBe(1);
    expect(await plan()).toBe('±5 个百分点（95% 置信）约需 218 份有效答卷');
    await page.getByLabel('总体规模（N）').fill('');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(plan).toBe('±5 个百分点（95% 置信）约需 384 份有效答卷');
    await page.locator('.results-overall').screenshot({ path: 'test-artifacts/results-17-population-1280.png' });
  });

  test('on a phone-sized screen the page reads in one column', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/app/surveys/${surveyId}/results`);
    await expect.poll(overall).toBe('90.91%');
    await expect.poll(() => page.locator('.results-chart svg').count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, '05-page-360');
    await shot(page, '06-page-360-full', true);
    // The parts a phone squeezes most, each on its own to be looked at.
    await page.locator('#item-rates').screenshot({ path: 'test-artifacts/results-07-items-360.png' });
    await page.locator('.results-figure').screenshot({ path: 'test-artifacts/results-08-chart-360.png' });
    await page.locator('#review').screenshot({ path: 'test-artifacts/results-09-review-360.png' });
    await page.locator('#texts-h').locator('..').screenshot({ path: 'test-artifacts/results-10-texts-360.png' });
    await page.locator('#acc-h').locator('..').screenshot({ path: 'test-artifacts/results-12-accounting-360.png' });
    expect(d.errors).toEqual([]);
  });
  test('any response, flagged or not: all of them a page at a time, one opened by its number, excluded with a reason and restored', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    // #12 answers 不满意 throughout (but 了解 to q1): not straight-lining, not flagged. Then 12 more.
    await respond({ contact: 'yes', identity: 'employee', town: 'caomiaozi', q1: 4, q2: 2, q3: 2, q4: 2, q5: 2, q6: 2, q7: 2, overall: 2 });
    for (let i = 9; i < 21; i++) await respond(answers(i));
    await page.goto(`${server.url}/app/surveys/${surveyId}/results`);
    await expect.poll(received).toBe('24');
    expect(await overall()).toBe('91.67%');
    const list = page.locator('#review-list tbody tr');
    const twelve = page.locator('#review-list tr[data-seq="12"]');
    // The flagged first, as before (#10 straight-lining, #11 too fast): #12 is not among them.
    await expect.poll(() => list.count()).toBe(2);
    expect(await twelve.count()).toBe(0);

    // All responses, twenty at a time.
    await page.getByRole('radio', { name: '全部答卷' }).check();
    await expect.poll(() => list.count()).toBe(20);
    await page.getByRole('button', { name: '加载更多' }).click();
    await expect.poll(() => list.count()).toBe(24);
    expect(await page.getByRole('button', { name: '加载更多' }).count()).toBe(0);
    expect(await list.evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-seq'))))).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));

    await twelve.getByRole('button', { name: '查看' }).click();
    const view = page.locator('#response-view');
    await expect.poll(() => view.locator('h3').innerText()).toBe('第 12 份答卷');
    expect(await view.locator('.results-answers').innerText()).toContain('不满意');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await view.getByLabel('原因').fill('电话回访核实：受访者把量表方向看反了');
    await view.getByRole('button', { name: '剔除' }).click();
    await expect.poll(overall).toBe('95.65%');
    expect(await page.locator('#acc-valid').innerText()).toBe('23');
    await expect.poll(() => twelve.innerText()).toContain('已剔除');
    // The rows loaded with 加载更多 stay through the update.
    expect(await list.count()).toBe(24);
    await expect.poll(() => view.locator('#exclusion-history').innerText()).toContain('电话回访核实');
    expect(await view.locator('#exclusion-history').innerText()).toContain('admin');
    // Closing gives the focus back to the button that opened it.
    await view.getByRole('button', { name: '关闭' }).click();
    expect(await view.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-seq'))).toBe('12');

    await page.getByRole('radio', { name: '已剔除的答卷' }).check();
    await expect.poll(() => list.count()).toBe(1);
    expect(await twelve.count()).toBe(1);
    await page.locator('#review').screenshot({ path: 'test-artifacts/results-13-review-excluded-1280.png' });

    // By its number: a number no response has, and words, are refused beside the field.
    const seq = page.getByLabel('按序号查看答卷');
    await seq.fill('99');
    await seq.press('Enter');
    await expect.poll(() => page.locator('#review-seq-error').innerText()).toBe('没有第 99 份答卷。');
    expect(await seq.getAttribute('aria-invalid')).toBe('true');
    await seq.fill('十二');
    await seq.press('Enter');
    await expect.poll(() => page.locator('#review-seq-error').innerText()).toContain('请填写答卷序号');
    await seq.fill('#5');
    await seq.press('Enter');
    await expect.poll(() => view.locator('h3').innerText()).toBe('第 5 份答卷');
    expect(await page.locator('#review-seq-error').count()).toBe(0);
    expect(await view.locator('.meta').innerText()).toContain('计入');
    await seq.fill('12');
    await page.locator('.results-jump').getByRole('button', { name: '查看' }).click();
    await expect.poll(() => view.locator('h3').innerText()).toBe('第 12 份答卷');
    await view.getByLabel('原因').fill('复核：受访者确认本意即为不满意');
    await view.getByRole('button', { name: '恢复' }).click();
    await expect.poll(overall).toBe('91.67%');
    await expect.poll(() => page.locator('#review-empty').innerText()).toBe('没有剔除的答卷。');
    await expect.poll(() => view.locator('#exclusion-history li').count()).toBe(2);
    await view.getByRole('button', { name: '关闭' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('查看');

    await page.getByRole('radio', { name: '全部答卷' }).check();
    await expect.poll(() => list.count()).toBe(20);
    await page.locator('#review').screenshot({ path: 'test-artifacts/results-14-review-all-1280.png' });
    await page.setViewportSize({ width: 360, height: 740 });
    // The chart redraws to the new width a moment after the resize.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.locator('#review').screenshot({ path: 'test-artifacts/results-15-review-all-360.png' });
    await twelve.getByRole('button', { name: '查看' }).click();
    await expect.poll(() => view.locator('#exclusion-history li').count()).toBe(2);
    await view.screenshot({ path: 'test-artifacts/results-16-response-360.png' });
    expect(d.errors).toEqual([]);
  });

  test('times are Beijing time, also in a browser whose clock is elsewhere', async () => {
    const abroad = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'America/Los_Angeles' });
    await abroad.addCookies(await d.desk.cookies());
    const p = await abroad.newPage();
    await p.goto(`${server.url}/app/surveys/${surveyId}/results`);
    expect(await p.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/Los_Angeles');
    const listed = (await (await d.desk.request.get(`${server.url}/api/surveys/${surveyId}/responses?limit=1`)).json()) as { responses: { submittedAt: string }[] };
    // As the CSV's 提交时间（北京时间） has it: 2026-11-28 20:45:19, here with slashes.
    const beijing = shanghaiTime(listed.responses[0]!.submittedAt).replace(/-/g, '/');
    await p.getByRole('radio', { name: '全部答卷' }).check();
    const first = p.locator('#review-list tr[data-seq="1"]');
    await expect.poll(() => first.count()).toBe(1);
    expect(await first.locator('td').nth(2).innerText()).toBe(beijing);
    await first.getByRole('button', { name: '查看' }).click();
    await expect.poll(() => p.locator('#response-view .meta').innerText()).toContain(beijing);
    // "Updated at" is Beijing time too: within a minute of now there.
    const status = await p.locator('.results-status').innerText();
    const shown = /(\d\d):(\d\d):(\d\d)/.exec(status);
    expect(shown, status).not.toBeNull();
    const now = shanghaiTime(new Date().toISOString()).slice(11).split(':').map(Number);
    const seconds = (h: number, m: number, s: number) => h * 3600 + m * 60 + s;
    const diff = Math.abs(seconds(Number(shown![1]), Number(shown![2]), Number(shown![3])) - seconds(now[0]!, now[1]!, now[2]!));
    expect(Math.min(diff, 86_400 - diff)).toBeLessThan(120);
    await abroad.close();
  });
});
