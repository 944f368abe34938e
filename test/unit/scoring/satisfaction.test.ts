import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedSatisfactionBands } from '../../../scoring/bands.ts';
import { toFixedString } from '../../../scoring/decimal.ts';
import { bandCertainty } from '../../../scoring/satisfaction/band-certainty.ts';
import { combineGroups } from '../../../scoring/satisfaction/groups.ts';
import { intervalAt } from '../../../scoring/satisfaction/interval-at.ts';
import { planSample } from '../../../scoring/satisfaction/planner.ts';
import { rateView } from '../../../scoring/satisfaction/rate-view.ts';
import { shareEstimate } from '../../../scoring/satisfaction/share-rate.ts';
import { tally } from '../../../scoring/satisfaction/tally.ts';
import type { Estimate, ItemCounts, ScaleLike } from '../../../scoring/satisfaction/types.ts';
import { weightedEstimate } from '../../../scoring/satisfaction/weighted-rate.ts';

const sat5: ScaleLike = {
  levels: [
    { code: 5, weight: 100 }, { code: 4, weight: 80 }, { code: 3, weight: 60 }, { code: 2, weight: 40 }, { code: 1, weight: 20 },
  ],
  notApplicable: { code: 0 },
};

function share(counts: ItemCounts, na: 'exclude' | 'dissatisfied' = 'exclude'): Estimate {
  const e = shareEstimate(tally('q', counts, sat5), [5, 4], na);
  if (!e) throw new Error('no answers');
  return e;
}

function weighted(counts: ItemCounts, na: 'exclude' | 'dissatisfied' = 'exclude'): Estimate {
  const e = weightedEstimate(tally('q', counts, sat5), na);
  if (!e) throw new Error('no answers');
  return e;
}

// 276 satisfied of 300 answers with a level, plus 30 不了解 (DESIGN §3).
const example: ItemCounts = { levels: { 5: 200, 4: 76, 3: 20, 2: 4 }, notApplicable: 30 };

describe('item rate', () => {
  it('share: 276 of 300 → 92.00 % with 不了解 left out, 83.64 % when counted as not satisfied', () => {
    const left = rateView(share(example, 'exclude'));
    const counted = rateView(share(example, 'dissatisfied'));
    expect(left).toMatchObject({ rate: '92.00', n: 300, notApplicable: 30, method: 'share' });
    expect(counted).toMatchObject({ rate: '83.64', n: 330, notApplicable: 30, method: 'share' });
    expect(left.ci95).toEqual(['88.37', '94.57']);
  });

  it('the two treatments land in different bands, which is why the count is always reported', () => {
    expect(bandCertainty(share(example, 'exclude'), seedSatisfactionBands).band?.min).toBe('85.00');
    expect(bandCertainty(share(example, 'dissatisfied'), seedSatisfactionBands).band?.min).toBe('80.00');
  });

  it('29 of 30 → 96.67 %, Wilson 83.33–99.41', () => {
    expect(rateView(share({ levels: { 5: 20, 4: 9, 3: 1 } }))).toEqual({
      rate: '96.67', n: 30, notApplicable: 0, method: 'share', ci95: ['83.33', '99.41'],
    });
  });

  it('a survey may set its own satisfied set (非常满意, 满意, 基本满意)', () => {
    const e = shareEstimate(tally('q', example, sat5), [5, 4, 3], 'exclude');
    expect(e && toFixedString(e.rate)).toBe('98.67');
  });

  it('weighted: the mean of level weights, 不了解 left out or counted as weight 0', () => {
    // (200·100 + 76·80 + 20·60 + 4·40) / 300 = 91.47; with 30 zeros over 330 = 83.15.
    expect(rateView(weighted(example)).rate).toBe('91.47');
    expect(rateView(weighted(example, 'dissatisfied'))).toMatchObject({ rate: '83.15', n: 330, method: 'weighted' });
  });

  it('counts under the not-applicable code are not-applicable answers', () => {
    expect(share({ levels: { 5: 10, 0: 3 } })).toMatchObject({ n: 10, notApplicable: 3 });
  });

  it('a level the scale does not have is a bug upstream, not a silent drop', () => {
    expect(() => share({ levels: { 7: 1 } })).toThrow(/level 7/);
    expect(() => share({ levels: { 5: -1 } })).toThrow(RangeError);
  });

  it('no answers, no rate', () => {
    expect(shareEstimate(tally('q', { levels: {}, notApplicable: 4 }, sat5), [5, 4], 'exclude')).toBeNull();
    expect(weightedEstimate(tally('q', { levels: {} }, sat5), 'exclude')).toBeNull();
  });
});

const countsArb = fc.record({
  levels: fc.record({ 5: fc.nat(500), 4: fc.nat(500), 3: fc.nat(500), 2: fc.nat(500), 1: fc.nat(500) }),
  notApplicable: fc.nat(100),
});

describe('properties', () => {
  it('a rate lies inside its interval, for both methods and both treatments', () => {
    fc.assert(
      fc.property(countsArb, fc.constantFrom('exclude' as const, 'dissatisfied' as const), (counts, na) => {
        const t = tally('q', counts, sat5);
        for (const e of [shareEstimate(t, [5, 4], na), weightedEstimate(t, na)]) {
          if (!e) continue;
          expect(e.lo.lte(e.rate) && e.rate.lte(e.hi)).toBe(true);
          const [lo, hi] = rateView(e).ci95!;
          expect(Number(lo) <= Number(rateView(e).rate) && Number(rateView(e).rate) <= Number(hi)).toBe(true);
        }
      }),
    );
  });

  it('the order the counts arrive in does not matter', () => {
    fc.assert(
      fc.property(countsArb, (counts) => {
        const reversed = { ...counts, levels: Object.fromEntries(Object.entries(counts.levels).reverse()) };
        const a = weightedEstimate(tally('q', counts, sat5), 'exclude');
        const b = weightedEstimate(tally('q', reversed, sat5), 'exclude');
        expect(a && rateView(a)).toEqual(b && rateView(b));
      }),
    );
  });
});

describe('respondent groups', () => {
  const publicGroup = share({ levels: { 5: 276, 3: 24 } });
  const enterprises = share({ levels: { 5: 58, 2: 2 } });

  it('by sample size pools the answers: 334 of 360 → 92.78 %', () => {
    const pooled = combineGroups([{ estimate: publicGroup }, { estimate: enterprises }], 'bySample');
    expect(rateView(pooled!)).toEqual({ ...rateView(share({ levels: { 5: 334, 3: 26 } })), rate: '92.78' });
  });

  it('fixed equal weights average the rates: (92.00 + 96.67) / 2 → 94.33 %', () => {
    const fixed = combineGroups([{ estimate: publicGroup, weight: 1 }, { estimate: enterprises, weight: 1 }], 'fixed');
    const view = rateView(fixed!);
    expect(view.rate).toBe('94.33');
    expect(view.n).toBe(360);
    const [lo, hi] = view.ci95!.map(Number) as [number, number];
    expect(lo).toBeLessThan(94.33);
    expect(hi).toBeGreaterThan(94.33);
  });

  it('fixed weights follow the binding: 0.7 public, 0.3 enterprise', () => {
    const fixed = combineGroups([{ estimate: publicGroup, weight: '0.7' }, { estimate: enterprises, weight: '0.3' }], 'fixed');
    expect(rateView(fixed!).rate).toBe('93.40');
  });

  it('weighted means pool their sums and squares', () => {
    const a = weighted({ levels: { 5: 10, 3: 10 } });
    const b = weighted({ levels: { 5: 30 } });
    const pooled = combineGroups([{ estimate: a }, { estimate: b }], 'bySample');
    expect(rateView(pooled!)).toEqual(rateView(weighted({ levels: { 5: 40, 3: 10 } })));
  });

  it('refuses to mix a share with a weighted mean', () => {
    expect(() => combineGroups([{ estimate: publicGroup }, { estimate: weighted(example) }], 'bySample')).toThrow(TypeError);
  });

  it('the combined rate lies inside its interval and does not depend on group order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(countsArb, fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 4 }), fc.constantFrom('bySample' as const, 'fixed' as const), (groups, combine) => {
        const parts = groups.flatMap(([counts, weight]) => {
          const e = shareEstimate(tally('q', counts, sat5), [5, 4], 'exclude');
          return e ? [{ estimate: e, weight }] : [];
        });
        if (parts.length === 0) return;
        const c = combineGroups(parts, combine)!;
        expect(c.lo.lte(c.rate) && c.rate.lte(c.hi)).toBe(true);
        expect(rateView(combineGroups([...parts].reverse(), combine)!)).toEqual(rateView(c));
      }),
    );
  });
});

describe('band certainty', () => {
  it('29 of 30 straddles 85: likely but not certain; 36 answers at the same rate settle it', () => {
    const e = share({ levels: { 5: 20, 4: 9, 3: 1 } });
    const c = bandCertainty(e, seedSatisfactionBands);
    expect(c).toEqual({ band: { min: '85.00', factor: '1' }, certain: false, straddles: ['85.00'], settlesAt: 36, onThreshold: false });
    expect(toFixedString(intervalAt(e, 36)[0])).toBe('85.00');
    expect(toFixedString(intervalAt(e, 35)[0])).toBe('84.76');
  });

  it('290 of 300 lies wholly in the ≥ 85 band', () => {
    expect(bandCertainty(share({ levels: { 5: 290, 3: 10 } }), seedSatisfactionBands)).toMatchObject({ certain: true, straddles: [], settlesAt: null });
  });

  it('a wide interval can straddle several thresholds; settling means both sides', () => {
    const e = share({ levels: { 5: 9, 2: 1 } }); // 90 %, Wilson 59.58–98.21
    const c = bandCertainty(e, seedSatisfactionBands);
    expect(c.band?.min).toBe('85.00');
    expect(c.straddles).toEqual(['85.00', '80.00', '75.00', '65.00']);
    const n = c.settlesAt!;
    const shown = (m: number) => intervalAt(e, m).map((x) => Number(toFixedString(x)));
    expect(shown(n)[0]).toBeGreaterThanOrEqual(85);
    expect(shown(n - 1)[0]).toBeLessThan(85);
  });

  it('a rate on a threshold never settles: no sample size is advised', () => {
    // 80 % on the 80 threshold: the lower bound would publish as 80.00 only by rounding, after
    // tens of thousands of answers; 9 of 12 = 75 % after 288 million.
    for (const levels of [{ 5: 8, 2: 2 }, { 5: 9, 2: 3 }]) {
      const c = bandCertainty(share({ levels }), seedSatisfactionBands);
      expect(c).toMatchObject({ certain: false, settlesAt: null, onThreshold: true });
    }
    // Beside it, a rate just off the threshold still gets its figure.
    expect(bandCertainty(share({ levels: { 5: 17, 2: 4 } }), seedSatisfactionBands).settlesAt).toBeGreaterThan(21); // 80.95 %
  });

  it('weighted means settle with the t-interval at the same mean and spread', () => {
    const e = weighted({ levels: { 5: 6, 4: 3, 3: 1 } }); // 90.00, s 10.54, n 10
    const c = bandCertainty(e, seedSatisfactionBands);
    expect(c.certain).toBe(false);
    const n = c.settlesAt!;
    expect(Number(toFixedString(intervalAt(e, n)[0]))).toBeGreaterThanOrEqual(85);
    expect(Number(toFixedString(intervalAt(e, n - 1)[0]))).toBeLessThan(85);
  });
});

describe('sample-size planner', () => {
  it('95 %, ±5 %, p = 0.5 → 384', () => {
    expect(planSample()).toEqual({ n0: '384.15', corrected: '384.15', required: 384, issue: 384 });
  });

  it('N = 500 companies → 218 with the finite-population correction', () => {
    expect(planSample({ population: 500 })).toMatchObject({ corrected: '217.49', required: 218 });
  });

  it('the expected valid share says how many to issue', () => {
    expect(planSample({ population: 500, validShare: '0.8' }).issue).toBe(273);
  });

  it('never asks for more than the population', () => {
    expect(planSample({ population: 20, margin: '0.01' }).required).toBeLessThanOrEqual(20);
  });

  it('a smaller expected share or a wider margin needs fewer answers', () => {
    expect(planSample({ p: '0.9' }).required).toBe(139);
    // n₀ = 96.04; at 96 answers the margin is 10.002 %, which publishes as 10.00 %.
    expect(planSample({ margin: '0.1' }).required).toBe(96);
  });
});
