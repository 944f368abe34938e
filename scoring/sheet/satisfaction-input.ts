import type { RateView } from '../satisfaction/types.ts';
import type { IndicatorInput } from './input-schema.ts';

/**
 * The input of a `satisfaction` indicator from a published survey rate (a survey's overall, a
 * dimension, or groups combined for a binding): its rate, n and interval, so the sheet scores
 * the band and says whether it is certain. Null while the survey has no rate.
 */
export function satisfactionInput(view: RateView): IndicatorInput | null {
  if (view.rate === null) return null;
  return { rate: view.rate, n: view.n > 0 ? view.n : undefined, ci95: view.ci95 ?? undefined };
}
