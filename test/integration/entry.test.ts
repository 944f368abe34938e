// Interview, phone and paper entry: the same validation and write path as the public form, the
// channel and interviewer recorded, an idempotent retry, and the hash chain intact.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkChains } from '../../server/db/chain-check.ts';
import { postJson, satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { evaluator, newEvaluation, newSurvey, type Browser } from '../support/session.ts';

let t: TestApp;
let member: Browser;
let survey: { id: string; slug: string };

beforeEach(async () => {
  t = await testApp({ demo: false });
  member = (await evaluator(t, 'wangwu')).browser;
  survey = await newSurvey(member, await newEvaluation(member));
  await member.post(`/api/surveys/${survey.id}/open`);
});
afterEach(async () => {
  await t.close();
});

const enter = (body: Record<string, unknown>, browser = member) =>
  browser.post(`/api/surveys/${survey.id}/responses`, { id: randomUUID(), channel: 'interview', answers: satisfiedAnswers(), ...body });

const stored = () => t.db.selectFrom('responses').select(['id', 'channel', 'source', 'token', 'device', 'started_at', 'definition_version']).orderBy('seq').execute();

describe('entering responses', () => {
  it('stores an interview with its interviewer, and answers a retry 200 storing nothing', async () => {
    const id = randomUUID();
    const startedAt = '2023-11-20T02:15:00.000Z';
    const first = await enter({ id, interviewer: '李调查员', startedAt });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id });
    const retry = await enter({ id, interviewer: '李调查员', startedAt });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ id });
    expect(await stored()).toEqual([{ id, channel: 'interview', source: 'interviewer:李调查员', token: null, device: null, started_at: startedAt, definition_version: 1 }]);
  });

  it('records phone and paper entries, with the evaluator as interviewer when none is named', async () => {
    expect((await enter({ channel: 'phone' })).status).toBe(201);
    expect((await enter({ channel: 'paper', interviewer: '张三' })).status).toBe(201);
    expect((await stored()).map((r) => [r.channel, r.source])).toEqual([['phone', 'interviewer:wangwu'], ['paper', 'interviewer:张三']]);
    const detail = await (await member.get(`/api/surveys/${survey.id}`)).json();
    expect(detail.channels).toEqual({ phone: 1, paper: 1 });
  });

  it('validates like the public form and refuses other channels, writing nothing', async () => {
    const bad = await enter({ answers: satisfiedAnswers({ q3: 9, overall: undefined }) });
    expect(bad.status).toBe(422);
    const issues = (await bad.json()).error.issues.map((i: { question: string }) => i.question).sort();
    expect(issues).toEqual(['overall', 'q3']);
    for (const [body, field] of [
      [{ channel: 'link' }, 'channel'],
      [{ channel: 'import' }, 'channel'],
      [{ id: 'not-a-uuid' }, 'id'],
      [{ interviewer: '' }, 'interviewer'],
      [{ startedAt: 'yesterday' }, 'startedAt'],
      [{ device: 'x' }, 'device'],
    ] as const) {
      const res = await enter(body);
      expect(res.status, field).toBe(422);
      expect((await res.json()).error.issues).toContainEqual(expect.objectContaining({ field }));
    }
    expect(await stored()).toEqual([]);
  });

  it('needs an open survey: 409 for a draft, 410 once closed, 200 for a retry of what was stored', async () => {
    const draft = await newSurvey(member, await newEvaluation(member));
    const res = await member.post(`/api/surveys/${draft.id}/responses`, { id: randomUUID(), channel: 'paper', answers: satisfiedAnswers() });
    expect(res.status).toBe(409);
    const id = randomUUID();
    expect((await enter({ id })).status).toBe(201);
    await member.post(`/api/surveys/${survey.id}/close`);
    expect((await enter({})).status).toBe(410);
    expect((await enter({ id })).status).toBe(200);
    expect((await stored()).length).toBe(1);
  });

  it('answers 404 to an evaluator outside the evaluation, and 409 to an id of another survey', async () => {
    const outsider = (await evaluator(t, 'outsider')).browser;
    expect((await enter({}, outsider)).status).toBe(404);
    const other = await newSurvey(outsider, await newEvaluation(outsider));
    await outsider.post(`/api/surveys/${other.id}/open`);
    const id = randomUUID();
    expect((await outsider.post(`/api/surveys/${other.id}/responses`, { id, channel: 'paper', answers: satisfiedAnswers() })).status).toBe(201);
    const clash = await enter({ id });
    expect(clash.status).toBe(409);
    expect((await clash.json()).error.issues).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('chains entries and public responses into one valid chain', async () => {
    await Promise.all([
      ...Array.from({ length: 10 }, () => enter({})),
      ...Array.from({ length: 10 }, () => postJson(t.app, `/api/public/surveys/${survey.slug}/responses`, { id: randomUUID(), answers: satisfiedAnswers() })),
    ]);
    const report = (await checkChains(t.db)).find((r) => r.surveyId === survey.id)!;
    expect(report).toEqual({ surveyId: survey.id, responses: 20, head: expect.any(String) });
  });
});
