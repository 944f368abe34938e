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
   * band; null for a rate published on a threshold, or when no sample up to a million would.
   */
  settlesAt: number | null;
  /** The published rate is a band's minimum: as likely below it as above, at any sample size. */
  onThreshold: boolean;
}

/** More answers than any survey of this kind collects: advice beyond it helps no fieldwork. */
const searchLimit = 1_000_000;

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
  const sitting = !certain && onThreshold(bands, e.rate);
  return {
    band: band && { min: toFixedString(band.min), factor: band.factor.toString() },
    certain,
    straddles,
    // A rate on a threshold (9 of 12 = 75.00 %) is as likely below it as above at any sample size:
    // only rounding would ever publish its lower bound as 75.00, after hundreds of millions.
    settlesAt: certain || sitting ? null : settleSample(e, (n) => inBand(...intervalAt(e, n))),
    onThreshold: sitting,
  };
}

/** The published rate equals a band's minimum. */
function onThreshold(bands: readonly Band[], rate: Decimal): boolean {
  const shown = published(rate);
  return bands.some((b) => b.min.eq(shown));
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
