import { toFixedString } from '../decimal.ts';
import type { Estimate, RateView } from './types.ts';

/** An estimate as published: rate and interval rounded half-up once, to two decimals. */
export function rateView(e: Estimate): RateView {
  return {
    rate: toFixedString(e.rate),
    n: e.n,
    notApplicable: e.notApplicable,
    method: e.method,
    ci95: [toFixedString(e.lo), toFixedString(e.hi)],
  };
}
