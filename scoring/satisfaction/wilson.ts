import { Decimal, toDecimal, type Decimalish } from '../decimal.ts';
import { zFor } from './normal.ts';

/**
 * Wilson score interval for `satisfied` of `n` answers, as percentages: 29 of 30 → 83.33–99.41
 * at 95 %. Unlike p ± z·√(p(1−p)/n) it stays inside 0–100 and is honest at 100 % and small n.
 */
export function wilsonInterval(satisfied: Decimalish, n: number, confidence = 0.95): [Decimal, Decimal] {
  if (!(n > 0)) throw new RangeError(`a share needs at least one answer: n = ${n}`);
  const z = new Decimal(zFor(confidence));
  const z2 = z.pow(2);
  const p = toDecimal(satisfied).div(n);
  const denominator = z2.div(n).plus(1);
  const centre = p.plus(z2.div(2 * n)).div(denominator);
  const half = z.div(denominator).times(p.times(new Decimal(1).minus(p)).div(n).plus(z2.div(4 * n * n)).sqrt());
  // Mathematically lo ≤ p ≤ hi, with equality at 0 % and 100 %; the last digit of a square root
  // must not break that.
  const lo = Decimal.max(0, Decimal.min(p, centre.minus(half)));
  const hi = Decimal.min(1, Decimal.max(p, centre.plus(half)));
  return [lo.times(100), hi.times(100)];
}
