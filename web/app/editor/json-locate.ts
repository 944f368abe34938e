// Where things are in a JSON text: the offset of every value by its dotted path ("questions.3.label",
// the path form of surveys' parseDefinition and of the server's issues), and where the text stops
// being JSON. Browsers word JSON.parse errors differently and some give no position at all, so
// the editor reads the text itself to point at a line.

export interface JsonLocations {
  /** Offset of each value (for an object member: of its key) by dotted path; "" is the root. */
  at: Map<string, number>;
  /** The first syntax error, if the text is not JSON: what it is (worded by ./json-words.ts). */
  error: { offset: number; problem: JsonProblem; char?: string } | null;
}

export type JsonProblem =
  | 'bad_unicode_escape' | 'bad_escape' | 'control_in_string' | 'string_not_closed' | 'expected_name'
  | 'expected_colon' | 'expected_comma_brace' | 'expected_comma_bracket' | 'ends_early'
  | 'unexpected_char' | 'text_after_end';

class Stop extends Error {
  constructor(readonly offset: number, readonly problem: JsonProblem, readonly char?: string) {
    super(problem);
  }
}

export function locateJson(text: string): JsonLocations {
  const at = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (problem: JsonProblem, char?: string): never => {
    throw new Stop(i, problem, char);
  };
  const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

  const string = (): string => {
    const start = i;
    i++; // the opening quote
    let out = '';
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad_unicode_escape');
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (esc === undefined || !Object.hasOwn(map, esc)) fail('bad_escape');
        out += map[esc!]!;
        i += 2;
        continue;
      }
      if (ch < ' ') fail('control_in_string');
      out += ch;
      i++;
    }
    i = start;
    return fail('string_not_closed');
  };

  const value = (path: string, recordAt = true): void => {
    ws();
    if (recordAt) at.set(path, i);
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected_name');
        const keyAt = i;
        const key = string();
        at.set(join(path, key), keyAt);
        ws();
        if (text[i] !== ':') fail('expected_colon');
        i++;
        value(join(path, key), false);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('expected_comma_brace');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(join(path, String(n)));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('expected_comma_bracket');
      }
    }
    if (ch === '"') {
      string();
      return;
    }
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) (i >= text.length ? fail('ends_early') : fail('unexpected_char', JSON.stringify(ch)));
    i += literal![0].length;
  };

  try {
    value('');
    ws();
    if (i < text.length) fail('text_after_end');
    return { at, error: null };
  } catch (e) {
    if (e instanceof Stop) return { at, error: { offset: e.offset, problem: e.problem, ...(e.char === undefined ? {} : { char: e.char }) } };
    throw e;
  }
}

/** The 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/** The offset for a path, or for the nearest enclosing value that exists (a missing property is reported on its object). */
export function offsetOfPath(locations: JsonLocations, path: string): number {
  const parts = path ? path.split('.') : [];
  for (let n = parts.length; n >= 0; n--) {
    const found = locations.at.get(parts.slice(0, n).join('.'));
    if (found !== undefined) return found;
  }
  return 0;
}

/** The start and end offsets of a 1-based line, for selecting it. */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end === -1 ? text.length : end];
}
