import { Decimal, sum, toDecimal, type Decimalish } from '../decimal.ts';
import type { Estimate } from './types.ts';

export interface WeightedPart {
  estimate: Estimate;
  /** Relative weight; default 1 (equal weights). */
  weight?: Decimalish;
}

/** The method all parts share; a share and a weighted mean are different quantities and never mix. */
export function sameMethod(parts: readonly { estimate: Estimate }[]): Estimate['method'] {
  const methods = new Set(parts.map((p) => p.estimate.method));
  if (methods.size > 1) throw new TypeError('cannot combine a share with a weighted mean');
  return parts[0]!.estimate.method;
}

/** Normalized positive weights: each weight ÷ their sum. */
export function normalizedWeights(weights: readonly Decimalish[]): Decimal[] {
  const ws = weights.map((w) => toDecimal(w));
  if (ws.some((w) => !w.isPositive() || w.isZero())) throw new RangeError('weights must be positive');
  const total = sum(ws);
  return ws.map((w) => w.div(total));
}

/**
 * A dimension (or overall) rate: the weighted mean of its items' rates, default equal weights.
 * The same respondents answer every item, and counts per item cannot tell how their answers
 * co-vary, so the interval is the weighted mean of the items' bounds: exact when answers move
 * together, wider than needed otherwise, never narrower.
 */
export function meanOfRates(parts: readonly WeightedPart[]): Estimate | null {
  if (parts.length === 0) return null;
  const method = sameMethod(parts);
  const w = normalizedWeights(parts.map((p) => p.weight ?? 1));
  const weighted = (pick: (e: Estimate) => Decimal) => sum(parts.map((p, i) => pick(p.estimate).times(w[i]!)));
  return {
    method,
    rate: weighted((e) => e.rate),
    lo: weighted((e) => e.lo),
    hi: weighted((e) => e.hi),
    n: Math.min(...parts.map((p) => p.estimate.n)),
    notApplicable: parts.reduce((acc, p) => acc + p.estimate.notApplicable, 0),
  };
}
