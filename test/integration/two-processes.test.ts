// Several identical server processes on one PostgreSQL database (issue 7): a request may land on
// any of them. Runs where the suite runs on PostgreSQL; SQLite is one process by design.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connect.ts';
import { createTokens, findSurveyBySlug, setSurveyStatus } from '../../server/db/surveys.ts';
import { freshDatabaseUrl, testEngine } from '../support/database.ts';
import { spawnServer, type ServerProcess } from '../support/process.ts';
import { satisfiedAnswers } from '../support/app.ts';

describe.skipIf(testEngine !== 'postgres')('two server processes on one PostgreSQL', () => {
  let databaseUrl: string;
  let servers: ServerProcess[];

  beforeAll(async () => {
    databaseUrl = await freshDatabaseUrl();
    // Started at the same moment on an empty database: migrations and the seed must not race.
    servers = await Promise.all([spawnServer({ DATABASE_URL: databaseUrl }), spawnServer({ DATABASE_URL: databaseUrl })]);
  });
  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
  });

  const post = (server: ServerProcess, body: unknown) =>
    fetch(`${server.url}/api/public/surveys/demo/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function stored(): Promise<{ id: string; seq: number; token: string | null }[]> {
    const { db, close } = await openDatabase(databaseUrl);
    try {
      return (await db.selectFrom('responses').select(['id', 'seq', 'token']).orderBy('seq').execute()).map((r) => ({ ...r, seq: Number(r.seq) }));
    } finally {
      await close();
    }
  }

  it('stores responses posted round-robin, and answers a retry on the other process with 200', async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const first = await Promise.all(ids.map((id, i) => post(servers[i % 2]!, { id, answers: satisfiedAnswers() })));
    expect(first.map((r) => r.status)).toEqual(ids.map(() => 201));
    const retries = await Promise.all(ids.map((id, i) => post(servers[(i + 1) % 2]!, { id, answers: satisfiedAnswers() })));
    expect(retries.map((r) => r.status)).toEqual(ids.map(() => 200));
    const rows = await stored();
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  });

  it('stores exactly one of 50 concurrent submissions with one token across both', async () => {
    const { db, close } = await openDatabase(databaseUrl);
    const survey = (await findSurveyBySlug(db, 'demo'))!;
    await createTokens(db, survey.id, [{ token: 'shared-token', label: '某公司' }], new Date().toISOString());
    await close();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(servers[i % 2]!, { id: randomUUID(), token: 'shared-token', answers: satisfiedAnswers() })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect((await stored()).filter((r) => r.token === 'shared-token')).toHaveLength(1);
  });

  it('accepts a login made on one process on the other, and a logout on the other ends it on both', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: a.url },
      body: JSON.stringify({ username: 'admin', password: 'correct horse battery' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const me = (s: ServerProcess) => fetch(`${s.url}/api/auth/me`, { headers: { cookie } });
    expect((await me(b)).status).toBe(200);
    expect((await (await me(b)).json()).user.username).toBe('admin');
    expect((await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: b.url, 'content-type': 'application/json' } })).status).toBe(204);
    expect((await me(a)).status).toBe(401);
  });

  it('agrees across processes on the results, read from the counts both keep', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: a.url },
      body: JSON.stringify({ username: 'admin', password: 'correct horse battery' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    // More responses, some dissatisfied, through both processes at once.
    await Promise.all(Array.from({ length: 30 }, (_, i) => post(servers[i % 2]!, { id: randomUUID(), answers: satisfiedAnswers({ overall: i % 3 === 0 ? 2 : 5 }) })));
    const { db, close } = await openDatabase(databaseUrl);
    const surveyId = (await findSurveyBySlug(db, 'demo'))!.id;
    await close();
    const results = (s: ServerProcess) => fetch(`${s.url}/api/surveys/${surveyId}/results`, { headers: { cookie } }).then((r) => r.json());
    const [fromA, fromB] = await Promise.all([results(a), results(b)]);
    expect(fromA.overall.n).toBe((await stored()).length);
    expect(fromA.overall.rate).not.toBe('100.00');
    expect(fromB).toEqual(fromA);
  });

  it('agrees across processes on what the survey is, and on a close made through one of them', async () => {
    const [a, b] = await Promise.all(servers.map((s) => fetch(`${s.url}/api/public/surveys/demo`).then((r) => r.json())));
    expect(a).toEqual(b);
    const { db, engine, close } = await openDatabase(databaseUrl);
    await setSurveyStatus(db, engine, (await findSurveyBySlug(db, 'demo'))!.id, 'closed', new Date().toISOString());
    await close();
    // Whatever either process cached, the writer sees the close: no response is stored after it.
    const late = await Promise.all(servers.map((s) => post(s, { id: randomUUID(), answers: satisfiedAnswers() })));
    expect(late.map((r) => r.status)).toEqual([410, 410]);
  });
});
