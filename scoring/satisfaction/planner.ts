import { Decimal, toFixedString, toDecimal, type Decimalish } from '../decimal.ts';
import { published } from '../bands.ts';
import { zFor } from './normal.ts';

export interface PlanInput {
  /** Confidence level, default 0.95. */
  confidence?: number;
  /** Margin of error as a share, default 0.05 (± 5 percentage points). */
  margin?: Decimalish;
  /** Expected share, default 0.5 (the most cautious). */
  p?: Decimalish;
  /** Population size N (e.g. 500 companies); omit for a large population. */
  population?: number;
  /** Expected share of issued questionnaires that come back valid, default 1. */
  validShare?: Decimalish;
}

export interface SamplePlan {
  /** n₀ = z²·p(1−p)/e², unrounded to two decimals. */
  n0: string;
  /** n₀ / (1 + (n₀−1)/N), or n₀ without a population. */
  corrected: string;
  /** The fewest valid responses whose margin, published to two decimals, is within e. */
  required: number;
  /** Questionnaires to issue: required ÷ expected valid share, rounded up. */
  issue: number;
}

/**
 * Sample-size planner: n₀ = z²·p(1−p)/e² with the finite-population correction, then the fewest
 * whole responses whose margin publishes within e (95 %, ±5 %, p = 0.5 → 384; N = 500 → 218),
 * then how many to issue for the expected valid share.
 */
export function planSample(input: PlanInput = {}): SamplePlan {
  const e = toDecimal(input.margin ?? 0.05);
  const p = toDecimal(input.p ?? 0.5);
  const valid = toDecimal(input.validShare ?? 1);
  const N = input.population;
  if (!(e.gt(0) && e.lt(1))) throw new RangeError('margin must lie in (0, 1)');
  if (!(p.gt(0) && p.lt(1))) throw new RangeError('p must lie in (0, 1)');
  if (!(valid.gt(0) && valid.lte(1))) throw new RangeError('validShare must lie in (0, 1]');
  if (N !== undefined && !(Number.isSafeInteger(N) && N >= 1)) throw new RangeError('population must be a whole number ≥ 1');
  const z = new Decimal(zFor(input.confidence ?? 0.95));
  const pq = p.times(new Decimal(1).minus(p));
  const n0 = z.pow(2).times(pq).div(e.pow(2));
  const corrected = N === undefined ? n0 : n0.div(n0.minus(1).div(N).plus(1));
  // margin(n) = z·√(pq/n · (N−n)/(N−1)), the same formula solved for e; it falls as n grows.
  const margin = (n: number) => {
    const fpc = N === undefined || N === 1 ? new Decimal(1) : new Decimal(N - n).div(N - 1);
    return z.times(pq.div(n).times(fpc).sqrt());
  };
  const within = (n: number) => published(margin(n).times(100)).lte(published(e.times(100)));
  let required = Math.max(1, corrected.ceil().toNumber());
  if (N !== undefined) required = Math.min(required, N);
  while (required > 1 && within(required - 1)) required -= 1;
  return {
    n0: toFixedString(n0),
    corrected: toFixedString(corrected),
    required,
    issue: new Decimal(required).div(valid).ceil().toNumber(),
  };
}
