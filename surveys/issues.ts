// Answer issues: English `message` for logs and API clients, `code` + `params` for the respondent
// page, which localises them (DESIGN §10: Chinese first, with an English switch).

export type AnswerIssueCode =
  | 'unknown_question'
  | 'required'
  | 'invalid_type'
  | 'invalid_value'
  | 'hidden'
  | 'too_long'
  | 'too_small'
  | 'too_large'
  | 'not_integer'
  | 'too_few'
  | 'too_many'
  | 'duplicate';

export interface AnswerIssue {
  /** The question id; empty when the answers as a whole are not an object. */
  question: string;
  code: AnswerIssueCode;
  message: string;
  params?: Record<string, string | number>;
}

export function answerIssue(
  question: string,
  code: AnswerIssueCode,
  message: string,
  params?: Record<string, string | number>,
): AnswerIssue {
  return params ? { question, code, message, params } : { question, code, message };
}

/**
 * A short description of any value for a message. It never calls into the value (no toString,
 * no JSON.stringify of objects or bigints), so hostile input cannot make validation throw.
 */
export function show(value: unknown): string {
  switch (typeof value) {
    case 'string': {
      const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return JSON.stringify(short);
    }
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'nothing';
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      return Array.isArray(value) ? 'a list' : 'an object';
  }
}

/** The JSON type of a value, as named in `invalid_type` params. */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
