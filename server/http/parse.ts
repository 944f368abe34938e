// zod at the edge: a request body, query or path value either fits its schema or the request is
// answered 422 with one issue per wrong field (DESIGN §6), before any handler logic runs.
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, issuesFromZod } from './errors.ts';
import { readJson } from './body.ts';

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, code = 'invalid_body'): z.infer<S> {
  // reportInput tells a missing field (input undefined) from a wrong one; the input itself is never sent back.
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = issuesFromZod(parsed.error.issues);
  throw new ApiError(422, code, issues.map((i) => i.message).join('; '), issues);
}

export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return parseWith(schema, await readJson(c));
}

export function queryOf<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parseWith(schema, c.req.query(), 'invalid_query');
}
