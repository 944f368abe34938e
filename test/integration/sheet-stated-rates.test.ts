// A report's stated rate beside a parent, after the evaluator re-scores a child (an evaluator's
// flow on the seed): the seed's inputs file imported whole, 内部培训 2 → 2.5 as the score editor
// sends it. 可持续发展能力's printed 83.33 % was right for the report's 12.5; against the new 13 it
// is shown as the earlier figures' rate, on the sheet and in sheet.xlsx, not as the report's slip.
// 目标管理's 82.00 % for 7.2 of 10, with nothing under it changed, stays a finding.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledExampleInputs } from '../../scoring/index.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { loginAdmin, newEvaluation, type Browser } from '../support/session.ts';

let t: TestApp;
let admin: Browser;
let evaluationId: string;
const seedInputs = bundledExampleInputs['department-overall'] as Record<string, Record<string, unknown>>;
const e = (id = evaluationId) => `/api/evaluations/${id}`;

async function sheet(id = evaluationId): Promise<any> {
  const res = await admin.get(`${e(id)}/sheet`);
  expect(res.status).toBe(200);
  return res.json();
}

const node = (s: any, code: string): any => {
  const walk = (list: any[]): any => list.map((i) => (i.code === code ? i : walk(i.children))).find(Boolean);
  return walk(s.indicators);
};

async function importSeed(id: string) {
  expect((await admin.put(`${e(id)}/framework`, { framework: 'department-overall' })).status).toBe(201);
  const loaded = await admin.put(`${e(id)}/inputs`, seedInputs);
  expect(await loaded.json()).toMatchObject({ inputs: Object.keys(seedInputs).length, cleared: 0 });
}

const training = { score: '2.5', reason: '复核培训记录后，酌情扣 0.5 分。' };
const targetsSlip = '所列得分率 82.00% 与得分 7.2 ÷ 分值 10 = 72.00% 不符';

beforeAll(async () => {
  t = await testApp({ demo: false });
  admin = await loginAdmin(t);
  evaluationId = await newEvaluation(admin);
  await importSeed(evaluationId);
});

afterAll(async () => {
  await t?.close();
});

describe('a parent\'s stated rate after a child is re-scored', () => {
  it('内部培训 2 → 2.5: 可持续发展能力 13 of 15 shows the report\'s 83.33 % as of the earlier figures, no finding; 目标管理 keeps its slip', async () => {
    const before = await sheet();
    expect(node(before, '4')).toMatchObject({ score: '12.5', rate: '83.33', findings: [] });
    expect(node(before, '1.1').findings).toEqual([targetsSlip]);

    const res = await admin.put(`${e()}/indicators/4.3`, training);
    expect(await res.json()).toMatchObject({ stored: true, total: '85.1', indicator: { code: '4.3', score: '2.5', findings: [] } });
    const after = await sheet();
    expect(node(after, '4')).toMatchObject({ score: '13', rate: '86.67', findings: [], staleStatedRate: '83.33' });
    expect(node(after, '1.1')).toMatchObject({ findings: [targetsSlip] });
    expect(node(after, '1.1').staleStatedRate).toBeUndefined();
    // The report's rates that still agree say nothing, stale or not.
    for (const code of ['2', '3', '1.2']) expect([code, node(after, code).findings, node(after, code).staleStatedRate]).toEqual([code, [], undefined]);
  });

  it('a child of 核心业务 re-scored makes 1.2 and 履职效能 stale; a reason reworded under 目标管理 leaves its slip a finding', async () => {
    expect((await admin.put(`${e()}/indicators/1.2.5`, { score: '4', reason: '复核后酌情扣 1 分。' })).status).toBe(200);
    // As the score editor saves a reworded reason: the score as it was, the report's rate and source kept.
    expect((await admin.put(`${e()}/indicators/1.1.2`, { ...seedInputs['1.1.2'], reason: '目标设置偏离度较高，扣 1 分。' })).status).toBe(200);
    const s = await sheet();
    expect(node(s, '1.2')).toMatchObject({ score: '27.45', rate: '91.50', findings: [], staleStatedRate: '89.67' });
    expect(node(s, '1')).toMatchObject({ score: '34.65', rate: '86.63', findings: [], staleStatedRate: '85.25' });
    expect(node(s, '1.1')).toMatchObject({ score: '7.2', findings: [targetsSlip] });
    expect(node(s, '1.1').staleStatedRate).toBeUndefined();
  });

  it('a child of 目标管理 re-scored: its 82.00 % was a slip for the 7.2 it was printed for, and stays one', async () => {
    const id = await newEvaluation(admin, '目标管理复核');
    await importSeed(id);
    expect((await admin.put(`${e(id)}/indicators/1.1.1`, { score: '4', reason: '复核' })).status).toBe(200);
    const s = await sheet(id);
    expect(node(s, '1.1')).toMatchObject({ score: '8', findings: [`${targetsSlip}（下级指标改动前的得分）`] });
    expect(node(s, '1.1').staleStatedRate).toBeUndefined();
  });

  it('a parent entered again with the same rate and a new source keeps the figures it was stated with', async () => {
    const id = await newEvaluation(admin, '来源改写');
    await importSeed(id);
    expect((await admin.put(`${e(id)}/indicators/4.3`, training)).status).toBe(200);
    expect((await admin.put(`${e(id)}/indicators/4`, { statedRate: seedInputs['4']!.statedRate, source: '表3（复核稿）' })).status).toBe(200);
    expect(node(await sheet(id), '4')).toMatchObject({ score: '13', findings: [], staleStatedRate: '83.33' });
  });

  it('sheet.xlsx says the same in 评分情况: the earlier figures\' rate as a note, the slip as 【审核】', async () => {
    const res = await admin.get(`${e()}/sheet.xlsx`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const annex = book.getWorksheet('得分表')!;
    const assessmentOf = (code: string) => {
      let text: string | null = null;
      annex.eachRow((r) => { if (r.getCell(9).value === code) text = String(r.getCell(7).value ?? ''); });
      return text;
    };
    expect(assessmentOf('4')).toBe('报告所列得分率 83.33%（下级指标改动前）');
    expect(assessmentOf('1')).toBe('报告所列得分率 85.25%（下级指标改动前）');
    expect(assessmentOf('1.1')).toBe(`【审核】${targetsSlip}`);
  });

  it('a parent entered again states its rate for the figures of then, and is checked again', async () => {
    expect(node(await sheet(), '4').staleStatedRate).toBe('83.33');
    expect((await admin.put(`${e()}/indicators/4`, { statedRate: '90', source: '复核稿' })).status).toBe(200);
    const s = await sheet();
    expect(node(s, '4')).toMatchObject({ score: '13', findings: ['所列得分率 90% 与得分 13 ÷ 分值 15 = 86.67% 不符'] });
    expect(node(s, '4').staleStatedRate).toBeUndefined();
    // The history keeps the report's entry beside the new one.
    const history = ((await (await admin.get(`${e()}/indicators/4`)).json()) as any).history;
    expect(history.map((h: any) => h.input.statedRate)).toEqual(['83.33', '90']);
  });

  it('with the clock standing still, the import and a re-score after it are still told apart', async () => {
    const id = await newEvaluation(admin, '时钟静止的评价项目');
    const clock = t.ctx.now;
    const instant = new Date();
    t.ctx.now = () => instant;
    try {
      await importSeed(id);
      expect((await admin.put(`${e(id)}/indicators/4.3`, training)).status).toBe(200);
    } finally {
      t.ctx.now = clock;
    }
    expect(node(await sheet(id), '4')).toMatchObject({ findings: [], staleStatedRate: '83.33' });
    const history = ((await (await admin.get(`${e(id)}/indicators/4.3`)).json()) as any).history;
    expect(history[1].createdAt > history[0].createdAt).toBe(true);
  });
});
