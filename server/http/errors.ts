// The one error shape of DESIGN §6: `{ error: { code, message, issues? } }`. Routes throw ApiError;
// the app's single onError turns it (and anything unexpected) into a response.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One problem with the request, naming the question (answers) or the field (anything else). */
export interface Issue {
  question?: string;
  field?: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, issues?: Issue[]) {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/** A zod issue, as far as our issues read it. */
interface ZodIssueLike {
  path: readonly PropertyKey[];
  message: string;
  code: string;
  keys?: readonly string[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  values?: readonly unknown[];
  format?: string;
  divisor?: number | bigint;
  /** Present (maybe undefined) when parsed with `reportInput`: undefined is a missing field. */
  input?: unknown;
}

/**
 * The figures of a zod issue, so that a client can word it in its own language (the evaluator
 * app does: web/app/lib/messages.ts); `message` stays zod's English for logs and API clients.
 */
function paramsOf(i: ZodIssueLike): Record<string, string | number> | undefined {
  const params: Record<string, string | number> = {};
  if (i.code === 'invalid_type' && i.expected !== undefined) {
    params.expected = i.expected;
    if (Object.hasOwn(i, 'input') && i.input === undefined) params.missing = 1;
  }
  if (i.code === 'too_small' || i.code === 'too_big') {
    const bound = i.code === 'too_small' ? i.minimum : i.maximum;
    if (i.origin !== undefined && bound !== undefined) Object.assign(params, { origin: i.origin, limit: Number(bound), inclusive: i.inclusive === false ? 0 : 1 });
  }
  if (i.code === 'invalid_value' && i.values) params.values = i.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  if (i.code === 'invalid_format' && i.format !== undefined) params.format = i.format;
  if (i.code === 'not_multiple_of' && i.divisor !== undefined) params.divisor = Number(i.divisor);
  return Object.keys(params).length > 0 ? params : undefined;
}

/** zod issues as ours: the field is the dotted path of what was wrong. */
export function issuesFromZod(issues: readonly ZodIssueLike[]): Issue[] {
  return issues.flatMap((i): Issue[] => {
    const base = i.path.map(String).join('.');
    // An unknown property is named itself, not by the object that holds it.
    if (i.code === 'unrecognized_keys' && i.keys) {
      return i.keys.map((k) => ({ field: base ? `${base}.${k}` : k, code: 'unknown_field', message: `${base ? `${base}.${k}` : k}: unknown field` }));
    }
    const params = paramsOf(i);
    return [{ field: base || '(body)', code: i.code, message: `${base || 'body'}: ${i.message}`, ...(params ? { params } : {}) }];
  });
}
