// The seed's evaluation through the HTTP API alone (issue 6): the bundled framework, the seed's
// inputs from 附件2, and a public survey of 30 counted responses (29 satisfied on the overall
// question) bound to 社会满意度指标 → 96.67 %, 4 of 4 points, total 84.6, 良; then exclusions
// moving the bound rate live, within its band and across it.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledExampleInputs } from '../../scoring/index.ts';
import { postJson, satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { loginAdmin, newEvaluation, newSurvey, type Browser } from '../support/session.ts';

let t: TestApp;
let admin: Browser;
let evaluationId: string;
let survey: { id: string; slug: string };
const satisfied: string[] = [];
const seedInputs = bundledExampleInputs['department-overall'] as Record<string, unknown>;

async function sheet(): Promise<any> {
  const res = await admin.get(`/api/evaluations/${evaluationId}/sheet`);
  expect(res.status).toBe(200);
  return res.json();
}

const node = (s: any, code: string): any => {
  const walk = (list: any[]): any => list.map((i) => (i.code === code ? i : walk(i.children))).find(Boolean);
  return walk(s.indicators);
};

async function exclude(ids: string[]) {
  for (const id of ids) expect((await admin.post(`/api/responses/${id}/exclusion`, { reason: '电话回访核实：非服务对象' })).status).toBe(201);
}

beforeAll(async () => {
  t = await testApp({ demo: false });
  admin = await loginAdmin(t);
  evaluationId = await newEvaluation(admin);
  const put = await admin.put(`/api/evaluations/${evaluationId}/framework`, { framework: 'department-overall' });
  expect(put.status).toBe(201);
  expect(await put.json()).toMatchObject({ version: 1, created: true, name: '临港区科技创新局部门整体绩效评价指标体系' });
  const { ['3.2.1']: _bound, ...withoutSatisfaction } = seedInputs;
  const loaded = await admin.put(`/api/evaluations/${evaluationId}/inputs`, withoutSatisfaction);
  expect(loaded.status).toBe(200);
  expect(await loaded.json()).toMatchObject({ inputs: Object.keys(seedInputs).length - 1, cleared: 0 });

  survey = await newSurvey(admin, evaluationId);
  expect((await admin.post(`/api/surveys/${survey.id}/open`)).status).toBe(200);
  for (let i = 0; i < 30; i++) {
    // 29 satisfied (非常满意 or 满意) and one 基本满意 on the overall question.
    const id = randomUUID();
    const overall = i < 29 ? (i % 2 ? 5 : 4) : 3;
    const res = await postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id, answers: satisfiedAnswers({ overall }) });
    expect(res.status).toBe(201);
    if (i < 29) satisfied.push(id);
  }
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('the seed evaluation through the API', () => {
  it('leaves 社会满意度指标 unscored and the sheet without a grade until it is bound', async () => {
    const s = await sheet();
    expect(s.framework).toMatchObject({ version: 1, bundled: 'department-overall' });
    expect(node(s, '3.2.1')).toMatchObject({ score: null, complete: false });
    expect(s.total).toBe('80.6');
    expect(s.grade).toBeNull();
    expect(s.inputIssues).toEqual([]);
  });

  it('binds the survey: 29 of 30 = 96.67 % → 4 of 4 points, total 84.6, 良', async () => {
    const res = await admin.put(`/api/evaluations/${evaluationId}/bindings/3.2.1`, { surveys: [{ surveyId: survey.id }], metric: 'overall', combine: 'bySample' });
    expect(res.status).toBe(200);
    const bound = (await res.json()) as any;
    expect(bound.result).toMatchObject({ rate: '96.67', n: 30, ci95: ['83.33', '99.41'] });
    expect(bound).toMatchObject({ total: '84.6', grade: '良', indicator: { code: '3.2.1', score: '4', rate: '100.00' } });

    const s = await sheet();
    expect({ total: s.total, points: s.points, grade: s.grade, complete: s.complete }).toEqual({ total: '84.6', points: '100', grade: '良', complete: true });
    expect(s.indicators.map((i: any) => [i.name, i.points, i.score, i.rate])).toEqual([
      ['履职效能', '40', '34.1', '85.25'],
      ['管理效率', '25', '20', '80.00'],
      ['社会效应', '20', '18', '90.00'],
      ['可持续发展能力', '15', '12.5', '83.33'],
    ]);
    expect(node(s, '3.2.1')).toMatchObject({ score: '4', points: '4', rate: '100.00', rule: 'satisfaction' });
    expect(node(s, '3.2.1').certainty).toMatchObject({ band: { min: '85.00', factor: '1' }, certain: false, straddles: ['85.00'] });
    // The seed's own audit findings survive: 预算执行 deducts 2 where its rule caps element ① at 1.
    expect(node(s, '2.3.2').findings.length).toBeGreaterThan(0);

    const [binding] = s.bindings;
    expect(binding).toMatchObject({ code: '3.2.1', metric: 'overall', combine: 'bySample', result: { rate: '96.67', n: 30 }, problems: [] });
    expect(binding.surveys[0]).toMatchObject({ surveyId: survey.id, slug: survey.slug, result: { rate: '96.67', n: 30 }, chain: { seq: 30 } });
    expect(binding.surveys[0].chain.hash).toMatch(/^[0-9a-f]{64}$/);

    // What if the rate moved a band: below (80–85 %) the indicator earns 3.2, total 83.8, still 良.
    const [satisfaction] = s.satisfaction;
    expect(satisfaction).toMatchObject({ code: '3.2.1', bound: true, rate: '96.67', n: 30, score: '4' });
    expect(satisfaction.neighbours).toEqual([
      { direction: 'below', band: { min: '80.00', factor: '0.8' }, rate: '80.00', score: '3.2', total: '83.8', grade: '良' },
    ]);
  });

  it('follows exclusions live: 28 of 29 = 96.55 % keeps 4 points (84.6, 良); 5 of 6 = 83.33 % earns 3.2 (83.8, 良)', async () => {
    await exclude(satisfied.slice(0, 1));
    let s = await sheet();
    expect(s.bindings[0].result).toMatchObject({ rate: '96.55', n: 29 });
    expect(node(s, '3.2.1')).toMatchObject({ score: '4', rate: '100.00' });
    expect({ total: s.total, grade: s.grade }).toEqual({ total: '84.6', grade: '良' });

    // 23 more: 5 satisfied of 6 counted = 83.33 %, the 80–85 % band, 0.8 × 4 = 3.2 points.
    await exclude(satisfied.slice(1, 24));
    s = await sheet();
    expect(s.bindings[0].result).toMatchObject({ rate: '83.33', n: 6 });
    expect(s.bindings[0].surveys[0].chain.seq).toBe(30);
    expect(node(s, '3.2.1')).toMatchObject({ score: '3.2', rate: '80.00' });
    expect(node(s, '3.2')).toMatchObject({ score: '7.2' });
    expect(node(s, '3')).toMatchObject({ score: '17.2', rate: '86.00' });
    expect({ total: s.total, grade: s.grade }).toEqual({ total: '83.8', grade: '良' });
    expect(s.satisfaction[0].neighbours).toEqual([
      { direction: 'above', band: { min: '85.00', factor: '1' }, rate: '85.00', score: '4', total: '84.6', grade: '良' },
      { direction: 'below', band: { min: '75.00', factor: '0.6' }, rate: '75.00', score: '2.4', total: '83', grade: '良' },
    ]);

    // Restoring them brings back 96.67 % and 84.6.
    for (const id of satisfied.slice(0, 24)) expect((await admin.request('DELETE', `/api/responses/${id}/exclusion`, { reason: '复核后恢复' })).status).toBe(200);
    s = await sheet();
    expect(s.bindings[0].result).toMatchObject({ rate: '96.67', n: 30 });
    expect({ total: s.total, grade: s.grade }).toEqual({ total: '84.6', grade: '良' });
  });

  it('exports the sheet as XLSX laid out like 附件2, with 表3–表7, matching the JSON sheet; every export recorded with the chain head', async () => {
    const s = await sheet();
    const res = await admin.get(`/api/evaluations/${evaluationId}/sheet.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    expect(book.worksheets.map((w) => w.name)).toEqual(['得分表', '表3', '表4', '表5', '表6', '表7', '说明']);

    // 得分表: a row per indicator, in the sheet's order, with 一级/二级/三级 names and the sheet's figures.
    const annex = book.getWorksheet('得分表')!;
    expect(annex.getRow(2).values).toEqual([undefined, '一级指标', '二级指标', '三级指标', '分值', '得分', '得分率', '评分情况', '评分要点', '代码']);
    const flat: any[] = [];
    const walk = (list: any[], names: string[]) => list.forEach((i) => (flat.push({ ...i, names: [...names, i.name] }), walk(i.children, [...names, i.name])));
    walk(s.indicators, []);
    const num = (v: string | null) => (v === null ? null : Number(v));
    const read = (row: ExcelJS.Row, col: number) => { const v = row.getCell(col).value; return v === null || v === '' ? null : v; };
    flat.forEach((i, k) => {
      const row = annex.getRow(3 + k);
      expect({ code: read(row, 9), l1: read(row, 1), l2: read(row, 2), points: read(row, 4), score: read(row, 5), rate: read(row, 6) }).toEqual({
        code: i.code, l1: i.names[0], l2: i.names[1] ?? null, points: num(i.points), score: num(i.score), rate: num(i.rate),
      });
      if (i.reason) expect(String(read(row, 7))).toContain(i.reason);
      for (const f of i.findings) expect(String(read(row, 7))).toContain(f);
    });
    const totalRow = annex.getRow(3 + flat.length);
    expect([read(totalRow, 1), read(totalRow, 4), read(totalRow, 5), read(totalRow, 7)]).toEqual(['合计', 100, 84.6, '综合评价等级：良']);
    expect(String(read(annex.getRow(3 + flat.findIndex((i) => i.code === '3.2.1')), 7))).toContain('满意度 96.67%');

    // 表3 as the report prints it, then 表6 ends with its 小计.
    const t3 = book.getWorksheet('表3')!;
    const rows = (w: ExcelJS.Worksheet) => w.getSheetValues().slice(1).map((r: any) => (r ?? []).slice(1));
    expect(rows(t3)).toEqual([
      ['表 3：2023 年度威海临港区科技创新局部门整体绩效评价得分情况表'],
      ['指标', '分值', '得分', '得分率'],
      ['履职效能', 40, 34.1, 85.25], ['管理效率', 25, 20, 80], ['社会效应', 20, 18, 90], ['可持续发展能力', 15, 12.5, 83.33],
      ['合计', 100, 84.6, 84.6], ['综合评价等级', '良'],
    ]);
    const t6 = rows(book.getWorksheet('表6')!);
    expect(t6[0]).toEqual(['表 6：社会效应指标得分表']);
    expect(t6.at(-1)).toEqual(['小计', 20, 18, 90]);
    expect(t6).toContainEqual(['社会满意度指标', 4, 4, 100]);

    const notes = Object.fromEntries(rows(book.getWorksheet('说明')!).map((r) => [r[0], r[1]]));
    expect(notes['指标体系']).toContain('第 1 版');
    expect(notes['满意度来源 3.2.1']).toContain(s.bindings[0].surveys[0].chain.hash);

    const json = (await (await admin.get(`/api/evaluations/${evaluationId}/sheet.json`)).json()) as any;
    const { export: exported, ...sheetOfJson } = json;
    expect(sheetOfJson).toEqual(s);
    expect(exported.sources).toEqual([{ code: '3.2.1', surveyId: survey.id, slug: survey.slug, rate: '96.67', n: 30, chain: s.bindings[0].surveys[0].chain, resultsVersion: s.bindings[0].surveys[0].resultsVersion }]);

    const html = await admin.get(`/api/evaluations/${evaluationId}/report-tables.html`);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const text = await html.text();
    expect(text).toContain('<caption>表 3：2023 年度威海临港区科技创新局部门整体绩效评价得分情况表</caption>');
    expect(text).toContain('<td>84.6</td><td>84.60%</td>');
    expect(text).not.toMatch(/<script/i);

    const log = (await (await admin.get(`/api/evaluations/${evaluationId}/sheet-exports`)).json()) as any;
    expect(log.exports.map((e: any) => e.kind).sort()).toEqual(['report-tables.html', 'sheet.json', 'sheet.xlsx']);
    for (const e of log.exports) {
      expect(e).toMatchObject({ frameworkVersion: 1, entriesSeq: s.entriesSeq, user: { username: 'admin' } });
      expect(e.sources[0].chain).toEqual(s.bindings[0].surveys[0].chain);
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
