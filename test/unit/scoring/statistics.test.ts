import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, toFixedString } from '../../../scoring/decimal.ts';
import { normalQuantile, zFor } from '../../../scoring/satisfaction/normal.ts';
import { studentTCdf, studentTQuantile } from '../../../scoring/satisfaction/student-t.ts';
import { tInterval } from '../../../scoring/satisfaction/t-interval.ts';
import { wilsonInterval } from '../../../scoring/satisfaction/wilson.ts';
import type { MeanStats } from '../../../scoring/satisfaction/types.ts';

// Reference quantiles from scipy.stats.t.ppf(0.975, df) and scipy.stats.norm.ppf.
const t975: [number, number][] = [
  [1, 12.706204736174694], [2, 4.302652729749462], [3, 3.1824463052837078], [4, 2.7764451051977934],
  [5, 2.5705818356363146], [9, 2.262157162798205], [10, 2.228138851986274], [19, 2.0930240544083087],
  [29, 2.045229642132703], [59, 2.000995378088267], [99, 1.9842169515864174], [299, 1.9679296690656698],
  [1000, 1.9623390808264083],
];

function meanStats(counts: [weight: number, count: number][]): MeanStats {
  const n = counts.reduce((a, [, c]) => a + c, 0);
  const sum = counts.reduce((a, [w, c]) => a.plus(new Decimal(w).times(c)), new Decimal(0));
  const sumOfSquares = counts.reduce((a, [w, c]) => a.plus(new Decimal(w).pow(2).times(c)), new Decimal(0));
  return { kind: 'weighted', n, sum, sumOfSquares, min: new Decimal(0), max: new Decimal(100) };
}

describe("Student's t quantile", () => {
  it.each(t975)('df %i matches the reference to 1e-9', (df, expected) => {
    expect(Math.abs(studentTQuantile(0.975, df) - expected)).toBeLessThan(1e-9 * expected);
  });

  it('is far from 1.96 for small samples and approaches it for large ones', () => {
    expect(studentTQuantile(0.975, 4)).toBeGreaterThan(2.7);
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('is symmetric and inverts its CDF', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 1, max: 5000 }), (p, df) => {
        const t = studentTQuantile(p, df);
        expect(studentTCdf(t, df)).toBeCloseTo(p, 9);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 6);
      }),
      { numRuns: 200 },
    );
  });
});

describe('normal quantile', () => {
  it('matches the reference', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
    expect(zFor(0.9)).toBeCloseTo(1.6448536269514722, 8);
  });
});

describe('Wilson interval', () => {
  it('29 of 30 → 83.33 %–99.41 % (DESIGN §3)', () => {
    expect(wilsonInterval(29, 30).map((x) => toFixedString(x))).toEqual(['83.33', '99.41']);
  });

  it('stays inside 0–100 and is not degenerate at 0 % or 100 %', () => {
    const [lo, hi] = wilsonInterval(30, 30);
    expect(toFixedString(hi)).toBe('100.00');
    expect(lo.lt(90)).toBe(true);
    const [lo0] = wilsonInterval(0, 5);
    expect(lo0.isZero()).toBe(true);
  });

  it('contains the share (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(), (n, k0) => {
        const k = k0 % (n + 1);
        const [lo, hi] = wilsonInterval(k, n);
        const p = new Decimal(k).div(n).times(100);
        expect(lo.lte(p) && p.lte(hi)).toBe(true);
      }),
    );
  });
});

describe('t-interval from level counts', () => {
  it('20×100, 9×80, 1×60 → 92.67, 88.51–96.82 (scipy reference)', () => {
    const [lo, hi] = tInterval(meanStats([[100, 20], [80, 9], [60, 1]]));
    expect([toFixedString(lo), toFixedString(hi)]).toEqual(['88.51', '96.82']);
  });

  it('uses t for 4 df, not 1.96, and keeps inside the weight range', () => {
    // 3×100, 1×80, 1×0: mean 76, s 43.36; t(4) gives 22.16–129.84, clamped at 100.
    const [lo, hi] = tInterval(meanStats([[100, 3], [80, 1], [0, 1]]));
    expect(toFixedString(lo)).toBe('22.16');
    expect(toFixedString(hi)).toBe('100.00');
  });

  it('one answer says nothing beyond the range of the weights', () => {
    const [lo, hi] = tInterval(meanStats([[80, 1]]));
    expect([lo.toString(), hi.toString()]).toEqual(['0', '100']);
  });
});
