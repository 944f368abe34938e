// Accounts and sessions of DESIGN §9 through the real app: login, logout, me; one answer for an
// unknown user and a wrong password; a new session id at every login; idle and absolute expiry;
// throttled failures; same-origin JSON on unsafe methods; admin user management.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { hashSessionId, sessionPolicy } from '../../server/auth/sessions.ts';
import { throttlePolicy } from '../../server/auth/throttle.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { ADMIN_PASSWORD, Browser, evaluator, loginAdmin, loginAs, ORIGIN } from '../support/session.ts';

let t: TestApp;
let clock: number;

beforeEach(async () => {
  t = await testApp({ demo: false });
  clock = Date.parse('2024-03-01T02:00:00.000Z');
  t.ctx.now = () => new Date(clock);
});
afterEach(async () => {
  await t.close();
});

const minutes = (n: number) => n * 60 * 1000;

function sessionCookie(res: Response): string {
  const line = res.headers.getSetCookie().find((l) => l.startsWith('mny_session='));
  if (!line) throw new Error('no session cookie');
  return line;
}

describe('login, me, logout', () => {
  it('logs in with a flagged cookie, answers me, and logs out for good', async () => {
    const browser = new Browser(t.app);
    const res = await browser.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ username: 'admin', role: 'admin', disabled: false });
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(new RegExp(`Max-Age=${sessionPolicy.absoluteMs / 1000}`));
    expect(cookie).not.toMatch(/Secure/i);

    const me = await browser.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect((await me.json()).user.username).toBe('admin');

    const stolen = browser.cookieHeader();
    const out = await browser.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(browser.cookies.has('mny_session')).toBe(false);
    expect((await browser.get('/api/auth/me')).status).toBe(401);
    // The old cookie, replayed, is dead: logout ended the session in the database.
    const replay = await t.app.request('/api/auth/me', { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
  });

  it('stores only a hash of the session id', async () => {
    const browser = await loginAdmin(t);
    const id = browser.cookies.get('mny_session')!;
    const rows = await t.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows).toEqual([{ id_hash: hashSessionId(id) }]);
    expect(JSON.stringify(rows)).not.toContain(id);
  });

  it('answers an unknown user, a wrong password and a disabled user the same way', async () => {
    const { id } = await evaluator(t, 'zhangsan');
    const answers = [];
    for (const body of [{ username: 'nobody', password: 'whatever it is' }, { username: 'admin', password: 'wrong password' }]) {
      const res = await new Browser(t.app).post('/api/auth/login', body);
      answers.push({ status: res.status, body: await res.json(), cookie: res.headers.getSetCookie() });
    }
    await t.db.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
    const disabled = await new Browser(t.app).post('/api/auth/login', { username: 'zhangsan', password: 'zhangsan password 123' });
    answers.push({ status: disabled.status, body: await disabled.json(), cookie: disabled.headers.getSetCookie() });
    expect(answers[0]).toEqual({ status: 401, body: { error: { code: 'invalid_credentials', message: 'wrong username or password' } }, cookie: [] });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('matches usernames case- and width-insensitively', async () => {
    expect((await new Browser(t.app).post('/api/auth/login', { username: 'ＡＤＭＩＮ', password: ADMIN_PASSWORD })).status).toBe(200);
  });

  it('gives a new session id at every login and never keeps one planted before', async () => {
    const planted = 'A'.repeat(43);
    const browser = new Browser(t.app);
    browser.cookies.set('mny_session', planted);
    await browser.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    const first = browser.cookies.get('mny_session')!;
    expect(first).not.toBe(planted);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await browser.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    const second = browser.cookies.get('mny_session')!;
    expect(second).not.toBe(first);
    // Logging in again ended the session it replaced.
    expect((await t.app.request('/api/auth/me', { headers: { cookie: `mny_session=${first}` } })).status).toBe(401);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
  });

  it('refuses a session idle for longer than the idle limit', async () => {
    const browser = await loginAdmin(t);
    clock += sessionPolicy.idleMs - minutes(1);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
    clock += sessionPolicy.idleMs - minutes(1);
    expect((await browser.get('/api/evaluations')).status).toBe(200);
    clock += sessionPolicy.idleMs + minutes(1);
    const res = await browser.get('/api/evaluations');
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
  });

  it('refuses a session older than the absolute limit, however busy', async () => {
    const browser = await loginAdmin(t);
    const end = clock + sessionPolicy.absoluteMs;
    while (clock + minutes(60) < end) {
      clock += minutes(60);
      expect((await browser.get('/api/auth/me')).status).toBe(200);
    }
    clock = end + minutes(1);
    expect((await browser.get('/api/auth/me')).status).toBe(401);
  });
});

describe('throttling failed logins', () => {
  const fail = (username: string) => new Browser(t.app).post('/api/auth/login', { username, password: 'not the password' });

  it('answers 429 with Retry-After after repeated failures for one username, even to the right password', async () => {
    for (let i = 0; i < throttlePolicy.perUsername; i++) expect((await fail('admin')).status).toBe(401);
    clock += minutes(5);
    const blocked = await new Browser(t.app).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.code).toBe('too_many_requests');
    expect(Number(blocked.headers.get('retry-after'))).toBe(10 * 60);
    // Another user is not locked out by it.
    await evaluator(t, 'lisi');
    // Once the failures leave the window, the right password works again.
    clock += minutes(10) + 1000;
    expect((await loginAdmin(t)).cookies.has('mny_session')).toBe(true);
  });

  it('counts failures from one network across usernames', async () => {
    t.ctx.clientAddress = () => '203.0.113.7';
    const app = createApp(t.ctx);
    const from = (address: string, username: string, password = 'not the password') => {
      t.ctx.clientAddress = () => address;
      return new Browser(app).post('/api/auth/login', { username, password });
    };
    for (let i = 0; i < throttlePolicy.perNetwork; i++) expect((await from(`203.0.113.${i % 200}`, `user${i}`)).status).toBe(401);
    expect((await from('203.0.113.99', 'admin', ADMIN_PASSWORD)).status).toBe(429);
    // Another network is unaffected.
    expect((await from('198.51.100.1', 'admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('keeps the count in the database, so a second app on the same database sees it', async () => {
    for (let i = 0; i < throttlePolicy.perUsername; i++) expect((await fail('admin')).status).toBe(401);
    const other = createApp(t.ctx);
    expect((await new Browser(other).post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(429);
  });
});

describe('same-origin JSON on unsafe methods', () => {
  const body = JSON.stringify({ name: '评价', unit: '某局', year: 2023 });

  it('refuses a missing or foreign Origin with 403 and a non-JSON body with 415', async () => {
    const browser = await loginAdmin(t);
    const cookie = browser.cookieHeader();
    const noOrigin = await t.app.request('/api/evaluations', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
    expect(noOrigin.status).toBe(403);
    expect((await noOrigin.json()).error.code).toBe('cross_origin');
    const foreign = await t.app.request('/api/evaluations', { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' }, body });
    expect(foreign.status).toBe(403);
    const form = await t.app.request('/api/evaluations', { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=x' });
    expect(form.status).toBe(415);
    const multipart = new FormData();
    multipart.set('name', 'x');
    const upload = await t.app.request('/api/evaluations', { method: 'POST', headers: { cookie, origin: ORIGIN }, body: multipart });
    expect(upload.status).toBe(415);
    expect((await t.db.selectFrom('evaluations').selectAll().execute()).length).toBe(0);
    const ok = await t.app.request('/api/evaluations', { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/json; charset=utf-8' }, body });
    expect(ok.status).toBe(201);
  });

  it('checks logout too, so another site cannot log an evaluator out', async () => {
    const browser = await loginAdmin(t);
    const res = await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie: browser.cookieHeader(), origin: 'https://evil.example', 'content-type': 'application/json' } });
    expect(res.status).toBe(403);
    expect((await browser.get('/api/auth/me')).status).toBe(200);
  });

  it('believes X-Forwarded-Host and -Proto only when told to trust the proxy', async () => {
    const headers = { origin: 'https://manyidu.example.gov.cn', 'x-forwarded-host': 'manyidu.example.gov.cn', 'x-forwarded-proto': 'https' };
    const untrusted = new Browser(createApp({ ...t.ctx, trustProxy: false }));
    expect((await untrusted.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
    expect((await untrusted.post('/api/evaluations', JSON.parse(body), headers)).status).toBe(403);

    const trusted = new Browser(createApp({ ...t.ctx, trustProxy: true }));
    const login = await trusted.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }, headers);
    expect(sessionCookie(login)).toMatch(/Secure/);
    expect((await trusted.post('/api/evaluations', JSON.parse(body), headers)).status).toBe(201);
    // Behind the proxy, the page's origin is the public one; the proxy's own address is not.
    expect((await trusted.post('/api/evaluations', JSON.parse(body), { ...headers, origin: ORIGIN })).status).toBe(403);
  });

  it('answers 413 to an oversized body on any evaluator route', async () => {
    const admin = await loginAdmin(t);
    const res = await admin.post('/api/users', { username: 'big', password: 'x'.repeat(3 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect((await t.db.selectFrom('users').select('username').execute()).length).toBe(1);
  });

  it('answers 401 to an anonymous caller of the evaluator API', async () => {
    expect((await new Browser(t.app).get('/api/evaluations')).status).toBe(401);
    expect((await new Browser(t.app).get('/api/surveys')).status).toBe(401);
    expect((await new Browser(t.app).get('/api/users')).status).toBe(401);
    expect((await new Browser(t.app).get('/api/auth/me')).status).toBe(401);
  });
});

describe('user management', () => {
  it('lets an admin list, add, disable, enable and reset users', async () => {
    const admin = await loginAdmin(t);
    const added = await admin.post('/api/users', { username: 'WangWu', password: 'first password 1' });
    expect(added.status).toBe(201);
    const { id } = await added.json();
    const list = (await (await admin.get('/api/users')).json()).users;
    expect(list.map((u: { username: string }) => u.username)).toEqual(['admin', 'wangwu']);
    expect(list[1]).toEqual({ id, username: 'wangwu', role: 'evaluator', disabled: false, createdAt: expect.any(String) });
    expect(JSON.stringify(list)).not.toContain('scrypt');

    const dup = await admin.post('/api/users', { username: 'wangwu', password: 'another password' });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.issues).toEqual([expect.objectContaining({ field: 'username' })]);

    const wangwu = await loginAs(t, 'wangwu', 'first password 1');
    const disable = await admin.patch(`/api/users/${id}`, { disabled: true });
    expect(disable.status).toBe(200);
    expect((await disable.json()).user.disabled).toBe(true);
    expect((await wangwu.get('/api/auth/me')).status).toBe(401);
    expect((await new Browser(t.app).post('/api/auth/login', { username: 'wangwu', password: 'first password 1' })).status).toBe(401);

    expect((await admin.patch(`/api/users/${id}`, { disabled: false })).status).toBe(200);
    const again = await loginAs(t, 'wangwu', 'first password 1');
    expect((await admin.put(`/api/users/${id}/password`, { password: 'second password 2' })).status).toBe(204);
    expect((await again.get('/api/auth/me')).status).toBe(401);
    expect((await new Browser(t.app).post('/api/auth/login', { username: 'wangwu', password: 'first password 1' })).status).toBe(401);
    await loginAs(t, 'wangwu', 'second password 2');
  });

  it('refuses bad input naming the field, and an admin locking themselves out', async () => {
    const admin = await loginAdmin(t);
    const bad = await admin.post('/api/users', { username: 'a b', password: 'short', role: 'root' });
    expect(bad.status).toBe(422);
    const fields = (await bad.json()).error.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['password', 'role', 'username']);
    const me = (await (await admin.get('/api/auth/me')).json()).user;
    expect((await admin.patch(`/api/users/${me.id}`, { disabled: true })).status).toBe(409);
    expect((await admin.patch(`/api/users/${me.id}`, { role: 'evaluator' })).status).toBe(409);
    expect((await admin.patch('/api/users/nope', { disabled: true })).status).toBe(404);
    expect((await admin.put('/api/users/nope/password', { password: 'long enough password' })).status).toBe(404);
  });

  it('keeps user management from evaluators', async () => {
    const { browser } = await evaluator(t, 'zhaoliu');
    expect((await browser.get('/api/users')).status).toBe(403);
    expect((await browser.post('/api/users', { username: 'sneaky', password: 'sneaky password' })).status).toBe(403);
    expect((await t.db.selectFrom('users').select('username').execute()).length).toBe(2);
  });
});
