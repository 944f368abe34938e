import { Decimal, clamp } from '../decimal.ts';
import { studentTQuantile } from './student-t.ts';
import type { MeanStats } from './types.ts';

/** The mean of level weights. */
export function meanOf(stats: MeanStats): Decimal {
  return stats.sum.div(stats.n);
}

/** The sample standard deviation, from the counts alone: s² = (Σw² − (Σw)²/n) / (n − 1). */
export function standardDeviation(stats: MeanStats): Decimal {
  if (stats.n < 2) return new Decimal(0);
  const variance = stats.sumOfSquares.minus(stats.sum.pow(2).div(stats.n)).div(stats.n - 1);
  return Decimal.max(0, variance).sqrt();
}

/**
 * mean ± t(n−1)·s/√n, kept inside the range of the weights; with one answer nothing is known
 * beyond that range, so the interval is the whole range.
 */
export function tInterval(stats: MeanStats, confidence = 0.95): [Decimal, Decimal] {
  if (!(stats.n > 0)) throw new RangeError(`a mean needs at least one answer: n = ${stats.n}`);
  if (stats.n < 2) return [stats.min, stats.max];
  const t = new Decimal(studentTQuantile(1 - (1 - confidence) / 2, stats.n - 1));
  const half = t.times(standardDeviation(stats)).div(new Decimal(stats.n).sqrt());
  const mean = meanOf(stats);
  return [clamp(mean.minus(half), stats.min, stats.max), clamp(mean.plus(half), stats.min, stats.max)];
}
