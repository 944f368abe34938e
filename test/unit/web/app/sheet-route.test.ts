// The sheet page's address: /app/evaluations/:id/sheet, and back.
import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../../../web/app/lib/router.ts';

describe('the sheet route', () => {
  it('parses and prints /app/evaluations/:id/sheet', () => {
    expect(parseRoute('/app/evaluations/ab%2Fc/sheet')).toEqual({ name: 'sheet', id: 'ab/c' });
    expect(routePath({ name: 'sheet', id: 'ab/c' })).toBe('/app/evaluations/ab%2Fc/sheet');
  });

  it('leaves other pages under an evaluation unknown', () => {
    expect(parseRoute('/app/evaluations/x/sheets')).toEqual({ name: 'notFound' });
    expect(parseRoute('/app/evaluations/x/sheet/more')).toEqual({ name: 'notFound' });
    expect(parseRoute('/app/evaluations/x')).toEqual({ name: 'evaluation', id: 'x' });
  });
});
