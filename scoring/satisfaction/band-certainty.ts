import { bandFor, descending, published, type Band } from '../bands.ts';
import { toFixedString, type Decimal } from '../decimal.ts';
import { intervalAt } from './interval-at.ts';
import type { Estimate } from './types.ts';

export interface BandCertainty {
  /** The band the published rate earns (null below every band). */
  band: { min: string; factor: string } | null;
  /** The whole published interval lies in that band. */
  certain: boolean;
  /** Band thresholds inside the published interval (lo < min ≤ hi). */
  straddles: string[];
  /**
   * Uncertain only: the answers at which, at the same rate, the interval would lie inside the
   * band; null when no sample size up to a billion would (a rate sitting on a threshold).
   */
  settlesAt: number | null;
}

const searchLimit = 1_000_000_000;

/**
 * Whether a rate's band is settled by its 95 % interval: 29 of 30 (96.67 %, 83.33–99.41)
 * straddles 85, so the ≥ 85 % band is likely but not certain until the sample grows.
 */
export function bandCertainty(e: Estimate, bands: readonly Band[]): BandCertainty {
  const band = bandFor(bands, e.rate);
  const inBand = (lo: Decimal, hi: Decimal) => bandFor(bands, lo) === band && bandFor(bands, hi) === band;
  const [lo, hi] = [published(e.lo), published(e.hi)];
  const straddles = descending(bands).filter((b) => b.min.gt(lo) && b.min.lte(hi)).map((b) => toFixedString(b.min));
  const certain = inBand(lo, hi);
  return {
    band: band && { min: toFixedString(band.min), factor: band.factor.toString() },
    certain,
    straddles,
    settlesAt: certain ? null : settleSample(e, (n) => inBand(...intervalAt(e, n))),
  };
}

// The interval narrows as n grows, so "settled at n" is monotone: double to bracket, then bisect.
function settleSample(e: Estimate, settled: (n: number) => boolean): number | null {
  let below = Math.max(1, e.n);
  let above = below * 2;
  while (!settled(above)) {
    if (above >= searchLimit) return null;
    below = above;
    above = Math.min(searchLimit, above * 2);
  }
  while (above - below > 1) {
    const mid = Math.floor((below + above) / 2);
    if (settled(mid)) above = mid;
    else below = mid;
  }
  return above;
}
