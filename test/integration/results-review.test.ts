// Reviewing responses: each quality flag fires on a response made to have it and not on a normal
// one; the list pages and filters by them; one response reads in words; open texts are grouped,
// searchable and returned as text; and only members of the survey's evaluation see any of it.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, satisfiedAnswers, postJson, type TestApp } from '../support/app.ts';
import { Browser, evaluator, loginAdmin, newEvaluation, newSurvey } from '../support/session.ts';

let t: TestApp;
let admin: Browser;
let survey: { id: string; slug: string };
const ids: Record<string, string> = {};

/** A public submission from a given client address and device cookie, started `seconds` ago. */
async function submit(name: string, answers: Record<string, unknown>, opts: { address?: string; device?: string; seconds?: number; kiosk?: string } = {}) {
  const id = randomUUID();
  ids[name] = id;
  const headers: Record<string, string> = {};
  if (opts.address) headers['x-test-address'] = opts.address;
  if (opts.device) headers.cookie = `mny_dev=${opts.device}`;
  const startedAt = new Date(Date.now() - (opts.seconds ?? 120) * 1000).toISOString();
  const res = await postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id, answers, startedAt, ...(opts.kiosk ? { kiosk: opts.kiosk } : {}) }, headers);
  expect(res.status).toBe(201);
}

async function flagsOf(name: string): Promise<string[]> {
  const res = await admin.get(`/api/responses/${ids[name]}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { response: { flags: string[] } }).response.flags;
}

beforeAll(async () => {
  t = await testApp({ demo: false });
  // The network is the client's address's /24; app.request has no socket, so the test names it.
  t.ctx.clientAddress = (c: Context) => c.req.header('x-test-address');
  admin = await loginAdmin(t);
  survey = await newSurvey(admin, await newEvaluation(admin));
  await admin.post(`/api/surveys/${survey.id}/open`);
  const varied = (i: number) => satisfiedAnswers({ q3: 3 + (i % 3), overall: 4 });
  await submit('normal', satisfiedAnswers(), { address: '192.0.2.1', device: randomUUID() });
  await submit('ineligible', { contact: 'no' }, { address: '192.0.2.2' });
  await submit('fast', varied(1), { seconds: 10 });
  await submit('slowEnough', varied(2), { seconds: 41 });
  await submit('straight', satisfiedAnswers({ q1: 5, q2: 5, q3: 5, q4: 5, q5: 5, q6: 5, q7: 5, overall: 5 }));
  const device = randomUUID();
  await submit('firstOnDevice', varied(3), { device });
  await submit('againOnDevice', varied(4), { device });
  // A kiosk tablet serves one person after another from one browser: not duplicates.
  const hall = (await (await admin.post(`/api/surveys/${survey.id}/sources`, { code: 'hall-1', label: '大厅平板', kiosk: true })).json()) as { source: { kioskUrl: string } };
  const kiosk = new URL(hall.source.kioskUrl).searchParams.get('kiosk')!;
  const tablet = randomUUID();
  await submit('kiosk1', varied(5), { device: tablet, kiosk });
  await submit('kiosk2', varied(6), { device: tablet, kiosk });
  // Three identical answer sets from one /24 in a minute; two from another are not a burst.
  const same = satisfiedAnswers({ q2: 3, suggestion: '同一网络' });
  for (const n of [1, 2, 3]) await submit(`burst${n}`, same, { address: `198.51.100.${n}` });
  for (const n of [1, 2]) await submit(`pair${n}`, same, { address: `203.0.113.${n}` });
  await submit('texts', satisfiedAnswers({ q2: 2, 'q2-why': '<script>alert("x")</script> 排队太久', suggestion: '=HYPERLINK("http://x") 希望 Online 办理' }));
});

afterAll(async () => {
  await t?.close();
});

describe('quality flags', () => {
  it('each fires on its constructed case and not on a normal one', async () => {
    expect(await flagsOf('normal')).toEqual([]);
    expect(await flagsOf('ineligible')).toEqual(['ineligible']);
    expect(await flagsOf('fast')).toEqual(['too_fast']);
    expect(await flagsOf('slowEnough')).toEqual([]);
    expect(await flagsOf('straight')).toEqual(['straight_line']);
    expect(await flagsOf('firstOnDevice')).toEqual([]);
    expect(await flagsOf('againOnDevice')).toEqual(['duplicate_device']);
    expect(await flagsOf('kiosk1')).toEqual([]);
    expect(await flagsOf('kiosk2')).toEqual([]);
    for (const n of [1, 2, 3]) expect(await flagsOf(`burst${n}`)).toEqual(['burst']);
    for (const n of [1, 2]) expect(await flagsOf(`pair${n}`)).toEqual([]);
  });

  it('are advice: only ineligibility takes a response out of the rates', async () => {
    const results = (await (await admin.get(`/api/surveys/${survey.id}/results`)).json()) as any;
    expect(results.accounting).toMatchObject({ received: 15, valid: 14, invalid: { ineligible: 1 } });
    expect(results.overall.n).toBe(14);
  });
});

describe('the response list', () => {
  it('pages by seq and filters by flags, exclusion, channel and group', async () => {
    const seen: string[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const page = (await (await admin.get(`/api/surveys/${survey.id}/responses?limit=5&after=${after}`)).json()) as { responses: { id: string; seq: number }[]; next: number | null };
      expect(page.responses.length).toBeLessThanOrEqual(5);
      seen.push(...page.responses.map((r) => r.id));
      after = page.next;
    }
    expect(seen).toEqual(Object.values(ids));

    const flagged = (await (await admin.get(`/api/surveys/${survey.id}/responses?flagged=true`)).json()) as { responses: { id: string; flags: string[]; valid: boolean }[] };
    expect(flagged.responses.map((r) => r.id)).toEqual(['ineligible', 'fast', 'straight', 'againOnDevice', 'burst1', 'burst2', 'burst3'].map((n) => ids[n]));
    expect(flagged.responses.find((r) => r.id === ids.ineligible)!.valid).toBe(false);
    const bursts = (await (await admin.get(`/api/surveys/${survey.id}/responses?flag=burst`)).json()) as { responses: { id: string }[] };
    expect(bursts.responses.map((r) => r.id)).toEqual([ids.burst1, ids.burst2, ids.burst3]);
    const unflagged = (await (await admin.get(`/api/surveys/${survey.id}/responses?flagged=false`)).json()) as { responses: unknown[] };
    expect(unflagged.responses.length).toBe(15 - 7);

    expect((await admin.post(`/api/responses/${ids.fast}/exclusion`, { reason: '答题过快' })).status).toBe(201);
    const excluded = (await (await admin.get(`/api/surveys/${survey.id}/responses?excluded=true`)).json()) as { responses: { id: string; excluded: boolean; valid: boolean }[] };
    expect(excluded.responses).toMatchObject([{ id: ids.fast, excluded: true, valid: false }]);
    expect((await (await admin.get(`/api/surveys/${survey.id}/responses?excluded=false`)).json()).responses.length).toBe(14);
    expect((await (await admin.get(`/api/surveys/${survey.id}/responses?channel=qr`)).json()).responses).toEqual([]);
    expect((await (await admin.get(`/api/surveys/${survey.id}/responses?group=public`)).json()).responses.length).toBe(15);
    expect((await (await admin.get(`/api/surveys/${survey.id}/responses?channel=kiosk`)).json()).responses.map((r: { id: string }) => r.id)).toEqual([ids.kiosk1, ids.kiosk2]);
    expect((await admin.get(`/api/surveys/${survey.id}/responses?flag=nonsense`)).status).toBe(422);
  });

  it('shows one response with its answers in words and its exclusion history', async () => {
    const res = (await (await admin.get(`/api/responses/${ids.fast}`)).json()) as any;
    expect(res.response).toMatchObject({ id: ids.fast, seq: 3, channel: 'link', group: 'public', excluded: true, flags: ['too_fast'] });
    expect(res.answers.find((a: any) => a.question === 'q3')).toMatchObject({ value: 4, text: '满意' });
    expect(res.answers.find((a: any) => a.question === 'contact')).toMatchObject({ value: 'yes', text: '是' });
    expect(res.exclusions).toMatchObject([{ action: 'exclude', reason: '答题过快', user: 'admin' }]);
    expect((await admin.post(`/api/responses/${ids.fast}/exclusion`, { reason: '再次' })).status).toBe(409);
    expect((await admin.request('DELETE', `/api/responses/${ids.normal}/exclusion`, { reason: '无' })).status).toBe(409);
    expect((await admin.post(`/api/responses/${ids.normal}/exclusion`, {})).status).toBe(422);
    expect((await admin.get(`/api/responses/${randomUUID()}`)).status).toBe(404);
  });

  it('reaches any response, flagged or not, by its number, to exclude and restore (what the results page does)', async () => {
    // The page opens #N by asking for the first response after N − 1.
    type Page = { responses: { id: string; seq: number; flags: string[]; excluded: boolean }[]; next: number | null };
    const byNumber = async (seq: number) => ((await (await admin.get(`/api/surveys/${survey.id}/responses?limit=1&after=${seq - 1}`)).json()) as Page).responses[0];
    const first = await byNumber(1);
    expect(first).toMatchObject({ id: ids.normal, seq: 1, flags: [], excluded: false });
    expect(await byNumber(16)).toBeUndefined();

    expect((await admin.post(`/api/responses/${ids.normal}/exclusion`, { reason: '电话回访：非本区居民' })).status).toBe(201);
    const excluded = (await (await admin.get(`/api/surveys/${survey.id}/responses?excluded=true`)).json()) as Page;
    expect(excluded.responses.map((r) => r.id)).toEqual([ids.normal, ids.fast]);
    expect((await (await admin.get(`/api/surveys/${survey.id}/results`)).json()).accounting.invalid).toMatchObject({ excluded: 2 });
    expect((await admin.request('DELETE', `/api/responses/${ids.normal}/exclusion`, { reason: '复核：确为本区居民' })).status).toBe(200);
    const detail = (await (await admin.get(`/api/responses/${ids.normal}`)).json()) as any;
    expect(detail.response).toMatchObject({ excluded: false, valid: true, flags: [] });
    expect(detail.exclusions).toMatchObject([
      { action: 'exclude', reason: '电话回访：非本区居民', user: 'admin' },
      { action: 'restore', reason: '复核：确为本区居民', user: 'admin' },
    ]);
  });
});

describe('open texts', () => {
  it('are grouped by question, searchable, and returned as the text typed', async () => {
    const all = (await (await admin.get(`/api/surveys/${survey.id}/texts`)).json()) as { questions: { id: string; answers: { text: string; responseId: string }[] }[]; next: number | null };
    expect(all.next).toBeNull();
    const byId = Object.fromEntries(all.questions.map((q) => [q.id, q.answers.map((a) => a.text)]));
    expect(byId['q2-why']).toEqual(['<script>alert("x")</script> 排队太久']);
    expect(byId.suggestion).toEqual(['同一网络', '同一网络', '同一网络', '同一网络', '同一网络', '=HYPERLINK("http://x") 希望 Online 办理']);
    const found = (await (await admin.get(`/api/surveys/${survey.id}/texts?q=${encodeURIComponent('online')}`)).json()) as typeof all;
    expect(found.questions.flatMap((q) => q.answers.map((a) => a.responseId))).toEqual([ids.texts]);
    const quoted = (await (await admin.get(`/api/surveys/${survey.id}/texts?q=${encodeURIComponent('alert("x")')}`)).json()) as typeof all;
    expect(quoted.questions.flatMap((q) => q.answers.map((a) => a.text))).toEqual(['<script>alert("x")</script> 排队太久']);
    const percent = (await (await admin.get(`/api/surveys/${survey.id}/texts?q=${encodeURIComponent('%')}`)).json()) as typeof all;
    expect(percent.questions.flatMap((q) => q.answers)).toEqual([]);
    const paged = (await (await admin.get(`/api/surveys/${survey.id}/texts?limit=2`)).json()) as typeof all;
    expect(paged.questions.flatMap((q) => q.answers).length).toBe(2);
    expect(paged.next).not.toBeNull();
  });
});

describe('who may see results and responses', () => {
  it('answers 404 to an evaluator outside the evaluation and 401 without a session', async () => {
    const outsider = (await evaluator(t, 'outsider')).browser;
    const anonymous = new Browser(t.app);
    const gets = [
      `/api/surveys/${survey.id}/results`, `/api/surveys/${survey.id}/results/events`, `/api/surveys/${survey.id}/responses`,
      `/api/surveys/${survey.id}/texts`, `/api/responses/${ids.normal}`,
    ];
    for (const path of gets) {
      expect((await outsider.get(path)).status, path).toBe(404);
      expect((await anonymous.get(path)).status, path).toBe(401);
    }
    expect((await outsider.post(`/api/responses/${ids.normal}/exclusion`, { reason: 'x' })).status).toBe(404);
    expect((await outsider.request('DELETE', `/api/responses/${ids.fast}/exclusion`, { reason: 'x' })).status).toBe(404);
    expect((await anonymous.post(`/api/responses/${ids.normal}/exclusion`, { reason: 'x' })).status).toBe(401);
    // Nothing was excluded or restored by the refused requests.
    const list = (await (await admin.get(`/api/surveys/${survey.id}/responses?excluded=true`)).json()) as { responses: { id: string }[] };
    expect(list.responses.map((r) => r.id)).toEqual([ids.fast]);
  });
});
