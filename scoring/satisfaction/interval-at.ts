import { Decimal, clamp } from '../decimal.ts';
import { meanOf, standardDeviation } from './t-interval.ts';
import { studentTQuantile } from './student-t.ts';
import type { Estimate } from './types.ts';
import { wilsonInterval } from './wilson.ts';

/**
 * The interval the same rate would have with `n` answers: Wilson at the same share, the
 * t-interval at the same mean and spread, and for a mean of rates (no counts) the bounds'
 * distances scaled by √(n₀/n).
 */
export function intervalAt(e: Estimate, n: number): [Decimal, Decimal] {
  const s = e.stats;
  if (s?.kind === 'share') return wilsonInterval(new Decimal(s.satisfied).div(s.n).times(n), n);
  if (s?.kind === 'weighted') {
    const t = new Decimal(studentTQuantile(0.975, Math.max(1, n - 1)));
    const half = t.times(standardDeviation(s)).div(new Decimal(n).sqrt());
    const mean = meanOf(s);
    return [clamp(mean.minus(half), s.min, s.max), clamp(mean.plus(half), s.min, s.max)];
  }
  const shrink = new Decimal(e.n).div(n).sqrt();
  return [e.rate.minus(e.rate.minus(e.lo).times(shrink)), e.rate.plus(e.hi.minus(e.rate).times(shrink))];
}
