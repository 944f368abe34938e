// Response exports (issue 5): the CSV and the XLSX read back with the libraries a user's tools
// would use and compared with the stored rows — codes and labels, exclusions marked, formulas
// neutralised, numbers as numbers — and the export log's sha256 compared with the bytes received.
import { createHash, randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '../../surveys/templates/index.ts';
import { postJson, satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { Browser, evaluator, loginAdmin, newEvaluation, type Browser as B } from '../support/session.ts';

let t: TestApp;
let admin: B;
let survey: { id: string; slug: string };
const ids: string[] = [];

const hyperlink = '=HYPERLINK("http://evil.example","点我")';
const definition = {
  ...templates.public,
  slug: 'export-2023',
  questions: [
    ...templates.public.questions,
    { id: 'needs', kind: 'multi', label: '您希望加强哪些服务？', options: [{ value: 'policy', label: '政策宣讲' }, { value: 'online', label: '网上办理' }, { value: 'hall', label: '窗口服务' }] },
    { id: 'years', kind: 'number', label: '您在本区工作的年数', min: 0, max: 80, integer: true },
  ],
};

async function answer(answers: Record<string, unknown>, channel?: 'paper') {
  const id = randomUUID();
  const res = channel
    ? await admin.post(`/api/surveys/${survey.id}/responses`, { id, channel, answers })
    : await postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id, answers });
  expect(res.status, await res.clone().text()).toBe(201);
  ids.push(id);
}

beforeAll(async () => {
  t = await testApp({ demo: false });
  admin = await loginAdmin(t);
  const evaluationId = await newEvaluation(admin);
  const res = await admin.post('/api/surveys', { evaluationId, definition });
  expect(res.status, await res.clone().text()).toBe(201);
  survey = await res.json();
  await admin.post(`/api/surveys/${survey.id}/open`);
  await answer(satisfiedAnswers({ suggestion: hyperlink, needs: ['policy', 'hall'], years: 12 }));
  await answer(satisfiedAnswers({ q3: 0, suggestion: '<script>alert(1)</script>' }));
  await answer(satisfiedAnswers({ q2: 2, 'q2-why': '\t办事要跑好几趟', suggestion: '-1 分', years: 0 }), 'paper');
  await answer(satisfiedAnswers({ contact: 'no', suggestion: '@SUM(A1)+"普通, 带逗号"' }));
  const excluded = await admin.post(`/api/responses/${ids[1]}/exclusion`, { reason: '同一设备重复作答' });
  expect(excluded.status, await excluded.clone().text()).toBeLessThan(300);
});
afterAll(async () => {
  await t.close();
});

const stored = () => t.db.selectFrom('responses').selectAll().where('survey_id', '=', survey.id).orderBy('seq').execute();
const headOf = async () => (await t.db.selectFrom('chain_heads').selectAll().where('survey_id', '=', survey.id).executeTakeFirstOrThrow()).hash;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function download(path: string) {
  const res = await admin.get(path);
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

function csvRows(bytes: Uint8Array): string[][] {
  return parse(Buffer.from(bytes), { bom: true, relax_column_count: false }) as string[][];
}

describe('GET /api/surveys/:id/export.csv', () => {
  it('has a BOM, a Chinese header and one row per stored response in chain order, codes and labels', async () => {
    const { res, bytes } = await download(`/api/surveys/${survey.id}/export.csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="export-2023-responses-\d{4}-\d{2}-\d{2}\.csv"/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvRows(bytes);
    expect(header!.slice(0, 16)).toEqual([
      '序号', '答卷编号', '提交时间（北京时间）', '提交时间（UTC）', '渠道', '渠道代码', '受访群体', '受访群体代码', '来源', '问卷版本',
      '是否有效', '无效原因', '是否剔除', '剔除原因', '标记', '标记代码',
    ]);
    const col = (name: string) => header!.indexOf(name);
    expect(col('4. 您对本区科技扶持政策的了解程度如何？（代码）')).toBeGreaterThan(0);
    expect(header!.at(-1)).toBe('哈希');

    const db = await stored();
    expect(rows).toHaveLength(db.length);
    rows.forEach((row, i) => {
      const r = db[i]!;
      expect(row[0]).toBe(String(r.seq));
      expect(row[1]).toBe(r.id);
      expect(row[3]).toBe(r.submitted_at);
      // Beijing time is UTC + 8 h.
      expect(Date.parse(`${row[2]!.replace(' ', 'T')}Z`) - Date.parse(r.submitted_at)).toBeGreaterThan(8 * 3600_000 - 1000);
      // The channel and group by the names the app shows, each with its code beside it.
      expect([row[4], row[5]]).toEqual(r.channel === 'paper' ? ['纸质', 'paper'] : ['链接', 'link']);
      expect([row[6], row[7]]).toEqual(['社会公众', 'public']);
      expect(row[9]).toBe(String(r.definition_version));
      expect(row.at(-1)).toBe(r.hash);
    });
    expect(rows.map((r) => r[1])).toEqual(ids);

    const q1 = col('4. 您对本区科技扶持政策的了解程度如何？（代码）');
    expect([rows[0]![q1], rows[0]![q1 + 1]]).toEqual(['5', '非常了解']);
    // Numbered as on the questionnaire: follow-ups (q2-why) take no main number.
    const q3 = col('6. 您对本区高层次人才服务工作是否满意？（代码）');
    expect([rows[0]![q3], rows[0]![q3 + 1]]).toEqual(['4', '满意']);
    expect([rows[1]![q3], rows[1]![q3 + 1]]).toEqual(['0', '不了解']);
    const q2 = col('5. 您对临港区科技创新局在扶持企业发展和推动科技创新方面的工作效果是否满意？（代码）');
    expect([rows[2]![q2], rows[2]![q2 + 1]]).toEqual(['2', '不满意']);
    const contact = header!.findIndex((h) => h.startsWith('1. ') && h.endsWith('（选项）'));
    expect(rows.map((r) => r[contact])).toEqual(['是', '是', '是', '否']);
    const needs = col('13. 您希望加强哪些服务？（代码）');
    expect([rows[0]![needs], rows[0]![needs + 1]]).toEqual(['policy;hall', '政策宣讲；窗口服务']);
    expect(rows[1]![needs]).toBe('');
    expect(rows[0]![col('14. 您在本区工作的年数')]).toBe('12');
    expect(rows[2]![col('14. 您在本区工作的年数')]).toBe('0');
  });

  it('numbers questions as the questionnaire does, a follow-up under its question', async () => {
    const [header] = csvRows((await download(`/api/surveys/${survey.id}/export.csv`)).bytes);
    const numbered = header!.filter((h) => /^\d/.test(h)).map((h) => h.replace(/（(代码|选项)）$/, '')).filter((h, i, all) => all.indexOf(h) === i);
    expect(numbered.map((h) => h.split(' ')[0])).toEqual([
      '1.', '2.', '3.', '4.', '5.', '5.1', '6.', '6.1', '7.', '7.1', '8.', '8.1', '9.', '9.1', '10.', '10.1', '11.', '12.', '13.', '14.',
    ]);
    expect(header).toContain('5.1 您不满意的主要原因是？');
    expect(header).toContain('6. 您对本区高层次人才服务工作是否满意？（代码）');
    expect(header).not.toContain('7. 您对本区高层次人才服务工作是否满意？（代码）');
  });

  it('marks the excluded response with its reason and filters by exclusion, group and channel', async () => {
    const [, ...rows] = csvRows((await download(`/api/surveys/${survey.id}/export.csv`)).bytes);
    const [header] = csvRows((await download(`/api/surveys/${survey.id}/export.csv`)).bytes);
    const at = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => [r[at('是否剔除')], r[at('剔除原因')]])).toEqual([['否', ''], ['是', '同一设备重复作答'], ['否', ''], ['否', '']]);
    // The screener's 否 makes the fourth invalid though nobody excluded it.
    expect(rows.map((r) => [r[at('是否有效')], r[at('无效原因')], r[at('标记')], r[at('标记代码')]])).toEqual([
      ['是', '', '', ''], ['否', '已剔除', '', ''], ['是', '', '', ''], ['否', '不符合调查对象条件', '不符合调查对象条件', 'ineligible'],
    ]);
    const only = async (query: string) => csvRows((await download(`/api/surveys/${survey.id}/export.csv?${query}`)).bytes).slice(1).map((r) => r[1]);
    expect(await only('excluded=exclude')).toEqual([ids[0], ids[2], ids[3]]);
    expect(await only('excluded=only')).toEqual([ids[1]]);
    expect(await only('channel=paper')).toEqual([ids[2]]);
    expect(await only('group=public&excluded=include')).toEqual(ids);
    expect(await only('group=enterprise')).toEqual([]);
  });

  it('neutralises formulas in text cells and keeps <script> as text', async () => {
    const [header, ...rows] = csvRows((await download(`/api/surveys/${survey.id}/export.csv`)).bytes);
    const suggestion = header!.findIndex((h) => h.startsWith('12. '));
    expect(rows.map((r) => r[suggestion])).toEqual([`'${hyperlink}`, '<script>alert(1)</script>', "'-1 分", `'@SUM(A1)+"普通, 带逗号"`]);
    const why = header!.findIndex((h) => h.startsWith('5.1 '));
    // The validator trims text answers, so a leading tab never reaches the database (the unit test
    // of formula-safe.ts covers tab and CR).
    expect(rows[2]![why]).toBe('办事要跑好几趟');
  });

  it('records the export: who, filters, rows, the sha256 of the bytes sent and the chain head', async () => {
    const { res, bytes } = await download(`/api/surveys/${survey.id}/export.csv?excluded=exclude`);
    const head = await headOf();
    expect(res.headers.get('x-manyidu-chain-head')).toBe(head);
    expect(res.headers.get('x-manyidu-chain-seq')).toBe('4');
    const id = res.headers.get('x-manyidu-export-id')!;
    const shown = await admin.get(`/api/exports/${id}`);
    expect(shown.status).toBe(200);
    const { export: record, survey: of, evaluation, verify } = await shown.json();
    expect(of).toEqual({ id: survey.id, slug: survey.slug });
    expect(evaluation).toMatchObject({ unit: '威海临港区科技创新局', year: 2023 });
    expect(verify).toContain(sha256(bytes));
    const db = await stored();
    expect(record).toMatchObject({
      id, kind: 'responses.csv', surveyId: survey.id, user: { username: 'admin' }, filters: { excluded: 'exclude' }, rows: 3,
      bytes: bytes.byteLength, sha256: sha256(bytes), chainHead: { seq: 4, hash: head }, lastHash: db[3]!.hash,
    });
    const list = await (await admin.get(`/api/surveys/${survey.id}/exports`)).json();
    expect(list.exports.map((e: { id: string }) => e.id)).toContain(id);
  });

  it('refuses a bad filter by name', async () => {
    const res = await admin.get(`/api/surveys/${survey.id}/export.csv?excluded=maybe`);
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('excluded');
    expect((await admin.get(`/api/surveys/${survey.id}/export.csv?colour=red`)).status).toBe(422);
  });
});

describe('GET /api/surveys/:id/export.xlsx', () => {
  it('reads back as the stored responses, numbers as numbers, formulas neutralised, and a 说明 sheet with the chain head', async () => {
    const { res, bytes } = await download(`/api/surveys/${survey.id}/export.xlsx`);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('答卷')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    const header = values(1) as string[];
    expect(sheet.rowCount).toBe(5);
    const db = await stored();
    for (let i = 0; i < db.length; i++) {
      const row = values(i + 2);
      expect(row[0]).toBe(i + 1);
      expect(row[1]).toBe(db[i]!.id);
      expect(row[header.indexOf('问卷版本')]).toBe(1);
      expect(row.at(-1)).toBe(db[i]!.hash);
    }
    const q1 = header.indexOf('4. 您对本区科技扶持政策的了解程度如何？（代码）');
    expect(values(2)[q1]).toBe(5);
    expect(values(2)[q1 + 1]).toBe('非常了解');
    const q3 = header.indexOf('6. 您对本区高层次人才服务工作是否满意？（代码）');
    expect(values(3)[q3]).toBe(0);
    expect(values(3)[q3 + 1]).toBe('不了解');
    expect(values(3)[header.indexOf('是否剔除')]).toBe('是');
    expect(values(3)[header.indexOf('剔除原因')]).toBe('同一设备重复作答');
    expect(values(3)[header.indexOf('是否有效')]).toBe('否');
    expect(values(3)[header.indexOf('无效原因')]).toBe('已剔除');
    expect(values(4)[header.indexOf('渠道')]).toBe('纸质');
    expect(values(4)[header.indexOf('渠道代码')]).toBe('paper');
    expect(values(2)[header.indexOf('14. 您在本区工作的年数')]).toBe(12);
    const suggestion = header.findIndex((h) => h.startsWith('12. '));
    expect(values(2)[suggestion]).toBe(`'${hyperlink}`);
    expect(values(3)[suggestion]).toBe('<script>alert(1)</script>');
    expect(values(4)[suggestion]).toBe("'-1 分");

    const info = book.getWorksheet('说明')!;
    const notes = new Map<string, unknown>();
    info.eachRow((row) => notes.set(String(row.getCell(1).value), row.getCell(2).value));
    const head = await headOf();
    expect(notes.get('答卷链头哈希')).toBe(head);
    expect(notes.get('答卷链头序号')).toBe(4);
    expect(notes.get('答卷行数')).toBe(4);
    // As the results page's 回收情况 counts them.
    expect(notes.get('其中有效')).toBe(2);
    expect(notes.get('其中无效：不符合调查对象条件')).toBe(1);
    expect(notes.get('其中无效：已剔除')).toBe(1);
    expect(notes.get('导出编号')).toBe(res.headers.get('x-manyidu-export-id'));
    expect(String(notes.get('计分方法'))).toContain('“非常满意”“满意”');

    const { export: record } = await (await admin.get(`/api/exports/${res.headers.get('x-manyidu-export-id')}`)).json();
    expect(record).toMatchObject({ kind: 'responses.xlsx', rows: 4, sha256: sha256(bytes), chainHead: { seq: 4, hash: head } });
  });
});

describe('an export with no rows', () => {
  it('is the header alone, and is recorded with 0 rows and no last hash', async () => {
    const { res, bytes } = await download(`/api/surveys/${survey.id}/export.xlsx?channel=qr`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(book.getWorksheet('答卷')!.rowCount).toBe(1);
    const { export: record } = await (await admin.get(`/api/exports/${res.headers.get('x-manyidu-export-id')}`)).json();
    expect(record).toMatchObject({ rows: 0, lastHash: null, filters: { channel: 'qr', excluded: 'include' }, sha256: sha256(bytes) });
  });
});

describe('authorization', () => {
  it('answers 401 without a session and 404 to an evaluator of another evaluation', async () => {
    const anonymous = new Browser(t.app);
    const outsider = (await evaluator(t, 'outsider')).browser;
    const exportId = (await download(`/api/surveys/${survey.id}/export.csv`)).res.headers.get('x-manyidu-export-id')!;
    for (const path of [`/api/surveys/${survey.id}/export.csv`, `/api/surveys/${survey.id}/export.xlsx`, `/api/surveys/${survey.id}/exports`, `/api/exports/${exportId}`]) {
      expect((await anonymous.get(path)).status, path).toBe(401);
      expect((await outsider.get(path)).status, path).toBe(404);
    }
    expect((await admin.get(`/api/exports/${randomUUID()}`)).status).toBe(404);
    // The refused calls left no record behind.
    const { exports } = await (await admin.get(`/api/surveys/${survey.id}/exports`)).json();
    expect(exports.every((e: { user: { username: string } }) => e.user.username === 'admin')).toBe(true);
  });
});

describe('an export longer than one page', () => {
  it('has every response once, in chain order, across page boundaries, with and without the excluded', async () => {
    const res = await admin.post('/api/surveys', { evaluationId: await newEvaluation(admin), definition: { ...templates.public, slug: 'export-pages' } });
    const long: { id: string; slug: string } = await res.json();
    await admin.post(`/api/surveys/${long.id}/open`);
    // 250 rows: pages of 100 end at 100 and 200 and the last one is short.
    const sent = Array.from({ length: 250 }, () => randomUUID());
    const answered = await Promise.all(sent.map((id, i) => postJson(t.app, `/api/public/surveys/${long.slug}/responses`, { id, answers: satisfiedAnswers({ q3: 1 + (i % 5) }) })));
    expect(answered.map((r) => r.status)).toEqual(sent.map(() => 201));
    const inOrder = (await t.db.selectFrom('responses').select('id').where('survey_id', '=', long.id).orderBy('seq').execute()).map((r) => r.id);
    expect(new Set(inOrder)).toEqual(new Set(sent));

    const all = csvRows((await download(`/api/surveys/${long.id}/export.csv`)).bytes).slice(1);
    expect(all.map((r) => r[1])).toEqual(inOrder);
    expect(all.map((r) => r[0])).toEqual(inOrder.map((_, i) => String(i + 1)));

    const excluded = await admin.post(`/api/responses/${inOrder[100]}/exclusion`, { reason: '测试' });
    expect(excluded.status).toBeLessThan(300);
    const kept = csvRows((await download(`/api/surveys/${long.id}/export.csv?excluded=exclude`)).bytes).slice(1);
    expect(kept.map((r) => r[1])).toEqual(inOrder.filter((_, i) => i !== 100));
  });
});

describe('validity, as the results page counts it', () => {
  it('marks each row valid or why not, with its flags, and adds up to the accounting and the response list', async () => {
    const res = await admin.post('/api/surveys', { evaluationId: await newEvaluation(admin), definition: { ...templates.public, slug: 'export-validity' } });
    const s: { id: string; slug: string } = await res.json();
    await admin.post(`/api/surveys/${s.id}/open`);
    const sent: Record<string, string> = {};
    const submit = async (name: string, answers: Record<string, unknown>, opts: { device?: string; seconds?: number } = {}) => {
      const id = randomUUID();
      sent[name] = id;
      const startedAt = new Date(Date.now() - (opts.seconds ?? 120) * 1000).toISOString();
      const posted = await postJson(t.app, `/api/public/surveys/${s.slug}/responses`, { id, answers, startedAt }, opts.device ? { cookie: `mny_dev=${opts.device}` } : {});
      expect(posted.status, await posted.clone().text()).toBe(201);
    };
    for (let i = 0; i < 22; i++) await submit(`ok${i}`, satisfiedAnswers({ q3: 3 + (i % 3), overall: 4 }));
    await submit('ineligible', { contact: 'no' });
    await submit('ineligibleExcluded', { contact: 'no' });
    await submit('excluded', satisfiedAnswers({ overall: 4 }));
    await submit('straight', satisfiedAnswers({ q1: 5, q2: 5, q3: 5, q4: 5, q5: 5, q6: 5, q7: 5, overall: 5 }));
    await submit('fast', satisfiedAnswers({ overall: 4 }), { seconds: 5 });
    const device = randomUUID();
    await submit('firstOnDevice', satisfiedAnswers({ q3: 5, overall: 4 }), { device });
    await submit('againOnDevice', satisfiedAnswers({ q3: 3, overall: 4 }), { device });
    for (const name of ['ineligibleExcluded', 'excluded']) expect((await admin.post(`/api/responses/${sent[name]}/exclusion`, { reason: '核查剔除' })).status).toBeLessThan(300);

    const [header, ...rows] = csvRows((await download(`/api/surveys/${s.id}/export.csv`)).bytes);
    const at = (name: string) => header!.indexOf(name);
    const row = (name: string) => rows.find((r) => r[1] === sent[name])!;
    const cells = (name: string) => ['是否有效', '无效原因', '是否剔除', '标记', '标记代码'].map((h) => row(name)[at(h)]);
    expect(cells('ok0')).toEqual(['是', '', '否', '', '']);
    expect(cells('ineligible')).toEqual(['否', '不符合调查对象条件', '否', '不符合调查对象条件', 'ineligible']);
    // Excluded as well, it is still counted as ineligible, as the accounting counts it.
    expect(cells('ineligibleExcluded')).toEqual(['否', '不符合调查对象条件', '是', '不符合调查对象条件', 'ineligible']);
    expect(cells('excluded')).toEqual(['否', '已剔除', '是', '', '']);
    // Flags are advice: a flagged response counts until someone excludes it.
    expect(cells('straight')).toEqual(['是', '', '否', '全部同一选项', 'straight_line']);
    expect(cells('fast')).toEqual(['是', '', '否', '用时过短', 'too_fast']);
    // A flag that depends on other responses is printed as the response list decides it.
    expect(cells('againOnDevice')).toEqual(['是', '', '否', '同一设备重复', 'duplicate_device']);

    // The rows add up to the results page's 回收情况; counting the rows not excluded does not.
    const { accounting } = await (await admin.get(`/api/surveys/${s.id}/results`)).json();
    expect(accounting).toMatchObject({ received: 29, valid: 26, invalid: { ineligible: 2, excluded: 1 } });
    const count = (column: string, value: string) => rows.filter((r) => r[at(column)] === value).length;
    expect(rows).toHaveLength(accounting.received);
    expect(count('是否有效', '是')).toBe(accounting.valid);
    expect(count('无效原因', '不符合调查对象条件')).toBe(accounting.invalid.ineligible);
    expect(count('无效原因', '已剔除')).toBe(accounting.invalid.excluded);
    expect(count('是否剔除', '否')).toBe(27);

    // And each row says what the response list says of it.
    const list = (await (await admin.get(`/api/surveys/${s.id}/responses?limit=100`)).json()) as { responses: { id: string; valid: boolean; excluded: boolean; flags: string[] }[] };
    expect(list.responses).toHaveLength(rows.length);
    expect(list.responses.find((r) => r.id === sent.againOnDevice)!.flags).toEqual(['duplicate_device']);
    for (const r of list.responses) {
      const exported = rows.find((x) => x[1] === r.id)!;
      expect([exported[at('是否有效')], exported[at('是否剔除')], exported[at('标记代码')]], r.id)
        .toEqual([r.valid ? '是' : '否', r.excluded ? '是' : '否', r.flags.join(';')]);
    }

    // The XLSX says how many of its rows are valid, and the filter by name.
    const xlsx = await download(`/api/surveys/${s.id}/export.xlsx?group=public`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const notes = new Map<string, unknown>();
    book.getWorksheet('说明')!.eachRow((r) => notes.set(String(r.getCell(1).value), r.getCell(2).value));
    expect([notes.get('答卷行数'), notes.get('其中有效'), notes.get('其中无效：不符合调查对象条件'), notes.get('其中无效：已剔除')]).toEqual([29, 26, 2, 1]);
    expect(String(notes.get('筛选条件'))).toContain('受访群体：社会公众（public）');
  });
});
