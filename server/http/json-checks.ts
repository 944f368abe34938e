// What JSON.parse lets through and the rest of the server cannot take: nesting deep enough to
// overflow a recursive validator's stack, NUL characters (PostgreSQL text cannot hold them) and
// unpaired surrogates (stored as U+FFFD, so a response would no longer match the hash taken of
// it). Each is refused at the edge, naming the field, before any handler sees the value.
import { ApiError } from './errors.ts';

/** Deeper than any body of ours nests (an indicator tree is five levels inside its framework). */
export const maxJsonDepth = 32;

/** A lone high surrogate, or a low one without its high half. */
const unpaired = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A `\u` escape of NUL or of a surrogate: only these put such characters in parsed JSON. */
const suspectEscape = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;

function textProblem(text: string): string | undefined {
  if (text.includes('\0')) return 'text must not contain a NUL character';
  if (unpaired.test(text)) return 'text contains an unpaired surrogate (broken Unicode)';
  return undefined;
}

/** Whether the text has `depth` opening brackets at all (inside strings too: an upper bound). */
function canNest(source: string, depth: number): boolean {
  let open = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if ((c === 123 || c === 91) && ++open >= depth) return true; // { [
  }
  return false;
}

/** 422 for a NUL character in a form field or query parameter (JSON's are named by their path). */
export function nulRefused(code: string, field: string): ApiError {
  const message = `${field}: text must not contain a NUL character`;
  return new ApiError(422, code, message, [{ field, code: 'invalid_text', message }]);
}

function refuse(code: string, path: string, problem: string): never {
  const field = path || '(body)';
  const message = `${path || 'body'}: ${problem}`;
  throw new ApiError(422, code, message, [{ field, code, message }]);
}

/**
 * Throws a 422 for the first value of a parsed body that breaks those rules. `source` is the body
 * as received: the text of every key and string is looked at only when it escapes a suspect
 * character, and the values are walked only when the body has brackets enough to nest too deep.
 */
export function checkParsedJson(value: unknown, source: string): void {
  const checkText = source.includes('\\u') && suspectEscape.test(source);
  // Nothing to find without a suspect escape in a body with too few brackets to nest that deep:
  // an ordinary submission stops here, after counting its brackets.
  if (!checkText && !canNest(source, maxJsonDepth)) return;
  // Iterative, so a body nested 100,000 deep is refused rather than overflowing this walk too.
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [node, path, depth] = stack.pop()!;
    if (typeof node === 'string') {
      const problem = checkText ? textProblem(node) : undefined;
      if (problem) refuse('invalid_text', path, problem);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= maxJsonDepth) refuse('too_deep', path, `nested deeper than ${maxJsonDepth} levels`);
    const entries: [string, unknown][] = Array.isArray(node) ? node.map((v, i) => [String(i), v]) : Object.entries(node);
    // Pushed last first, so the first problem in the body's own order is the one named.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const problem = checkText ? textProblem(key) : undefined;
      if (problem) refuse('invalid_text', path, `a field name: ${problem}`);
      stack.push([child, path ? `${path}.${key}` : key, depth + 1]);
    }
  }
}
