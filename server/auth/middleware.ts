// What stands in front of the evaluator API: the same-origin and JSON rules for unsafe methods
// (DESIGN §9, the defence against cross-site requests riding on the session cookie), and the
// session that names the caller.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppContext } from '../context.ts';
import type { UserRow } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { publicBodyLimit } from '../http/body.ts';
import { requestOrigin, trustsProxy } from '../http/origin.ts';
import { resolveSession, SESSION_COOKIE } from './sessions.ts';

export type AuthEnv = { Variables: { user: UserRow } };

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Paths a browser may post to without a session: the respondent routes and the login itself. */
const exempt = (path: string) => path.startsWith('/api/public/') || path === '/api/auth/login';

/** Routes that take a file upload, where multipart/form-data stands in for JSON. */
const uploads = (path: string) => /^\/api\/surveys\/[^/]+\/import(\/preview)?$/.test(path) || /^\/api\/evaluations\/[^/]+\/framework\/import$/.test(path);

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Unsafe methods under /api/ need a same-origin Origin header (403) and a JSON body type (415;
 * multipart on upload routes). A cross-site form can send neither: a browser always sends Origin
 * on a cross-origin POST, and JSON from another site needs a CORS preflight we never grant.
 */
export function sameOriginJson(ctx: AppContext): MiddlewareHandler {
  const trust = trustsProxy(ctx);
  return async (c, next) => {
    if (!unsafe.has(c.req.method) || exempt(c.req.path)) return next();
    const origin = c.req.header('origin');
    if (!origin || origin.toLowerCase() !== requestOrigin(c, trust)) {
      throw new ApiError(403, 'cross_origin', 'this request must come from a page of this site (Origin header)');
    }
    const type = mediaType(c);
    if (type !== 'application/json' && !(type === 'multipart/form-data' && uploads(c.req.path))) {
      throw new ApiError(415, 'unsupported_media_type', 'the body must be JSON (Content-Type: application/json)');
    }
    return next();
  };
}

/**
 * A ceiling for every evaluator request body, so no route reads an unbounded body by accident;
 * routes with smaller needs set their own, tighter limit.
 */
export function evaluatorBodyLimit(): MiddlewareHandler {
  const json = publicBodyLimit(2 * 1024 * 1024);
  const upload = publicBodyLimit(11 * 1024 * 1024);
  return async (c, next) => {
    if (!unsafe.has(c.req.method)) return next();
    return (uploads(c.req.path) ? upload : json)(c, next);
  };
}

/**
 * Everything under /api/ but the public respondent routes and /api/auth/ needs a session: set
 * once in front of all route modules, so a route added later is closed by default.
 */
export function requireUser(ctx: AppContext): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (c.req.path.startsWith('/api/public/') || c.req.path.startsWith('/api/auth/')) return next();
    const id = getCookie(c, SESSION_COOKIE);
    const user = id ? await resolveSession(ctx.db.db, id, ctx.now()) : null;
    if (!user) throw new ApiError(401, 'unauthenticated', 'log in first');
    c.set('user', user);
    c.header('Cache-Control', 'no-store');
    return next();
  };
}

/** For routes only an admin may use at all (user management, membership): 403 for others. */
export function requireAdmin(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (c.var.user.role !== 'admin') throw new ApiError(403, 'forbidden', 'only an administrator may do this');
    return next();
  };
}
