// The figures of a zod issue, apart from zod's English sentence: the server sends them with every
// issue of a body's shape, and parseDefinition with a definition's, so that the evaluator app can
// say what is wrong in its own language. Generic zod, kept here because both sides use it and
// surveys/ is the pure module both import.
import { z } from 'zod';

// zod passes no figures of a pattern's own to its issue, only the pattern: each pattern made by
// patternRule is known here by it, with the name of its rule.
const patternRules = new Map<string, string>();

/** A string that must match `pattern`; its issues carry `rule`, by which a client words it. */
export function patternRule(pattern: RegExp, rule: string, message: string) {
  patternRules.set(String(pattern), rule);
  return z.string().regex(pattern, message);
}

/** A zod issue, as far as our issues read it. */
export interface ZodIssueLike {
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
  /** A pattern's source, as String(RegExp) writes it. */
  pattern?: string;
  /** A refinement's own figures (ours carry `rule`). */
  params?: Record<string, unknown>;
  /** A discriminated union's values. */
  options?: readonly unknown[];
  /** Present (maybe undefined) when parsed with `reportInput`: undefined is a missing field. */
  input?: unknown;
}

/**
 * The figures of a zod issue, so that a client can word it in its own language (the evaluator
 * app does: web/app/lib/issue-words.ts); `message` stays zod's English for logs and API clients.
 */
export function zodIssueParams(i: ZodIssueLike): Record<string, string | number> | undefined {
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
  const rule = i.code === 'invalid_format' && i.pattern !== undefined ? patternRules.get(i.pattern) : undefined;
  if (rule !== undefined) params.rule = rule;
  if (i.code === 'unrecognized_keys' && i.keys) params.keys = i.keys.join(', ');
  // Our own refinements name their rule (`.refine(f, { message, params: { rule } })`), so that a
  // client can word a rule zod has no code for.
  if (i.code === 'custom' && typeof i.params?.rule === 'string') params.rule = i.params.rule;
  // A discriminated union told a value it does not know: the values it knows.
  if (i.code === 'invalid_union' && i.options) params.values = i.options.map((v) => String(v)).join(', ');
  if (i.code === 'not_multiple_of' && i.divisor !== undefined) params.divisor = Number(i.divisor);
  return Object.keys(params).length > 0 ? params : undefined;
}
