// The framework editor's address: /app/evaluations/:id/framework, and back.
import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../../../web/app/lib/router.ts';

describe('the framework route', () => {
  it('parses and prints /app/evaluations/:id/framework', () => {
    expect(parseRoute('/app/evaluations/ab%2Fc/framework')).toEqual({ name: 'framework', id: 'ab/c' });
    expect(routePath({ name: 'framework', id: 'ab/c' })).toBe('/app/evaluations/ab%2Fc/framework');
    expect(parseRoute('/app/evaluations/x/framework/more')).toEqual({ name: 'notFound' });
  });
});
