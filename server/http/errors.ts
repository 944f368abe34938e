// The one error shape of DESIGN §6: `{ error: { code, message, issues? } }`. Routes throw ApiError;
// the app's single onError turns it (and anything unexpected) into a response.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { zodIssueParams as paramsOf, type ZodIssueLike } from '../../surveys/zod-issue-params.ts';

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
