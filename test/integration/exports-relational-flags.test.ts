// The flags that depend on other responses in a response export: a response's 标记 and 标记代码
// say what the response list (GET /api/surveys/:id/responses) says of it — a device seen before,
// a burst of identical answers from one network — in CSV and XLSX, whatever the export's filter,
// and at the edges of a burst's ten-minute bucket, which the list and the export read as one range.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameBucket } from '../../server/db/relational-flags.ts';
import { responsePage } from '../../server/db/export-reads.ts';
import { flagName } from '../../server/exports/labels.ts';
import { postJson, satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { loginAdmin, newEvaluation, newSurvey, type Browser } from '../support/session.ts';

let t: TestApp;
let admin: Browser;
let survey: { id: string; slug: string };
const ids: Record<string, string> = {};
let clock = Date.parse('2024-03-01T08:40:00.000Z');

/** A public submission at a given time, from a given client address, device cookie or kiosk. */
async function submit(name: string, answers: Record<string, unknown>, opts: { at?: string; address?: string; device?: string; kiosk?: string } = {}) {
  if (opts.at) clock = Date.parse(opts.at);
  const id = randomUUID();
  ids[name] = id;
  const headers: Record<string, string> = {};
  if (opts.address) headers['x-test-address'] = opts.address;
  if (opts.device) headers.cookie = `mny_dev=${opts.device}`;
  const res = await postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id, answers, ...(opts.kiosk ? { kiosk: opts.kiosk } : {}) }, headers);
  expect(res.status, await res.clone().text()).toBe(201);
}

beforeAll(async () => {
  t = await testApp({ demo: false });
  t.ctx.now = () => new Date(clock);
  // The network is the client address's /24; app.request has no socket, so the test names it.
  t.ctx.clientAddress = (c: Context) => c.req.header('x-test-address');
  admin = await loginAdmin(t);
  survey = await newSurvey(admin, await newEvaluation(admin));
  await admin.post(`/api/surveys/${survey.id}/open`);
  const varied = (i: number) => satisfiedAnswers({ q3: 1 + (i % 5), overall: 4 });

  await submit('normal', varied(0), { address: '192.0.2.1', device: randomUUID() });
  const device = randomUUID();
  await submit('firstOnDevice', varied(1), { device });
  // Straight-lined as well: a stored flag and a relational one, in the list's order.
  await submit('againOnDevice', satisfiedAnswers({ q1: 5, q2: 5, q3: 5, q4: 5, q5: 5, q6: 5, q7: 5, overall: 5 }), { device });
  const hall = (await (await admin.post(`/api/surveys/${survey.id}/sources`, { code: 'hall-1', label: '大厅平板', kiosk: true })).json()) as { source: { kioskUrl: string } };
  const kiosk = new URL(hall.source.kioskUrl).searchParams.get('kiosk')!;
  const tablet = randomUUID();
  await submit('kiosk1', varied(2), { device: tablet, kiosk });
  await submit('kiosk2', varied(3), { device: tablet, kiosk });

  // One answer set from one /24 around the buckets' edges: a bucket is its time's first 15
  // characters, so 08:49:59.999 is alone in 08:4x, two in 08:5x are not a burst, 09:00:00.000
  // is alone in 09:0x, and three in 09:1x, first and last instant included, are.
  const same = satisfiedAnswers({ q2: 3, suggestion: '同一网络' });
  const hallWifi = (n: number) => `198.51.100.${n}`;
  await submit('lastOf084', same, { at: '2024-03-01T08:49:59.999Z', address: hallWifi(1) });
  await submit('firstOf085', same, { at: '2024-03-01T08:50:00.000Z', address: hallWifi(2) });
  await submit('lastOf085', same, { at: '2024-03-01T08:59:59.999Z', address: hallWifi(3) });
  await submit('firstOf090', same, { at: '2024-03-01T09:00:00.000Z', address: hallWifi(4) });
  await submit('burst1', same, { at: '2024-03-01T09:10:00.000Z', address: hallWifi(5) });
  await submit('otherNetwork', same, { at: '2024-03-01T09:12:00.000Z', address: '203.0.113.9' });
  await submit('otherAnswers', varied(4), { at: '2024-03-01T09:13:00.000Z', address: hallWifi(6) });
  await submit('burst2', same, { at: '2024-03-01T09:15:00.000Z', address: hallWifi(7) });
  await submit('burst3', same, { at: '2024-03-01T09:19:59.999Z', address: hallWifi(8) });
});

afterAll(async () => {
  await t?.close();
});

type Flagged = Map<string, string[]>;

async function listed(query = ''): Promise<Flagged> {
  const res = await admin.get(`/api/surveys/${survey.id}/responses?limit=500${query}`);
  expect(res.status).toBe(200);
  const { responses } = (await res.json()) as { responses: { id: string; flags: string[] }[] };
  return new Map(responses.map((r) => [r.id, r.flags]));
}

async function download(path: string): Promise<Uint8Array> {
  const res = await admin.get(path);
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

/** Each row's flag codes, after checking that its 标记 names them in the same order. */
function exported(header: string[], rows: unknown[][]): Flagged {
  const at = (name: string) => header.indexOf(name);
  const flagged: Flagged = new Map();
  for (const row of rows) {
    const codes = row[at('标记代码')] ? String(row[at('标记代码')]).split(';') : [];
    const id = String(row[at('答卷编号')]);
    expect(row[at('标记')] || '', id).toBe(codes.map(flagName).join('；'));
    flagged.set(id, codes);
  }
  return flagged;
}

async function csvFlags(query = ''): Promise<Flagged> {
  const [header, ...rows] = parse(Buffer.from(await download(`/api/surveys/${survey.id}/export.csv?${query}`)), { bom: true }) as string[][];
  return exported(header!, rows);
}

async function xlsxFlags(query = ''): Promise<Flagged> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await download(`/api/surveys/${survey.id}/export.xlsx?${query}`)) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('答卷')!;
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  return exported(values(1) as string[], Array.from({ length: sheet.rowCount - 1 }, (_, i) => values(i + 2)));
}

const byName = (flagged: Flagged) => Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, flagged.get(id)]));

describe('the relational flags in a response export', () => {
  it('are what the response list shows: duplicate_device and burst, beside the stored ones', async () => {
    const list = await listed();
    expect(byName(list)).toEqual({
      normal: [], firstOnDevice: [], againOnDevice: ['straight_line', 'duplicate_device'], kiosk1: [], kiosk2: [],
      lastOf084: [], firstOf085: [], lastOf085: [], firstOf090: [],
      burst1: ['burst'], otherNetwork: [], otherAnswers: [], burst2: ['burst'], burst3: ['burst'],
    });
    expect(await csvFlags()).toEqual(list);
    expect(await xlsxFlags()).toEqual(list);
  });

  it('are decided against the whole survey, whatever rows the export is filtered to', async () => {
    expect((await admin.post(`/api/responses/${ids.burst1}/exclusion`, { reason: '核查' })).status).toBe(201);
    const kept = await listed('&excluded=false');
    expect(kept.get(ids.burst2!)).toEqual(['burst']);
    expect(await csvFlags('excluded=exclude')).toEqual(kept);
    expect(await xlsxFlags('excluded=only')).toEqual(await listed('&excluded=true'));
    expect(await csvFlags('channel=kiosk')).toEqual(await listed('&channel=kiosk'));
  });

  it('in an export cut at a chain head are decided among the responses up to it', async () => {
    // burst3 completes the burst; a file cut at the head before it holds burst1 and burst2 as
    // they were then, not flagged by a response the file does not contain.
    const seqOf = async (id: string) => Number((await t.db.selectFrom('responses').select('seq').where('id', '=', id).executeTakeFirstOrThrow()).seq);
    const head = (await seqOf(ids.burst3!)) - 1;
    const page = await responsePage(t.db, survey.id, { afterSeq: 0, uptoSeq: head }, { excluded: 'include' }, 500);
    const burstOf = (id: string) => Number(page.find((r) => r.id === id)!.burst);
    expect([burstOf(ids.burst1!), burstOf(ids.burst2!)]).toEqual([0, 0]);
    const whole = await responsePage(t.db, survey.id, { afterSeq: 0, uptoSeq: head + 1 }, { excluded: 'include' }, 500);
    expect(whole.filter((r) => Number(r.burst)).map((r) => r.id)).toEqual([ids.burst1, ids.burst2, ids.burst3]);
  });

  it('read a bucket as a range of times that holds exactly the times its 15-character prefix names', async () => {
    // Every pair of this survey's times, edges included, by the range and by the prefix.
    const { rows } = await sql<{ by_range: number; by_prefix: number }>`
      SELECT CASE WHEN ${sameBucket} THEN 1 ELSE 0 END AS by_range,
             CASE WHEN substr(b.submitted_at, 1, 15) = substr(r.submitted_at, 1, 15) THEN 1 ELSE 0 END AS by_prefix
      FROM responses r JOIN responses b ON b.survey_id = r.survey_id WHERE r.survey_id = ${survey.id}`.execute(t.db);
    expect(rows).toHaveLength(Object.keys(ids).length ** 2);
    expect(rows.filter((p) => Number(p.by_range) !== Number(p.by_prefix))).toEqual([]);
    expect(rows.filter((p) => Number(p.by_range)).length).toBeGreaterThan(Object.keys(ids).length);
  });
});
