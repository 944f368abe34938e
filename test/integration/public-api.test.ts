// The public JSON interface of DESIGN §6 and the bad-input rules of §9, through app.request on a
// real database: every refusal names what was wrong and writes nothing.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { postJson, satisfiedAnswers, testApp, type TestApp } from '../support/app.ts';
import { createTokens, findSurveyBySlug, setSurveyStatus } from '../../server/db/surveys.ts';

const URL = '/api/public/surveys/demo/responses';
let t: TestApp;

beforeEach(async () => {
  t = await testApp();
});
afterEach(async () => {
  await t.close();
});

async function rowCount(): Promise<number> {
  const r = await t.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function demoId(): Promise<string> {
  return (await findSurveyBySlug(t.db, 'demo'))!.id;
}

describe('GET /api/public/surveys/:slug', () => {
  it('returns the open demo survey definition', async () => {
    const res = await t.app.request('/api/public/surveys/demo');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('open');
    expect(body.definition.questions.map((q: { id: string }) => q.id)).toContain('overall');
  });
  it('answers 404 for an unknown survey', async () => {
    const res = await t.app.request('/api/public/surveys/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('POST responses', () => {
  it('stores a valid response once: 201, then 200 for a retry of the same id', async () => {
    const id = randomUUID();
    const first = await postJson(t.app, URL, { id, answers: satisfiedAnswers(), startedAt: new Date().toISOString() });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id });
    const retry = await postJson(t.app, URL, { id, answers: satisfiedAnswers() });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ id });
    expect(await rowCount()).toBe(1);
    const row = await t.db.selectFrom('responses').selectAll().executeTakeFirstOrThrow();
    expect(row.channel).toBe('link');
    expect(row.respondent_group).toBe('public');
    expect(JSON.parse(row.answers).overall).toBe(5);
  });

  it('keeps the follow-up only when it applies', async () => {
    const ok = await postJson(t.app, URL, { id: randomUUID(), answers: satisfiedAnswers({ q2: 2, 'q2-why': '办事要跑好几趟' }) });
    expect(ok.status).toBe(201);
  });

  const badAnswers: [string, Record<string, unknown>, string, string][] = [
    ['an unknown question', satisfiedAnswers({ q99: 5 }), 'q99', 'unknown_question'],
    ['a missing required answer', satisfiedAnswers({ overall: undefined }), 'overall', 'required'],
    ['a code outside the scale', satisfiedAnswers({ q3: 6 }), 'q3', 'invalid_value'],
    ['a hidden question answered', satisfiedAnswers({ 'q2-why': '不方便' }), 'q2-why', 'hidden'],
    ['a wrong type', satisfiedAnswers({ q4: '5' }), 'q4', 'invalid_type'],
    ['an option that does not exist', satisfiedAnswers({ town: 'beijing' }), 'town', 'invalid_value'],
    ['a text over its length', satisfiedAnswers({ suggestion: '长'.repeat(1001) }), 'suggestion', 'too_long'],
  ];
  for (const [what, answers, question, code] of badAnswers) {
    it(`refuses ${what} with 422 naming ${question}, writing nothing`, async () => {
      const res = await postJson(t.app, URL, { id: randomUUID(), answers });
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe('invalid_answers');
      expect(body.error.issues).toContainEqual(expect.objectContaining({ question, code }));
      expect(await rowCount()).toBe(0);
    });
  }

  it('names every bad question at once', async () => {
    const res = await postJson(t.app, URL, { id: randomUUID(), answers: satisfiedAnswers({ q1: 9, q2: undefined, extra: 1 }) });
    const issues = (await res.json()).error.issues.map((i: { question: string }) => i.question).sort();
    expect(issues).toEqual(['extra', 'q1', 'q2']);
  });

  it('refuses an extra body property and a bad id with 422 naming the field', async () => {
    const extra = await postJson(t.app, URL, { id: randomUUID(), answers: satisfiedAnswers(), admin: true });
    expect(extra.status).toBe(422);
    expect((await extra.json()).error.issues).toContainEqual(expect.objectContaining({ field: 'admin' }));
    const badId = await postJson(t.app, URL, { id: 'not-a-uuid', answers: satisfiedAnswers() });
    expect(badId.status).toBe(422);
    expect((await badId.json()).error.issues).toContainEqual(expect.objectContaining({ field: 'id' }));
    expect(await rowCount()).toBe(0);
  });

  it('answers 415 to a body that is not JSON and 400 to malformed JSON', async () => {
    const form = await t.app.request(URL, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    expect((await form.json()).error.code).toBe('unsupported_media_type');
    const broken = await t.app.request(URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id": ' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('invalid_json');
  });

  it('answers 413 to an oversized body, with Content-Length and chunked', async () => {
    const big = JSON.stringify({ id: randomUUID(), answers: satisfiedAnswers({ suggestion: 'x'.repeat(200_000) }) });
    const sized = await t.app.request(URL, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(big.length) }, body: big });
    expect(sized.status).toBe(413);
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const chunked = await t.app.request(URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error.code).toBe('payload_too_large');
    expect(await rowCount()).toBe(0);
  });

  it('answers 404 for an unknown survey and 410 once the survey is closed', async () => {
    expect((await postJson(t.app, '/api/public/surveys/nope/responses', { id: randomUUID(), answers: {} })).status).toBe(404);
    const stored = randomUUID();
    expect((await postJson(t.app, URL, { id: stored, answers: satisfiedAnswers() })).status).toBe(201);
    await setSurveyStatus(t.db, t.ctx.db.engine, await demoId(), 'closed', new Date().toISOString());
    t.ctx.published.forget('demo');
    const late = await postJson(t.app, URL, { id: randomUUID(), answers: satisfiedAnswers() });
    expect(late.status).toBe(410);
    expect((await late.json()).error.code).toBe('survey_closed');
    // A retry of what was stored before the close is still answered as stored.
    expect((await postJson(t.app, URL, { id: stored, answers: satisfiedAnswers() })).status).toBe(200);
    expect(await rowCount()).toBe(1);
  });

  it('refuses a response the writer sees after a close, even when the page cache still says open', async () => {
    expect((await t.ctx.published.get('demo'))!.row.status).toBe('open');
    await setSurveyStatus(t.db, t.ctx.db.engine, await demoId(), 'closed', new Date().toISOString());
    const res = await postJson(t.app, URL, { id: randomUUID(), answers: satisfiedAnswers() });
    expect(res.status).toBe(410);
    expect(await rowCount()).toBe(0);
  });

  it('lets an invitation token answer once', async () => {
    await createTokens(t.db, await demoId(), [{ token: 'acme-7Hq2', label: '威海某科技有限公司' }], new Date().toISOString());
    const first = await postJson(t.app, URL, { id: randomUUID(), token: 'acme-7Hq2', answers: satisfiedAnswers() });
    expect(first.status).toBe(201);
    const again = await postJson(t.app, URL, { id: randomUUID(), token: 'acme-7Hq2', answers: satisfiedAnswers() });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_answered');
    const unknown = await postJson(t.app, URL, { id: randomUUID(), token: 'nobody', answers: satisfiedAnswers() });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.issues).toContainEqual(expect.objectContaining({ field: 'token' }));
    const rows = await t.db.selectFrom('responses').select(['channel', 'token']).execute();
    expect(rows).toEqual([{ channel: 'token', token: 'acme-7Hq2' }]);
  });

  it('answers 409 to a second response from the same browser on a public link', async () => {
    const id = randomUUID();
    const first = await postJson(t.app, URL, { id, answers: satisfiedAnswers() });
    const cookie = first.headers.get('set-cookie')!.split(/,(?=\s*mny_)/).map((c) => c.split(';')[0]).join('; ');
    expect(cookie).toMatch(/mny_done_/);
    const second = await postJson(t.app, URL, { id: randomUUID(), answers: satisfiedAnswers() }, { cookie });
    expect(second.status).toBe(409);
    // The same id again is a retry, not a second response.
    expect((await postJson(t.app, URL, { id, answers: satisfiedAnswers() }, { cookie })).status).toBe(200);
    // A forged cookie is ignored.
    const forged = cookie.replace(/mny_done_([^=]+)=[^;]+/, `mny_done_$1=${randomUUID()}.forged`);
    expect((await postJson(t.app, URL, { id: randomUUID(), answers: satisfiedAnswers() }, { cookie: forged })).status).toBe(201);
    expect(await rowCount()).toBe(2);
  });

  it('never answers 500 to random JSON bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.option(fc.jsonValue()), async (body, answers) => {
        const payload = answers === null ? body : { id: randomUUID(), answers };
        const res = await postJson(t.app, URL, payload);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('sets the security headers of §9, on the submission and its refusals too', async () => {
    // The submission route sets its own headers (routes/submission.ts), its errors get them in onError.
    const responses = {
      definition: await t.app.request('/api/public/surveys/demo'),
      created: await postJson(t.app, URL, { id: randomUUID(), answers: satisfiedAnswers() }),
      refused: await postJson(t.app, URL, { id: randomUUID(), answers: { q1: 9 } }),
      wrongType: await t.app.request(URL, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
      noSurvey: await postJson(t.app, '/api/public/surveys/none/responses', { id: randomUUID(), answers: {} }),
    };
    expect(Object.values(responses).map((r) => r.status)).toEqual([200, 201, 422, 415, 404]);
    for (const [name, res] of Object.entries(responses)) {
      expect(res.headers.get('content-security-policy'), name).toContain("default-src 'self'");
      expect(res.headers.get('content-security-policy'), name).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), name).toBe('no-referrer');
      expect(res.headers.get('content-type'), name).toMatch(/^application\/json/);
    }
    expect(responses.created.headers.get('set-cookie')).toMatch(/^mny_done_[0-9a-f-]+=[0-9a-f-]+\.[\w-]+; Max-Age=34560000; Path=\/; HttpOnly; SameSite=Lax$/);
  });
});

describe('storage', () => {
  it('refuses UPDATE and DELETE of responses', async () => {
    await postJson(t.app, URL, { id: randomUUID(), answers: satisfiedAnswers() });
    await expect(t.db.updateTable('responses').set({ channel: 'paper' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('responses').execute()).rejects.toThrow(/append-only/);
    await expect(sql`delete from survey_versions`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await rowCount()).toBe(1);
  });

  it('chains each response to the previous one of its survey', async () => {
    const { responseHash, genesisHash } = await import('../../server/responses/chain.ts');
    await Promise.all(Array.from({ length: 20 }, () => postJson(t.app, URL, { id: randomUUID(), answers: satisfiedAnswers() })));
    const rows = await t.db.selectFrom('responses').selectAll().orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    let prev = genesisHash(await demoId());
    for (const row of rows) {
      const { hash, ...fields } = row;
      expect(row.prev_hash).toBe(prev);
      expect(responseHash({ ...fields, seq: Number(fields.seq), definition_version: Number(fields.definition_version) })).toBe(hash);
      prev = hash;
    }
    const head = await t.db.selectFrom('chain_heads').selectAll().where('survey_id', '=', await demoId()).executeTakeFirstOrThrow();
    expect({ seq: Number(head.seq), hash: head.hash }).toEqual({ seq: 20, hash: prev });
  });
});
