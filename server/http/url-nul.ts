// A NUL in a request's path or query (sent as %00) reaches the database as text, which PostgreSQL
// refuses with an error of its own (a 500). No id, slug or filter of ours can hold one: a path
// with it names nothing (404) and a query value with it is refused by name (422).
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';
import { nulRefused } from './json-checks.ts';

export function refuseNulInUrl(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    // One scan on every request; the rest only for the rare URL that has the escape at all.
    if (!url.includes('%00')) return next();
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (path.includes('%00')) throw new ApiError(404, 'not_found', 'no such resource');
    for (const [name, value] of new URLSearchParams(url.slice(query + 1))) {
      if (name.includes('\0') || value.includes('\0')) throw nulRefused('invalid_query', name.replaceAll('\0', ''));
    }
    return next();
  };
}
