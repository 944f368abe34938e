// Distribution through the evaluator API: invitation tokens by count and per company, used ones
// shown as used, the CSV with links and no formulas, poster sources with kiosk keys, and QR
// codes that encode exactly the link they stand for.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryPoint } from '../../server/db/sources.ts';
import { qrPng, qrSvg } from '../../server/distribution/qr.ts';
import { postJson, satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { adminWithSurvey, evaluator, newEvaluation, newSurvey, type Browser } from '../support/session.ts';

let t: TestApp;
let admin: Browser;
let survey: { id: string; slug: string };

beforeEach(async () => {
  t = await testApp({ demo: false });
  ({ admin, survey } = await adminWithSurvey(t, 'qiye-2023'));
});
afterEach(async () => {
  await t.close();
});

const tokensPath = () => `/api/surveys/${survey.id}/tokens`;
const answerWith = (token: string) =>
  postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id: randomUUID(), token, answers: satisfiedAnswers() });

describe('invitation tokens', () => {
  it('makes N unguessable tokens with their links', async () => {
    const res = await admin.post(tokensPath(), { count: 5 });
    expect(res.status).toBe(201);
    const { tokens } = await res.json();
    expect(tokens).toHaveLength(5);
    for (const t of tokens) {
      // 22 base64url characters: 128 random bits.
      expect(t.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(t.url).toBe(`http://localhost/s/qiye-2023?t=${t.token}`);
      expect(t.label).toBeNull();
    }
    expect(new Set(tokens.map((t: { token: string }) => t.token)).size).toBe(5);
  });

  it('makes one per company, each answering once, and shows which are used', async () => {
    const companies = ['威海某科技有限公司', '临港区某精密机械厂'];
    const { tokens } = await (await admin.post(tokensPath(), { companies })).json();
    expect(tokens.map((t: { label: string }) => t.label)).toEqual(companies);
    await admin.post(`/api/surveys/${survey.id}/open`);
    expect((await answerWith(tokens[0].token)).status).toBe(201);
    expect((await answerWith(tokens[0].token)).status).toBe(409);

    const list = await (await admin.get(tokensPath())).json();
    expect(list.issued).toBe(2);
    expect(list.used).toBe(1);
    const byLabel = Object.fromEntries(list.tokens.map((t: { label: string; used: boolean; usedAt: string | null }) => [t.label, t]));
    expect(byLabel['威海某科技有限公司']).toMatchObject({ used: true, usedAt: expect.any(String), token: tokens[0].token, url: tokens[0].url });
    expect(byLabel['临港区某精密机械厂']).toMatchObject({ used: false, usedAt: null });
    expect((await (await admin.get(`/api/surveys/${survey.id}`)).json()).tokens).toEqual({ issued: 2, used: 1 });
  });

  it('refuses bad requests by field, creating nothing', async () => {
    for (const [body, field] of [
      [{ count: 0 }, 'count'],
      [{ count: 5001 }, 'count'],
      [{ companies: ['某公司', '  '] }, 'companies.1'],
    ] as const) {
      const res = await admin.post(tokensPath(), body);
      expect(res.status).toBe(422);
      expect(JSON.stringify((await res.json()).error.issues)).toContain(`"${field}"`);
    }
    expect((await admin.post(tokensPath(), { count: 2, companies: ['某公司'] })).status).toBe(422);
    expect((await (await admin.get(tokensPath())).json()).issued).toBe(0);
  });

  it('exports a CSV with each company and its link, safe from formula injection', async () => {
    const companies = ['威海某科技有限公司', '=HYPERLINK("http://evil.example","点我")', '+86 631 1234', '-1', '@SUM(A1)', '\t隐藏', '普通, "带引号" 公司'];
    const { tokens } = await (await admin.post(tokensPath(), { companies })).json();
    await admin.post(`/api/surveys/${survey.id}/open`);
    await answerWith(tokens[0].token);

    const res = await admin.get(`/api/surveys/${survey.id}/tokens.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('qiye-2023-tokens.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    // The BOM Excel needs to read the file as UTF-8 (fetch's text() would hide it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes, { bom: true });
    expect(rows[0]).toEqual(['单位', '链接', '邀请码', '状态']);
    const body = rows.slice(1);
    // Names are trimmed on the way in, so a leading tab never reaches the file at all.
    expect(body.map((r) => r[0])).toEqual([
      '威海某科技有限公司', `'=HYPERLINK("http://evil.example","点我")`, "'+86 631 1234", "'-1", "'@SUM(A1)", '隐藏', '普通, "带引号" 公司',
    ]);
    expect(body.map((r) => r[1])).toEqual(tokens.map((t: { url: string }) => t.url));
    expect(body.map((r) => r[3])).toEqual(['已使用', ...Array(6).fill('未使用')]);
  });
});

describe('QR codes, posters and kiosks', () => {
  it('answers SVG and PNG that encode the poster link', async () => {
    const link = 'http://localhost/s/qiye-2023?c=qr';
    const svg = await admin.get(`/api/surveys/${survey.id}/qr.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toBe(await qrSvg(link));
    const png = await admin.get(`/api/surveys/${survey.id}/qr.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.equals(await qrPng(link, 1024))).toBe(true);
    // The width in the PNG's header (IHDR), not only the bytes of the same (cached) drawing.
    expect(bytes.readUInt32BE(16)).toBe(1024);
    const small = Buffer.from(await (await admin.get(`/api/surveys/${survey.id}/qr.png?size=256`)).arrayBuffer());
    expect(small.equals(await qrPng(link, 256))).toBe(true);
    expect(small.readUInt32BE(16)).toBe(256);
    // Drawing blocks the server for the time it takes: past 2048 px (~1.5 s at 4096) is refused.
    const huge = await admin.get(`/api/surveys/${survey.id}/qr.png?size=4096`);
    expect(huge.status).toBe(422);
    expect((await huge.json()).error.issues[0].field).toBe('size');
    expect(await (await admin.get(`/api/surveys/${survey.id}/qr.svg?channel=link`)).text()).toBe(await qrSvg('http://localhost/s/qiye-2023'));
  });

  it('makes one poster per source and one QR per invitation', async () => {
    const created = await admin.post(`/api/surveys/${survey.id}/sources`, { code: 'hall-1', label: '政务服务大厅一楼' });
    expect(created.status).toBe(201);
    expect((await created.json()).source).toMatchObject({ code: 'hall-1', label: '政务服务大厅一楼', url: 'http://localhost/s/qiye-2023?c=qr&src=hall-1', kioskUrl: null });
    const svg = await (await admin.get(`/api/surveys/${survey.id}/qr.svg?source=hall-1`)).text();
    expect(svg).toBe(await qrSvg('http://localhost/s/qiye-2023?c=qr&src=hall-1'));
    expect(svg).not.toBe(await qrSvg('http://localhost/s/qiye-2023?c=qr'));
    expect((await admin.get(`/api/surveys/${survey.id}/qr.svg?source=hall-9`)).status).toBe(404);
    expect((await admin.post(`/api/surveys/${survey.id}/sources`, { code: 'hall-1', label: '重复' })).status).toBe(409);
    expect((await admin.post(`/api/surveys/${survey.id}/sources`, { code: 'Hall 1', label: 'x' })).status).toBe(422);

    const { tokens } = await (await admin.post(tokensPath(), { count: 1 })).json();
    expect(await (await admin.get(`/api/surveys/${survey.id}/qr.svg?token=${tokens[0].token}`)).text()).toBe(await qrSvg(tokens[0].url));
    const other = await newSurvey(admin, await newEvaluation(admin));
    expect((await admin.get(`/api/surveys/${other.id}/qr.svg?token=${tokens[0].token}`)).status).toBe(404);
    expect((await admin.get(`/api/surveys/${survey.id}/qr.svg?channel=kiosk`)).status).toBe(422);
  });

  it('keeps kiosk keys and tells the respondent page what a link means', async () => {
    const res = await admin.post(`/api/surveys/${survey.id}/sources`, { code: 'hall-2', label: '二楼平板', kiosk: true });
    const { source } = await res.json();
    const key = new URL(source.kioskUrl).searchParams.get('kiosk')!;
    expect(source.kioskUrl).toBe(`http://localhost/s/qiye-2023?kiosk=${key}`);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await entryPoint(t.db, survey.id, { kiosk: key })).toEqual({ source: 'hall-2', label: '二楼平板', kiosk: true });
    expect(await entryPoint(t.db, survey.id, { src: 'hall-2' })).toEqual({ source: 'hall-2', label: '二楼平板', kiosk: false });
    expect(await entryPoint(t.db, survey.id, { src: 'typo' })).toEqual({ source: null, label: null, kiosk: false });
    expect(await entryPoint(t.db, survey.id, {})).toEqual({ source: null, label: null, kiosk: false });
    expect(await entryPoint(t.db, survey.id, { kiosk: 'guessed-key' })).toBeNull();
    const other = await newSurvey(admin, await newEvaluation(admin));
    expect(await entryPoint(t.db, other.id, { kiosk: key })).toBeNull();

    // A new key for a lost tablet: the old one stops working.
    const rotated = (await (await admin.post(`/api/surveys/${survey.id}/sources/hall-2/kiosk`)).json()).source;
    const newKey = new URL(rotated.kioskUrl).searchParams.get('kiosk')!;
    expect(newKey).not.toBe(key);
    expect(await entryPoint(t.db, survey.id, { kiosk: key })).toBeNull();
    expect((await entryPoint(t.db, survey.id, { kiosk: newKey }))?.kiosk).toBe(true);
    expect((await admin.delete(`/api/surveys/${survey.id}/sources/hall-2/kiosk`)).status).toBe(204);
    expect(await entryPoint(t.db, survey.id, { kiosk: newKey })).toBeNull();
    expect((await (await admin.get(`/api/surveys/${survey.id}/sources`)).json()).sources).toEqual([expect.objectContaining({ code: 'hall-2', kioskUrl: null })]);
    expect((await admin.post(`/api/surveys/${survey.id}/sources/nope/kiosk`)).status).toBe(404);
  });

  it('answers 404 to an evaluator outside the evaluation on every distribution route', async () => {
    const { browser } = await evaluator(t, 'outsider');
    await admin.post(`/api/surveys/${survey.id}/sources`, { code: 'hall-1', label: '大厅' });
    for (const [method, path, body] of [
      ['POST', tokensPath(), { count: 1 }],
      ['GET', tokensPath(), undefined],
      ['GET', `${tokensPath()}.csv`, undefined],
      ['GET', `/api/surveys/${survey.id}/qr.svg`, undefined],
      ['GET', `/api/surveys/${survey.id}/qr.png`, undefined],
      ['GET', `/api/surveys/${survey.id}/sources`, undefined],
      ['POST', `/api/surveys/${survey.id}/sources`, { code: 'hall-3', label: 'x' }],
      ['POST', `/api/surveys/${survey.id}/sources/hall-1/kiosk`, {}],
      ['DELETE', `/api/surveys/${survey.id}/sources/hall-1/kiosk`, undefined],
    ] as const) {
      expect((await browser.request(method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    expect((await t.db.selectFrom('invitation_tokens').selectAll().execute()).length).toBe(0);
    expect((await t.db.selectFrom('survey_sources').select('kiosk_key').execute())).toEqual([{ kiosk_key: null }]);
  });
});
