// Login, logout and "who am I" (DESIGN §9). Unknown users and wrong passwords get the same answer
// after the same work; each login starts a new session (a session id planted before login is
// never promoted); failures are throttled per username and per network.
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { errorBody, ApiError } from '../http/errors.ts';
import { jsonBody } from '../http/parse.ts';
import { publicBodyLimit } from '../http/body.ts';
import { requestOrigin, trustsProxy } from '../http/origin.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { endSession, resolveSession, SESSION_COOKIE, sessionPolicy, startSession } from '../auth/sessions.ts';
import { loginFailed, loginRetryAfter, loginSucceeded, throttleKeys } from '../auth/throttle.ts';
import { findUserByUsername, publicUser } from '../db/users.ts';
import { NetworkHashes } from '../responses/submit.ts';

const loginBody = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
});

// Verified against when the username is unknown, so both failures cost one scrypt.
let decoy: Promise<string> | undefined;

export function authRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  const trust = trustsProxy(ctx);
  const networks = new NetworkHashes(ctx.secret);
  const secure = (c: Context) => ctx.secureCookies || requestOrigin(c, trust).startsWith('https:');

  app.post('/api/auth/login', publicBodyLimit(16 * 1024), async (c) => {
    const { username, password } = await jsonBody(c, loginBody);
    const now = ctx.now();
    const keys = throttleKeys(username, networks.of(ctx.clientAddress(c)));
    const wait = await loginRetryAfter(ctx.db.db, keys, now);
    if (wait !== null) {
      return c.json(errorBody('too_many_requests', 'too many failed logins; try again later'), 429, { 'Retry-After': String(wait) });
    }
    const user = await findUserByUsername(ctx.db.db, username);
    const matches = await verifyPassword(password, user?.password_hash ?? (await (decoy ??= hashPassword('decoy password'))));
    if (!user || !matches || Number(user.disabled) === 1) {
      await loginFailed(ctx.db.db, keys, now);
      throw new ApiError(401, 'invalid_credentials', 'wrong username or password');
    }
    await loginSucceeded(ctx.db.db, keys);
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await endSession(ctx.db.db, previous);
    const id = await startSession(ctx.db.db, user.id, now);
    setCookie(c, SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      path: '/',
      maxAge: sessionPolicy.absoluteMs / 1000,
    });
    c.header('Cache-Control', 'no-store');
    return c.json({ user: publicUser(user) });
  });

  app.post('/api/auth/logout', async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (id) await endSession(ctx.db.db, id);
    deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c) });
    return c.body(null, 204);
  });

  app.get('/api/auth/me', async (c) => {
    const id = getCookie(c, SESSION_COOKIE);
    const user = id ? await resolveSession(ctx.db.db, id, ctx.now()) : null;
    if (!user) throw new ApiError(401, 'unauthenticated', 'log in first');
    c.header('Cache-Control', 'no-store');
    return c.json({ user: publicUser(user) });
  });

  return app;
}
