// Results from the counts kept on write, checked against a recount of the stored rows: 5,000
// generated responses over every channel, two respondent groups and two definition versions,
// with 不了解 answers, hidden follow-ups and ineligible respondents; filters by group and channel;
// exclusions and restorations moving the rates exactly and back; the seed's 29 of 30.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../surveys/index.ts';
import { templates } from '../../surveys/templates/index.ts';
import { pendingResponse } from '../../server/surveys/pending.ts';
import { testApp, satisfiedAnswers, postJson, type TestApp } from '../support/app.ts';
import { loginAdmin, newEvaluation, refused, type Browser } from '../support/session.ts';
import { generatedAnswers, random, ratesOfRecount, recount, shareRateByHand } from '../support/results.ts';

let t: TestApp;
let admin: Browser;
let survey: { id: string; slug: string };
const publicDef = templates.public as SurveyDefinition;
const enterpriseDef: SurveyDefinition = { ...publicDef, group: 'enterprise' };
const channels = ['link', 'qr', 'token', 'interview', 'phone', 'paper', 'import'] as const;

async function results(query = ''): Promise<any> {
  const res = await admin.get(`/api/surveys/${survey.id}/results${query}`);
  expect(res.status).toBe(200);
  return res.json();
}

/** Every figure of the results equals the recount's (and scoring/'s rates of the recount). */
async function expectResultsOfRows(filter: { group?: string; channel?: string } = {}) {
  const query = new URLSearchParams(filter as Record<string, string>).toString();
  const got = await results(query ? `?${query}` : '');
  const def = publicDef;
  const expected = await recount(t, def, survey.id, filter);
  expect({ received: got.accounting.received, valid: got.accounting.valid, invalid: got.accounting.invalid }).toEqual(expected.accounting);
  for (const item of got.items) {
    const c = expected.counts[item.id]!;
    const question = def.questions.find((q) => q.id === item.id) as { scale: string };
    const levels = Object.fromEntries(def.scales[question.scale]!.levels.map((l) => [String(l.code), (c.levels as Record<string, number>)[String(l.code)] ?? 0]));
    expect({ id: item.id, levels: item.levels, notApplicable: item.notApplicable, n: item.n }).toEqual({
      id: item.id, levels, notApplicable: c.notApplicable, n: Object.values(levels).reduce((a, b) => a + b, 0),
    });
    expect(item.rate).toBe(shareRateByHand(c, [5, 4]));
  }
  const rates = ratesOfRecount(def, expected);
  expect(got.items.map(({ unmatched, ...i }: any) => i)).toEqual(rates.items);
  expect(got.dimensions).toEqual(rates.dimensions);
  const { band, ...overall } = got.overall;
  expect(overall).toEqual(rates.overall);
  expect(band.band).not.toBeUndefined();
  return got;
}

beforeAll(async () => {
  t = await testApp({ demo: false });
  admin = await loginAdmin(t);
  const evaluationId = await newEvaluation(admin);
  const created = await admin.post('/api/surveys', { evaluationId, definition: { ...publicDef, slug: 'results-public' } });
  survey = (await created.json()) as { id: string; slug: string };
  expect((await admin.post(`/api/surveys/${survey.id}/open`)).status).toBe(200);
  const tokens = ((await (await admin.post(`/api/surveys/${survey.id}/tokens`, { count: 1000 })).json()) as { tokens: { token: string }[] }).tokens.map((x) => x.token);

  const rnd = random(20231231);
  let used = 0;
  const now = Date.now();
  // Through the write path the routes use (validated answers, the group commit), in waves.
  const submitWave = async (count: number) => {
    const published = (await t.ctx.published.get(survey.slug))!;
    await Promise.all(
      Array.from({ length: count }, (_, i) => {
        const validated = published.validate(generatedAnswers(rnd));
        if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
        const channel = channels[i % channels.length]!;
        const started = now - Math.floor(rnd() * 600_000);
        return t.ctx.writer.submit(
          pendingResponse(published, {
            id: randomUUID(), channel, token: channel === 'token' ? tokens[used++]! : null, device: null, network: null,
            source: channel === 'import' ? 'import:test' : null, startedAt: new Date(started).toISOString(),
            submittedAt: new Date(started + Math.floor(rnd() * 300_000)).toISOString(), answers: validated.answers,
          }),
        );
      }),
    );
  };
  await submitWave(2400);
  // The second version asks enterprises: the counts of both versions are pooled by question.
  const edited = await admin.put(`/api/surveys/${survey.id}/definition`, { definition: { ...enterpriseDef, slug: 'results-public' } });
  expect(edited.status).toBe(200);
  t.ctx.published.forget(survey.slug);
  await submitWave(2400);
  // And some through the routes themselves: the public page's JSON and an interviewer's entry.
  for (let i = 0; i < 100; i++) {
    const answers = generatedAnswers(rnd);
    const res = i % 2 === 0
      ? await postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id: randomUUID(), answers })
      : await admin.post(`/api/surveys/${survey.id}/responses`, { id: randomUUID(), channel: 'phone', answers });
    expect(res.status).toBe(201);
  }
  await t.ctx.writer.drain();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('results from counts kept on write', () => {
  it('every figure equals a recount of the stored rows, pooled, by group and by channel', async () => {
    const all = await expectResultsOfRows();
    expect(all.accounting.received).toBe(4900);
    expect(all.accounting.issued).toBe(1000);
    expect(all.accounting.invalid.ineligible).toBeGreaterThan(100);
    expect(all.method).toEqual(publicDef.method);
    expect(Object.keys(all.groups).sort()).toEqual(['enterprise', 'public']);
    expect(Object.keys(all.channels).sort()).toEqual([...channels].sort());
    expect(all.items.find((i: any) => i.id === 'q2').notApplicable).toBeGreaterThan(0);
    // The 1,000 invitations issued are not the population: N is what the evaluator sets.
    expect(all.plan).toMatchObject({ required: 384, population: null });
    for (const group of ['public', 'enterprise']) {
      const g = await expectResultsOfRows({ group });
      expect(all.groups[group]).toEqual({ overall: (({ band, ...o }) => o)(g.overall), accounting: { ...g.accounting, issued: null, issuedFrom: { tokens: 0, paper: 0 }, ofIssued: { received: 0, valid: 0 }, responseRate: null, validResponseRate: null } });
    }
    for (const channel of ['token', 'interview', 'import', 'phone']) {
      const c = await expectResultsOfRows({ channel });
      expect(c.accounting.issued).toBe(channel === 'token' ? 1000 : null);
      expect(all.channels[channel].overall).toEqual((({ band, ...o }) => o)(c.overall));
    }
    await expectResultsOfRows({ group: 'enterprise', channel: 'paper' });
    const token = await results('?channel=token');
    // Every seventh generated response came by invitation: 343 in each wave of 2,400.
    expect(token.accounting.received).toBe(686);
    expect(token.accounting.responseRate).toBe('68.60');
    // 回收率 = what came back through the forms issued ÷ issued: only the invitations here, not the
    // 4,214 responses by interview, link or import, which were never issued (else 490 %).
    expect(all.accounting.ofIssued).toEqual({ received: 686, valid: token.accounting.valid });
    expect(all.accounting.responseRate).toBe('68.60');
    expect(all.accounting.validResponseRate).toBe(token.accounting.validResponseRate);
  });

  it('moves every rate exactly on exclusion and exactly back on restoration', async () => {
    const before = await results();
    const list = (await (await admin.get(`/api/surveys/${survey.id}/responses?limit=60`)).json()) as { responses: { id: string; flags: string[] }[] };
    const chosen = list.responses.slice(0, 60);
    for (const r of chosen) expect((await admin.post(`/api/responses/${r.id}/exclusion`, { reason: '电话回访核实：非服务对象' })).status).toBe(201);
    const after = await expectResultsOfRows();
    const ineligible = chosen.filter((r) => r.flags.includes('ineligible')).length;
    expect(after.accounting.invalid.excluded).toBe(60 - ineligible);
    expect(after.accounting.valid).toBe(before.accounting.valid - (60 - ineligible));
    expect(after.items).not.toEqual(before.items);
    await expectResultsOfRows({ group: 'public' });
    await expectResultsOfRows({ channel: 'link' });

    for (const r of chosen) expect((await admin.request('DELETE', `/api/responses/${r.id}/exclusion`, { reason: '复核后恢复' })).status).toBe(200);
    expect(await results()).toEqual(before);
    const history = (await (await admin.get(`/api/responses/${chosen[0]!.id}`)).json()) as any;
    expect(history.exclusions.map((e: any) => [e.action, e.reason, e.user])).toEqual([
      ['exclude', '电话回访核实：非服务对象', 'admin'],
      ['restore', '复核后恢复', 'admin'],
    ]);
  });

  it('counts one exclusion of a response excluded by many at once', async () => {
    const before = await results();
    const { responses } = (await (await admin.get(`/api/surveys/${survey.id}/responses?flagged=false&limit=1`)).json()) as { responses: { id: string }[] };
    const id = responses[0]!.id;
    const statuses = await Promise.all(Array.from({ length: 8 }, () => admin.post(`/api/responses/${id}/exclusion`, { reason: '重复' }).then((r) => r.status)));
    expect(statuses.sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const after = await expectResultsOfRows();
    expect(after.accounting.valid).toBe(before.accounting.valid - 1);
    const restores = await Promise.all(Array.from({ length: 4 }, () => admin.request('DELETE', `/api/responses/${id}/exclusion`, { reason: '误操作' }).then((r) => r.status)));
    expect(restores.sort()).toEqual([200, 409, 409, 409]);
    expect(await results()).toEqual(before);
  });

  it('answers 304 to a poll with the current ETag, and a new ETag once a response arrives', async () => {
    const first = await admin.get(`/api/surveys/${survey.id}/results`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await admin.get(`/api/surveys/${survey.id}/results`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id: randomUUID(), answers: satisfiedAnswers() })).status).toBe(201);
    const changed = await admin.get(`/api/surveys/${survey.id}/results`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('pushes a new version on the event stream when the counts change', async () => {
    const res = await admin.get(`/api/surveys/${survey.id}/results/events`);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const nextEvent = async () => {
      let text = '';
      while (!/event: results\n[^]*?\n\n/.test(text)) text += decoder.decode((await reader.read()).value);
      return /data: (.*)/.exec(text)![1]!;
    };
    const first = JSON.parse(await nextEvent()) as { version: string };
    expect((await postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id: randomUUID(), answers: satisfiedAnswers() })).status).toBe(201);
    const second = JSON.parse(await nextEvent()) as { version: string };
    expect(second.version).not.toBe(first.version);
    expect((await admin.get(`/api/surveys/${survey.id}/results`)).headers.get('etag')).toBe(`W/"${second.version}"`);
    await reader.cancel();
  });

  it('refuses unknown query fields', async () => {
    const res = await admin.get(`/api/surveys/${survey.id}/results?grup=public`);
    expect(res.status).toBe(422);
  });
});

describe('the seed case', () => {
  it('29 satisfied of 30 is 96.67 with a 95 % interval of 83.33–99.41, the ≥ 85 band likely but not certain', async () => {
    const evaluationId = await newEvaluation(admin, '种子案例');
    const created = (await (await admin.post('/api/surveys', { evaluationId, definition: { ...publicDef, slug: 'seed-case' } })).json()) as { id: string; slug: string };
    await admin.post(`/api/surveys/${created.id}/open`);
    for (let i = 0; i < 32; i++) {
      // 29 satisfied, one 基本满意, and two who answered 不了解 about the whole; q2 不了解 twice.
      const overall = i < 29 ? (i % 2 ? 5 : 4) : i === 29 ? 3 : 0;
      const answers = satisfiedAnswers({ overall, ...(i < 2 ? { q2: 0 } : {}) });
      expect((await postJson(t.app, `/api/public/surveys/${created.slug}/responses`, { id: randomUUID(), answers })).status).toBe(201);
    }
    const got = (await (await admin.get(`/api/surveys/${created.id}/results`)).json()) as any;
    expect(got.overall).toMatchObject({ rate: '96.67', n: 30, notApplicable: 2, ci95: ['83.33', '99.41'] });
    expect(got.overall.band).toMatchObject({ band: { min: '85.00', factor: '1' }, certain: false, straddles: ['85.00'] });
    expect(got.overall.band.settlesAt).toBeGreaterThan(30);
    expect(got.items.find((i: any) => i.id === 'q2')).toMatchObject({ notApplicable: 2, n: 30, levels: { 5: 30, 4: 0, 3: 0, 2: 0, 1: 0 } });
    expect(got.accounting).toEqual({ issued: null, issuedFrom: { tokens: 0, paper: 0 }, ofIssued: { received: 0, valid: 0 }, received: 32, valid: 32, invalid: {}, responseRate: null, validResponseRate: null });
    expect(got.plan).toMatchObject({ required: 384, population: null });
  });

  it('plans the sample for the population the evaluator sets (N = 500 → 218), and the ETag moves with it', async () => {
    const url = `/api/surveys/${survey.id}/results`;
    const before = (await admin.get(url)).headers.get('etag');
    const set = await admin.put(`/api/surveys/${survey.id}/population`, { population: 500 });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ id: survey.id, population: 500 });
    const after = await admin.get(url, { 'if-none-match': before! });
    expect(after.status).toBe(200);
    expect(((await after.json()) as any).plan).toMatchObject({ required: 218, population: 500 });
    for (const population of [0, -5, 1.5, '500', 2e9]) {
      expect((await refused(await admin.put(`/api/surveys/${survey.id}/population`, { population }))).issues[0].field).toBe('population');
    }
    expect(((await (await admin.get(url)).json()) as any).plan.population).toBe(500);
    expect((await admin.put(`/api/surveys/${survey.id}/population`, { population: null })).status).toBe(200);
    expect(((await (await admin.get(url)).json()) as any).plan).toMatchObject({ required: 384, population: null });
  });
});
