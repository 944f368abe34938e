// The results page's review list: what it asks the list route for, and a response number as typed.
import { describe, expect, test } from 'vitest';
import { listQuery, seqOf, shows } from '../../../../web/app/results/review.ts';

describe('the review list query', () => {
  const all = { group: '', channel: '' };

  test('flagged first, then all and the excluded, each a filter of GET /api/surveys/:id/responses', () => {
    expect(shows).toEqual(['flagged', 'all', 'excluded']);
    expect(listQuery('flagged', all, { limit: 20 })).toBe('?flagged=true&limit=20');
    expect(listQuery('all', all, { limit: 20 })).toBe('?limit=20');
    expect(listQuery('excluded', all, { limit: 20, after: 40 })).toBe('?excluded=true&limit=20&after=40');
  });

  test("the page's group and channel filter go along", () => {
    expect(listQuery('all', { group: 'enterprise', channel: 'paper' }, { limit: 1, after: 0 })).toBe('?group=enterprise&channel=paper&limit=1&after=0');
  });
});

describe('a response number as typed', () => {
  test('digits, with or without # or 第…份, full-width too', () => {
    expect(seqOf('10')).toBe(10);
    expect(seqOf(' #10 ')).toBe(10);
    expect(seqOf('＃７')).toBe(7);
    expect(seqOf('第 12 份')).toBe(12);
    expect(seqOf('１０')).toBe(10);
  });

  test('anything else is no number', () => {
    for (const bad of ['', ' ', '0', '-3', '1.5', '10a', 'abc', '99999999999', '#']) expect(seqOf(bad), bad).toBeNull();
  });
});
