// Results exports (issue 5): the JSON, the workbook and the report paragraph carry the figures of
// GET /results (one computation), the chain head, and a record whose sha256 is the body's.
import { createHash, randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { Browser, evaluator, loginAdmin, newEvaluation, newSurvey, type Browser as B } from '../support/session.ts';

let t: TestApp;
let admin: B;
let survey: { id: string; slug: string };
const ids: string[] = [];

// The seed's survey: 29 of 30 valid responses satisfied overall (96.67 %), one more that the
// screener makes ineligible, of 40 invitations.
beforeAll(async () => {
  t = await testApp({ demo: false });
  admin = await loginAdmin(t);
  survey = await newSurvey(admin, await newEvaluation(admin));
  const { tokens } = await (await admin.post(`/api/surveys/${survey.id}/tokens`, { count: 40 })).json();
  await admin.post(`/api/surveys/${survey.id}/open`);
  for (let i = 0; i < 31; i++) {
    const answers = i === 30 ? satisfiedAnswers({ contact: 'no' }) : satisfiedAnswers({ overall: i === 0 ? 3 : i % 2 ? 5 : 4, q3: i < 3 ? 0 : 5 });
    const id = randomUUID();
    const res = await postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id, token: tokens[i].token, answers });
    expect(res.status).toBe(201);
    ids.push(id);
  }
});
afterAll(async () => {
  await t.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const headOf = async () => t.db.selectFrom('chain_heads').select(['seq', 'hash']).where('survey_id', '=', survey.id).executeTakeFirstOrThrow();

async function download(path: string) {
  const res = await admin.get(path);
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const { export: record } = await (await admin.get(`/api/exports/${res.headers.get('x-manyidu-export-id')}`)).json();
  return { res, bytes, record };
}

describe('GET /api/surveys/:id/results.json', () => {
  it('is the results of GET /results with the chain head and the report text, recorded with its sha256', async () => {
    const live = await (await admin.get(`/api/surveys/${survey.id}/results`)).json();
    const { res, bytes, record } = await download(`/api/surveys/${survey.id}/results.json`);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = JSON.parse(new TextDecoder().decode(bytes));
    for (const key of ['method', 'accounting', 'overall', 'dimensions', 'items', 'groups']) expect(body[key], key).toEqual(live[key]);
    expect(body.overall).toMatchObject({ rate: '96.67', n: 30, ci95: ['83.33', '99.41'] });
    expect(body.accounting).toMatchObject({ issued: 40, received: 31, valid: 30, invalid: { ineligible: 1 } });
    const head = await headOf();
    expect(body.chainHead).toEqual({ seq: 31, hash: head.hash });
    expect(body.reportText).toMatch(/^社会群众对威海临港区科技创新局 2023 年度的服务工作总体满意程度为 96\.67%。主要反馈情况为：/);
    expect(record).toMatchObject({ kind: 'results.json', sha256: sha256(bytes), bytes: bytes.byteLength, rows: 30, chainHead: { seq: 31, hash: head.hash }, lastHash: null });
    expect(body.exportId).toBe(record.id);
  });

  it('follows an exclusion and records the filters it was given', async () => {
    expect((await admin.post(`/api/responses/${ids[1]}/exclusion`, { reason: '访谈员误录' })).status).toBeLessThan(300);
    const { bytes, record } = await download(`/api/surveys/${survey.id}/results.json?group=public`);
    const body = JSON.parse(new TextDecoder().decode(bytes));
    expect(body.overall).toMatchObject({ rate: '96.55', n: 29 });
    expect(body.accounting).toMatchObject({ received: 31, valid: 29, invalid: { ineligible: 1, excluded: 1 } });
    expect(record.filters).toEqual({ group: 'public' });
    expect((await admin.request('DELETE', `/api/responses/${ids[1]}/exclusion`, { reason: '核实后恢复' })).status).toBeLessThan(300);
  });
});

describe('GET /api/surveys/:id/report.txt', () => {
  it('is the paragraph in the seed style with method, sample, interval and accounting', async () => {
    const { res, bytes, record } = await download(`/api/surveys/${survey.id}/report.txt`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('社会群众对威海临港区科技创新局 2023 年度的服务工作总体满意程度为 96.67%。')).toBe(true);
    expect(text).toContain('社会群众对本区科技扶持政策的了解程度的满意度为 100.00%；');
    // q3: three 不了解 left out of 27 satisfied answers.
    expect(text).toContain('对本区高层次人才服务工作的满意度为 100.00%；');
    expect(text).toContain('满意率 = 选择“非常满意”“满意”的回答数 ÷ 有效回答数');
    expect(text).toContain('有效样本为 30 份，其 95% 置信区间（Wilson 法）为 83.33%至99.41%');
    expect(text).toContain('共发放问卷 40 份，回收 31 份，回收率 77.50%；有效问卷 30 份，有效回收率 75.00%');
    expect(record).toMatchObject({ kind: 'report.txt', sha256: sha256(bytes) });
  });
});

describe('GET /api/surveys/:id/results.xlsx', () => {
  it('has the tables, the chart as an image and the chain head, figures as numbers', async () => {
    const live = await (await admin.get(`/api/surveys/${survey.id}/results`)).json();
    const { bytes, record } = await download(`/api/surveys/${survey.id}/results.xlsx`);
    expect(record).toMatchObject({ kind: 'results.xlsx', sha256: sha256(bytes) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['说明', '总体与维度', '题目', '分组', '图表']);

    const values = (sheet: string, n: number) => (book.getWorksheet(sheet)!.getRow(n).values as unknown[]).slice(1);
    expect(values('总体与维度', 2)).toEqual(['总体', '总体满意程度', 96.67, 30, 0, 83.33, 99.41]);
    const dims = book.getWorksheet('总体与维度')!;
    expect(dims.rowCount).toBe(2 + live.dimensions.length);

    const items = book.getWorksheet('题目')!;
    const header = values('题目', 1) as string[];
    expect(header.slice(3, 8)).toEqual(['5 非常满意', '4 满意', '3 基本满意', '2 不满意', '1 非常不满意']);
    expect(items.rowCount).toBe(1 + live.items.length);
    live.items.forEach((item: { id: string; n: number; rate: string; notApplicable: number; levels: Record<string, number> }, i: number) => {
      const row = values('题目', i + 2);
      expect(row.slice(3, 8)).toEqual(['5', '4', '3', '2', '1'].map((c) => item.levels[c] ?? 0));
      expect(row.slice(8, 11)).toEqual([Number(item.rate), item.n, item.notApplicable]);
    });
    const q3 = live.items.findIndex((item: { id: string }) => item.id === 'q3');
    expect(values('题目', q3 + 2)[10]).toBe(3);
    // 题号 as on the questionnaire: the follow-ups (q2-why …) take no number of their own.
    expect(values('题目', q3 + 2).slice(0, 2)).toEqual([6, '您对本区高层次人才服务工作是否满意？']);
    expect(live.items.map((_: unknown, i: number) => values('题目', i + 2)[0])).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);

    // The group by name, its code beside it.
    expect(values('分组', 1).slice(0, 3)).toEqual(['受访群体', '受访群体代码', '满意度']);
    expect(values('分组', 2).slice(0, 4)).toEqual(['社会公众', 'public', 96.67, 30]);
    const chart = book.getWorksheet('图表')!;
    expect(chart.getImages()).toHaveLength(1);
    const image = book.getImage(Number(chart.getImages()[0]!.imageId));
    expect(image.extension).toBe('png');

    const notes = new Map<string, unknown>();
    book.getWorksheet('说明')!.eachRow((row) => notes.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(notes.get('答卷链头哈希')).toBe((await headOf()).hash);
    expect(notes.get('发放')).toBe(40);
    // Why the rest are not valid, in the words of the results page's 回收情况.
    expect(notes.get('无效：不符合调查对象条件')).toBe(1);
    expect([...notes.keys()].filter((k) => /[a-z]/.test(k))).toEqual([]);
    expect(String(notes.get('报告文字'))).toContain('96.67%');
  });
});

describe('GET /api/surveys/:id/results.xlsx?channel=…', () => {
  it('names the filter and the reasons in words, with the codes in parentheses', async () => {
    expect((await admin.post(`/api/responses/${ids[2]}/exclusion`, { reason: '访谈员误录' })).status).toBeLessThan(300);
    try {
      const { bytes } = await download(`/api/surveys/${survey.id}/results.xlsx?channel=token&group=public`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      const notes = new Map<string, unknown>();
      book.getWorksheet('说明')!.eachRow((row) => notes.set(String(row.getCell(1).value), row.getCell(2).value));
      expect(notes.get('筛选条件')).toBe('受访群体：社会公众（public）；渠道：邀请码（token）');
      expect([notes.get('无效：不符合调查对象条件'), notes.get('无效：已剔除')]).toEqual([1, 1]);
      expect(notes.has('无效：excluded')).toBe(false);
    } finally {
      expect((await admin.request('DELETE', `/api/responses/${ids[2]}/exclusion`, { reason: '核实后恢复' })).status).toBeLessThan(300);
    }
  });
});

describe('authorization', () => {
  it('answers 401 without a session and 404 to an evaluator of another evaluation, recording nothing', async () => {
    const anonymous = new Browser(t.app);
    const outsider = (await evaluator(t, 'outsider')).browser;
    const before = (await (await admin.get(`/api/surveys/${survey.id}/exports`)).json()).exports.length;
    for (const file of ['results.json', 'results.xlsx', 'report.txt']) {
      expect((await anonymous.get(`/api/surveys/${survey.id}/${file}`)).status, file).toBe(401);
      expect((await outsider.get(`/api/surveys/${survey.id}/${file}`)).status, file).toBe(404);
    }
    expect((await (await admin.get(`/api/surveys/${survey.id}/exports`)).json()).exports.length).toBe(before);
  });
});
