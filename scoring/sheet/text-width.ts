// Terminal columns of text: CJK characters take two, so a table of Chinese indicator names only
// lines up when padded by display width, not by string length.

// East Asian Wide and Fullwidth ranges (Unicode UAX #11); ambiguous characters such as “” and ①
// are one column in the terminals evaluators use.
const wide: [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

/** Columns one character takes: 2 for wide, 0 for combining marks and controls, else 1. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) return 0;
  return wide.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
}

/** Columns a string takes in a terminal. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

export function padEndWidth(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStartWidth(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

// Characters that must not start a line (避头): they stay at the end of the previous one.
const noLineStart = new Set('，。、；：！？）》」』】,.;:!?)%'.split(''));

/**
 * Lines of at most `width` columns. Chinese breaks between any two characters; a run of
 * ASCII letters and digits ("54.19%", "4,057.02") is kept whole, and closing punctuation never
 * starts a line, so a line may run a column or two over.
 */
export function wrapWidth(s: string, width: number): string[] {
  const tokens = s.match(/[\x21-\x7e]+|\s+|[^\s]/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    const fits = displayWidth(line) + displayWidth(token) <= width;
    if (fits || line.trim() === '' || noLineStart.has(token[0]!)) {
      line += token;
      continue;
    }
    lines.push(line.trimEnd());
    line = /^\s+$/.test(token) ? '' : token;
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
