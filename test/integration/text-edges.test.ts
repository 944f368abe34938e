// Text that JSON and URLs can carry but the database cannot keep as sent: NUL (PostgreSQL text
// refuses it), unpaired surrogates (stored as U+FFFD, which would break the hash chain of the
// response that held them), and bodies nested deep enough to overflow a recursive validator.
// Each is refused with a 4xx naming where it was, and nothing is written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { adminWithOpenSurvey, refused, type Browser } from '../support/session.ts';
import { checkChains } from '../../server/db/chain-check.ts';

let t: TestApp;
let admin: Browser;
let survey: { id: string; slug: string };
let evaluationId: string;

const responseCount = async () => Number((await t.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const evaluationCount = async () => Number((await t.db.selectFrom('evaluations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const publicPost = (body: string) =>
  t.app.request('/api/public/surveys/demo/responses', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

beforeAll(async () => {
  t = await testApp();
  ({ admin, evaluationId, survey } = await adminWithOpenSurvey(t));
});
afterAll(async () => {
  await t.close();
});

describe('JSON bodies', () => {
  it('refuse an unpaired surrogate by field, on the evaluator side and the public one', async () => {
    const before = await responseCount();
    const desk = await admin.post(`/api/surveys/${survey.id}/responses`, {
      id: randomUUID(), channel: 'paper', interviewer: 'a\ud800b', answers: satisfiedAnswers(),
    });
    const issue = (await refused(desk)).issues[0];
    expect(issue).toMatchObject({ field: 'interviewer', code: 'invalid_text' });
    expect(issue.message).toBe('interviewer: text contains an unpaired surrogate (broken Unicode)');

    // Escaped in the body as a page would never send it, but any client could.
    const body = `{"id":"${randomUUID()}","answers":${JSON.stringify(satisfiedAnswers({ 'q2-why': undefined })).replace('"overall":5', '"overall":5,"suggestion":"\\udc00好"')}}`;
    expect((await refused(await publicPost(body))).issues[0]).toMatchObject({ field: 'answers.suggestion', code: 'invalid_text' });
    expect(await responseCount()).toBe(before);
  });

  it('keep a well-formed pair, escaped or not, as sent; the chains stay whole', async () => {
    const id = randomUUID();
    const suggestion = '很好😀';
    const escaped = JSON.stringify({ id, answers: satisfiedAnswers({ suggestion }) }).replace('😀', '\\ud83d\\ude00');
    expect((await publicPost(escaped)).status).toBe(201);
    const row = await t.db.selectFrom('responses').select('answers').where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.answers).suggestion).toBe(suggestion);
    expect((await checkChains(t.db)).filter((c) => c.broken)).toEqual([]);
  });

  it('refuse NUL in a value or a field name', async () => {
    const before = await evaluationCount();
    const named = await refused(await admin.post('/api/evaluations', { name: 'a\u0000b', unit: '某局', year: 2024 }));
    expect(named.issues[0]).toMatchObject({ field: 'name', code: 'invalid_text', message: 'name: text must not contain a NUL character' });
    const key = await refused(await admin.post('/api/evaluations', { 'x\u0000': 1, name: 'a', unit: 'b', year: 2024 }));
    expect(key.issues[0]).toMatchObject({ field: '(body)', code: 'invalid_text' });
    expect(await evaluationCount()).toBe(before);
    const login = await t.app.request('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: '{"username":"admin\\u0000","password":"x"}',
    });
    expect((await refused(login)).issues[0]).toMatchObject({ field: 'username' });
  });

  it('refuse nesting deeper than 32 levels, however deep, by where it went too deep', async () => {
    for (const depth of [40, 100_000]) {
      // As text: JSON.stringify itself could not write 100,000 levels.
      const res = await t.app.request(`/api/evaluations/${evaluationId}/framework`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', origin: 'http://localhost', cookie: admin.cookieHeader() },
        body: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      });
      const issue = (await refused(res)).issues[0];
      expect(issue.code).toBe('too_deep');
      expect(issue.field).toBe(Array(32).fill('a').join('.'));
    }
    // A real body well inside the limit is judged on its merits.
    expect((await publicPost(JSON.stringify({ id: randomUUID(), answers: satisfiedAnswers() }))).status).toBe(201);
  });
});

describe('URLs', () => {
  it('answer 404 to a path with %00 and 422 to a query value with it, naming the parameter', async () => {
    expect((await t.app.request('/api/public/surveys/%00')).status).toBe(404);
    const page = await t.app.request('/s/%00');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await admin.get('/api/surveys/%00')).status).toBe(404);
    const query = await refused(await admin.get(`/api/surveys/${survey.id}/results?group=%00`));
    expect(query.issues[0]).toMatchObject({ field: 'group', code: 'invalid_text' });
    // A version number no integer column holds is no version.
    expect((await admin.get(`/api/surveys/${survey.id}/versions/999999999999999999999`)).status).toBe(404);
    expect((await admin.get(`/api/surveys/${survey.id}/versions/2147483648`)).status).toBe(404);
    // Nor a page cursor past any seq.
    for (const path of [`/api/surveys/${survey.id}/responses?after=99999999999999999999`, `/api/surveys/${survey.id}/texts?after=9007199254740991`]) {
      expect((await refused(await admin.get(path))).issues[0]).toMatchObject({ field: 'after' });
    }
    expect((await admin.get(`/api/surveys/${survey.id}/responses?after=2147483647`)).status).toBe(200);
    // An escaped percent sign followed by 00 is text, not NUL.
    expect((await admin.get(`/api/surveys/${survey.id}/results?group=%2500`)).status).not.toBe(500);
  });
});

describe('plain forms', () => {
  it('refuse NUL in a field, naming it, and store nothing', async () => {
    const before = await responseCount();
    const answers = Object.fromEntries(Object.entries(satisfiedAnswers()).map(([k, v]) => [k, String(v)]));
    // An invitation token is looked up as sent (an answer's own text has its own check).
    const form = new URLSearchParams({ id: randomUUID(), ...answers, t: 'inv\u0000x' });
    const res = await t.app.request('/s/demo', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('<html');
    expect(await responseCount()).toBe(before);
    // The same form without the NUL goes through.
    form.delete('t');
    expect((await t.app.request('/s/demo', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() })).status).toBe(303);
  });
});
