import { Decimal, sum } from '../decimal.ts';
import { normalizedWeights, sameMethod, type WeightedPart } from './mean-of-rates.ts';
import { meanOf, tInterval } from './t-interval.ts';
import type { Estimate, MeanStats, ShareStats } from './types.ts';
import { wilsonInterval } from './wilson.ts';

/** How groups feed one rate: by their sample sizes, or by the weights stated in the binding. */
export type GroupCombination = 'bySample' | 'fixed';

/**
 * One rate from several respondent groups (a public and an enterprise survey).
 * `bySample` weights each group by its n — with counts at hand that is pooling the answers:
 * 276/300 and 58/60 → 334/360 = 92.78 %. `fixed` uses the stated weights: equal weights give
 * (92.00 + 96.67) / 2 = 94.33 %.
 */
export function combineGroups(parts: readonly WeightedPart[], combine: GroupCombination): Estimate | null {
  if (parts.length === 0) return null;
  sameMethod(parts);
  if (combine === 'bySample') {
    const pooled = pool(parts.map((p) => p.estimate));
    if (pooled) return pooled;
  }
  const weights = combine === 'bySample' ? parts.map((p) => p.estimate.n) : parts.map((p) => p.weight ?? 1);
  return moverSum(parts.map((p) => p.estimate), normalizedWeights(weights));
}

// Pools the counts when every group carries them, so the pooled rate gets its exact interval.
function pool(estimates: readonly Estimate[]): Estimate | null {
  const stats = estimates.map((e) => e.stats);
  const n = estimates.reduce((acc, e) => acc + e.n, 0);
  const notApplicable = estimates.reduce((acc, e) => acc + e.notApplicable, 0);
  if (stats.every((s): s is ShareStats => s?.kind === 'share')) {
    const satisfied = stats.reduce((acc, s) => acc + s.satisfied, 0);
    const [lo, hi] = wilsonInterval(satisfied, n);
    return { method: 'share', rate: new Decimal(satisfied).div(n).times(100), lo, hi, n, notApplicable, stats: { kind: 'share', satisfied, n } };
  }
  if (stats.every((s): s is MeanStats => s?.kind === 'weighted')) {
    const pooled: MeanStats = {
      kind: 'weighted',
      n,
      sum: sum(stats.map((s) => s.sum)),
      sumOfSquares: sum(stats.map((s) => s.sumOfSquares)),
      min: Decimal.min(...stats.map((s) => s.min)),
      max: Decimal.max(...stats.map((s) => s.max)),
    };
    const [lo, hi] = tInterval(pooled);
    return { method: 'weighted', rate: meanOf(pooled), lo, hi, n, notApplicable, stats: pooled };
  }
  return null;
}

/**
 * Σ wᵢ·rᵢ for independent groups, with the MOVER interval (Zou & Donner 2008): each side is
 * √Σ (wᵢ·distance to that side of group i's own interval)², so it inherits Wilson's or the
 * t-interval's shape instead of assuming normality.
 */
function moverSum(estimates: readonly Estimate[], w: readonly Decimal[]): Estimate {
  const rate = sum(estimates.map((e, i) => e.rate.times(w[i]!)));
  const below = sum(estimates.map((e, i) => e.rate.minus(e.lo).times(w[i]!).pow(2))).sqrt();
  const above = sum(estimates.map((e, i) => e.hi.minus(e.rate).times(w[i]!).pow(2))).sqrt();
  return {
    method: estimates[0]!.method,
    rate,
    lo: rate.minus(below),
    hi: rate.plus(above),
    n: estimates.reduce((acc, e) => acc + e.n, 0),
    notApplicable: estimates.reduce((acc, e) => acc + e.notApplicable, 0),
  };
}
