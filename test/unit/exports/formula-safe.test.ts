import { describe, expect, it } from 'vitest';
import { safeCell } from '../../../server/exports/formula-safe.ts';

describe('safeCell', () => {
  it('puts an apostrophe before text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+86 631', '-1', '@SUM(A1)', '\t隐藏', '\r回车', '=HYPERLINK("http://evil.example","点我")']) {
      expect(safeCell(text)).toBe(`'${text}`);
    }
  });

  it('leaves other text, numbers and empty cells alone', () => {
    for (const value of ['满意', ' =not at start', '<script>alert(1)</script>', '', "'已经有引号", 5, -1, 0, 12.5, null]) {
      expect(safeCell(value)).toBe(value);
    }
  });
});
