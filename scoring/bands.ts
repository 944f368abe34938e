import { roundHalfUp, toDecimal, type Decimal, type Decimalish } from './decimal.ts';

/** One band of a band table: rates from `min` (inclusive) up to the next band earn `factor`. */
export interface Band {
  min: Decimal;
  factor: Decimal;
}

/** The seed's 社会满意度 table (附件1): ≥85 % full, 80–85 % 80 %, 75–80 % 60 %, 65–75 % 40 %, else 0. */
export const seedSatisfactionBands: readonly Band[] = [
  [85, 1], [80, 0.8], [75, 0.6], [65, 0.4], [0, 0],
].map(([min, factor]) => ({ min: toDecimal(min!), factor: toDecimal(factor!) }));

/** A percentage as published: two decimals, half-up. Bands and thresholds apply to this figure. */
export function published(rate: Decimalish): Decimal {
  return roundHalfUp(rate, 2);
}

/** Bands from the highest `min` down, whatever order they were written in. */
export function descending(bands: readonly Band[]): Band[] {
  return [...bands].sort((a, b) => b.min.comparedTo(a.min));
}

/**
 * The band a rate earns: the first band, from the top, whose `min` ≤ the published rate, so
 * 84.995 (published 85.00) earns the ≥ 85 band. Null below every band (factor 0).
 */
export function bandFor(bands: readonly Band[], rate: Decimalish): Band | null {
  const shown = published(rate);
  return descending(bands).find((b) => b.min.lte(shown)) ?? null;
}

/** The band factor a rate earns: 0 below every band. */
export function bandFactor(bands: readonly Band[], rate: Decimalish): Decimal {
  return bandFor(bands, rate)?.factor ?? toDecimal(0);
}
