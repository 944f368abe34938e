// Security headers of DESIGN §9 on every response. The respondent page needs no inline script or
// style (its data block is JSON, which CSP does not execute), so the policy stays strict.
import type { MiddlewareHandler } from 'hono';

const csp = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', csp);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('X-Frame-Options', 'DENY');
  };
}
