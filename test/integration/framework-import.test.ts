// A framework from an XLSX file (issue 6): POST /api/evaluations/:id/framework/import reads the
// first sheet's 一级/二级/三级指标, 分值 and 规则 columns into §7 framework JSON, returns it without
// storing it, and names the row and column of whatever it cannot read. Only the evaluation's
// members may use it; the upload needs the same Origin as every unsafe request.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../support/app.ts';
import { Browser, evaluator, newEvaluation, refused } from '../support/session.ts';

let t: TestApp;
let member: Browser;
let outsider: Browser;
let evaluationId: string;
const path = () => `/api/evaluations/${evaluationId}/framework/import`;

type Row = (string | number | null)[];
const header: Row = ['一级指标', '二级指标', '三级指标', '分值', '规则'];

async function xlsx(rows: Row[], merges: string[] = [], head: Row = header): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('附件1');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  // A second sheet that must be ignored: only the first is read.
  wb.addWorksheet('说明').addRow(['一级指标', '分值']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function upload(bytes: Uint8Array, name = '指标体系.xlsx'): FormData {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  return form;
}


beforeAll(async () => {
  t = await testApp({ demo: false });
  member = (await evaluator(t, 'member')).browser;
  outsider = (await evaluator(t, 'outsider')).browser;
  evaluationId = await newEvaluation(member);
});

afterAll(async () => {
  await t?.close();
});

describe('POST /api/evaluations/:id/framework/import', () => {
  // 社会效应 is merged over three rows, as in the seed's 附件1; 可持续发展能力 has no children.
  const seedLike: Row[] = [
    ['社会效应', '社会效益', null, 12, 'manual'],
    [null, '服务对象满意度', '社会满意度指标', 4, 'satisfaction'],
    [null, null, '区级机关考核综合评价', 4, '等级'],
    ['可持续发展能力', null, null, 15, null],
  ];

  it('lays the rows out as a framework, parents summing their children, and stores nothing', async () => {
    const res = await member.post(path(), upload(await xlsx(seedLike, ['A2:A4']), '科技创新局指标.xlsx'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.rows).toBe(4);
    expect(body.framework.name).toBe('科技创新局指标');
    expect(body.framework.indicators).toEqual([
      { code: '1', name: '社会效应', points: 20, children: [
        { code: '1.1', name: '社会效益', points: 12, rule: { kind: 'manual' } },
        { code: '1.2', name: '服务对象满意度', points: 8, children: [
          { code: '1.2.1', name: '社会满意度指标', points: 4, rule: { kind: 'satisfaction', bands: expect.arrayContaining([{ min: 85, factor: 1 }, { min: 80, factor: 0.8 }]) } },
          { code: '1.2.2', name: '区级机关考核综合评价', points: 4, rule: { kind: 'grade', factors: { 优秀: 1, 良好: '2/3', 一般: '1/3' } } },
        ] },
      ] },
      { code: '2', name: '可持续发展能力', points: 15, rule: { kind: 'manual' } },
    ]);
    // Not stored: the evaluation still has no framework until the evaluator saves this one.
    expect(((await (await member.get(`/api/evaluations/${evaluationId}/framework`)).json()) as any).version).toBeNull();
    const saved = await member.put(`/api/evaluations/${evaluationId}/framework`, { framework: body.framework });
    expect(saved.status).toBe(201);
    const sheet = (await (await member.get(`/api/evaluations/${evaluationId}/sheet`)).json()) as any;
    expect(sheet.points).toBe('35');
    expect(sheet.satisfaction.map((s: any) => s.code)).toEqual(['1.2.1']);
  });

  it('names the row and column of a bad figure and of an unknown rule', async () => {
    const rows: Row[] = [...seedLike];
    rows[1] = [null, '服务对象满意度', '社会满意度指标', '四分', 'satisfaction'];
    rows[2] = [null, null, '区级机关考核综合评价', 4, '凭感觉'];
    const err = await refused(await member.post(path(), upload(await xlsx(rows))));
    expect(err.code).toBe('invalid_framework');
    const messages = err.issues.map((i) => i.message);
    expect(messages).toContainEqual(expect.stringContaining('第 3 行 D 列（分值）：“四分”不是大于 0 的数'));
    expect(messages).toContainEqual(expect.stringContaining('第 4 行 E 列（规则）：不认识的规则“凭感觉”'));
    expect(err.issues[0]!.params).toMatchObject({ row: 3, column: 'D' });
  });

  it('keeps a parent\'s stated points and says on its row when the children do not add up', async () => {
    const rows: Row[] = [['社会效应', null, null, 25, null], [null, '社会效益', null, 12, null], [null, '服务对象满意度', null, 8, null]];
    const err = await refused(await member.post(path(), upload(await xlsx(rows))));
    expect(err.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/^第 2 行 D 列（分值）：.*下级指标分值合计 20，与本级分值 25 不符/));
  });

  it('refuses a rule word that is only a name on every object (valueOf, __proto__), naming its cell', async () => {
    for (const word of ['valueOf', '__proto__', 'hasOwnProperty', 'toLocaleString', '__defineGetter__', 'constructor']) {
      const csv = `一级指标,二级指标,三级指标,分值,规则\r\n决策,目标,依据,4,${word}\r\n`;
      const err = await refused(await member.post(path(), upload(new TextEncoder().encode(csv), '指标.csv')));
      expect(err.code).toBe('invalid_framework');
      expect(err.issues).toEqual([expect.objectContaining({ field: 'file', params: { row: 2, column: 'E' } })]);
      expect(err.issues[0]!.message).toContain(`第 2 行 E 列（规则）：不认识的规则“${word}”`);
    }
  });

  it('refuses a rule JSON cell with text for a figure, naming its row and column', async () => {
    const cells: [string, string][] = [
      ['{"kind":"band","bands":[{"min":"x","factor":1}]}', 'bands[0].min'],
      ['{"kind":"band","bands":[{"min":0,"factor":"1/0"}]}', 'bands[0].factor'],
      ['{"kind":"completion","target":"y"}', 'target'],
    ];
    for (const [rule, what] of cells) {
      const rows: Row[] = [['决策', '目标', '依据', 4, rule], [null, null, '方案', 6, 'manual']];
      const err = await refused(await member.post(path(), upload(await xlsx(rows))));
      expect(err.code).toBe('invalid_framework');
      expect(err.issues).toEqual([expect.objectContaining({ field: 'file', params: { row: 2, column: 'E', indicator: '1.1.1' } })]);
      expect(err.issues[0]!.message).toMatch(new RegExp(`^第 2 行 E 列（规则）：.*${what.replace(/[[\].]/g, '\\$&')}：须为`));
    }
  });

  it('refuses a sheet without the columns it needs, a row continuing nothing, and a file that is not a workbook', async () => {
    const noPoints = await refused(await member.post(path(), upload(await xlsx([['社会效应', null, null, 20]], [], ['一级指标', '二级指标', '三级指标', '得分']))));
    expect(noPoints.issues[0]!.message).toContain('缺少列 分值');
    const orphan = await refused(await member.post(path(), upload(await xlsx([[null, '社会效益', null, 12, null]]))));
    expect(orphan.issues[0]!.message).toContain('第 2 行 A 列（一级指标）');
    const garbage = await refused(await member.post(path(), upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))));
    expect(garbage.issues[0]).toMatchObject({ field: 'file', code: 'unreadable' });
    const none = await refused(await member.post(path(), new FormData()));
    expect(none.issues[0]).toMatchObject({ field: 'file', code: 'required' });
  });

  it('is the members\' only: 404 to another evaluator, 401 without a session, 403 without Origin', async () => {
    const bytes = await xlsx(seedLike);
    expect((await outsider.post(path(), upload(bytes))).status).toBe(404);
    expect((await new Browser(t.app).post(path(), upload(bytes))).status).toBe(401);
    const res = await t.app.request(path(), { method: 'POST', body: upload(bytes), headers: { cookie: member.cookieHeader() } });
    expect(res.status).toBe(403);
  });
});
