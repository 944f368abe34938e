// Paper forms issued (DESIGN §3 response accounting): entered as they go out, corrected by a
// further entry, never changed; they are the base of the paper channel's 回收率 and, with the
// invitations, of the survey's, and they reach the report text.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { Browser, evaluator, loginAdmin, newEvaluation, newSurvey, refused } from '../support/session.ts';

let t: TestApp;
let admin: Browser;
let survey: { id: string; slug: string };
const base = () => `/api/surveys/${survey.id}`;

beforeAll(async () => {
  t = await testApp({ demo: false });
  admin = await loginAdmin(t);
  survey = await newSurvey(admin, await newEvaluation(admin));
  await admin.post(`${base()}/open`);
  await admin.post(`${base()}/tokens`, { count: 10 });
  // Six paper forms come back, one of them from someone who has not used the service.
  for (let i = 0; i < 6; i++) {
    const answers = i === 5 ? { contact: 'no' } : satisfiedAnswers();
    expect((await admin.post(`${base()}/responses`, { id: randomUUID(), channel: 'paper', answers })).status).toBe(201);
  }
  expect((await admin.post(`${base()}/responses`, { id: randomUUID(), channel: 'interview', answers: satisfiedAnswers() })).status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

const results = async (query = '') => (await (await admin.get(`${base()}/results${query}`)).json()) as any;

describe('paper forms issued', () => {
  it('refuses a bad entry by field, and writes nothing', async () => {
    expect((await refused(await admin.post(`${base()}/paper-issues`, { count: 0 }))).issues[0].field).toBe('count');
    expect((await refused(await admin.post(`${base()}/paper-issues`, { count: 2.5 }))).issues[0].field).toBe('count');
    expect((await refused(await admin.post(`${base()}/paper-issues`, { count: 5, note: 'x'.repeat(201) }))).issues[0].field).toBe('note');
    expect((await refused(await admin.post(`${base()}/paper-issues`, { count: 5, by: 'me' }))).issues[0].field).toBe('by');
    // A correction cannot take back more than was entered.
    const below = await refused(await admin.post(`${base()}/paper-issues`, { count: -1 }));
    expect(below.issues).toEqual([expect.objectContaining({ field: 'count' })]);
    expect(below.message).toContain('0 so far');
    expect(await (await admin.get(`${base()}/paper-issues`)).json()).toEqual({ issued: 0, entries: [] });
    expect((await results()).accounting.issuedFrom).toEqual({ tokens: 10, paper: 0 });
  });

  it('adds entries and corrections, with who and when, and the rates follow', async () => {
    const etag = (await admin.get(`${base()}/results`)).headers.get('etag');
    expect(await (await admin.post(`${base()}/paper-issues`, { count: 12, note: '  政务大厅  ' })).json()).toEqual({ seq: 1, issued: 12 });
    expect(await (await admin.post(`${base()}/paper-issues`, { count: -2, note: '两份印错' })).json()).toEqual({ seq: 2, issued: 10 });
    const member = await evaluator(t, 'paper-clerk');
    const history = (await (await admin.get(`${base()}/paper-issues`)).json()) as any;
    expect(history.issued).toBe(10);
    expect(history.entries).toEqual([
      { seq: 1, count: 12, note: '政务大厅', username: 'admin', createdAt: expect.any(String) },
      { seq: 2, count: -2, note: '两份印错', username: 'admin', createdAt: expect.any(String) },
    ]);
    // Someone outside the evaluation sees nothing of it.
    expect((await member.browser.get(`${base()}/paper-issues`)).status).toBe(404);
    expect((await member.browser.post(`${base()}/paper-issues`, { count: 3 })).status).toBe(404);

    // The live page's poll sees the change.
    expect((await admin.get(`${base()}/results`)).headers.get('etag')).not.toBe(etag);
    const all = await results();
    // Issued: 10 invitations + 10 paper forms; received: 6 paper + 1 interview; valid: 6. The rates
    // count what came back through the forms issued (6, of which 5 valid), not the interview.
    expect(all.accounting).toMatchObject({
      issued: 20, issuedFrom: { tokens: 10, paper: 10 }, received: 7, valid: 6, ofIssued: { received: 6, valid: 5 }, responseRate: '30.00', validResponseRate: '25.00',
    });
    expect(all.channels.paper.accounting).toMatchObject({ issued: 10, received: 6, valid: 5, responseRate: '60.00', validResponseRate: '50.00' });
    expect(all.channels.interview.accounting).toMatchObject({ issued: null, responseRate: null });
    expect((await results('?channel=paper')).accounting).toMatchObject({ issued: 10, issuedFrom: { tokens: 0, paper: 10 }, responseRate: '60.00' });
    expect((await results('?channel=interview')).accounting.issued).toBeNull();
    const report = await (await admin.get(`${base()}/report.txt`)).text();
    expect(report).toContain(
      '本次调查共发放问卷 20 份，回收 6 份，回收率 30.00%，其中有效问卷 5 份，有效回收率 25.00%；另经访谈、公开链接等方式收集问卷 1 份。合计回收问卷 7 份，有效问卷 6 份，无效问卷 1 份',
    );
    // Only paper: every response came back through the forms issued, the one-sentence form.
    expect(await (await admin.get(`${base()}/report.txt?channel=paper`)).text()).toContain('本次调查共发放问卷 10 份，回收 6 份，回收率 60.00%；有效问卷 5 份，有效回收率 50.00%');
  });

  it('keeps every entry: the table refuses UPDATE and DELETE', async () => {
    await expect(t.db.updateTable('paper_issues').set({ count: 100 }).where('survey_id', '=', survey.id).execute()).rejects.toThrow();
    await expect(t.db.deleteFrom('paper_issues').where('survey_id', '=', survey.id).execute()).rejects.toThrow();
    expect((await (await admin.get(`${base()}/paper-issues`)).json()).issued).toBe(10);
  });
});
