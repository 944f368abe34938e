import { bandFor, published, type Band } from '../bands.ts';
import { toDecimal, type Decimal, type Decimalish } from '../decimal.ts';
import { percent, shownRate } from './format.ts';
import type { Outcome } from './types.ts';

/** points × the factor of the band the published rate falls in; 0 below every band. */
export function bandScore(bands: readonly Band[], points: Decimal, rate: Decimalish, what: string): Outcome {
  const shown = published(rate);
  const band = bandFor(bands, shown);
  if (!band) return { score: toDecimal(0), basis: `${what} ${shownRate(shown)}，低于最低档，不得分` };
  return { score: points.times(band.factor), basis: `${what} ${shownRate(shown)} ≥ ${shownRate(band.min)}，得 ${percent(band.factor)}` };
}
