import { Decimal } from '../decimal.ts';
import { meanOf, tInterval } from './t-interval.ts';
import type { Tally } from './tally.ts';
import type { Estimate, MeanStats, NotApplicableTreatment } from './types.ts';

/**
 * 满意度得分: the mean of the level weights of the answers, where "not applicable" answers are
 * left out (`exclude`) or counted with weight 0 (`dissatisfied`); interval mean ± t·s/√n.
 */
export function weightedEstimate(t: Tally, notApplicable: NotApplicableTreatment): Estimate | null {
  const countNa = notApplicable === 'dissatisfied' ? t.notApplicable : 0;
  const n = t.answered + countNa;
  if (n === 0) return null;
  const zero = new Decimal(0);
  const weights = t.levels.map((l) => l.weight);
  if (countNa > 0) weights.push(zero);
  const stats: MeanStats = {
    kind: 'weighted',
    n,
    sum: t.levels.reduce((acc, l) => acc.plus(l.weight.times(l.count)), zero),
    sumOfSquares: t.levels.reduce((acc, l) => acc.plus(l.weight.pow(2).times(l.count)), zero),
    min: Decimal.min(...weights),
    max: Decimal.max(...weights),
  };
  const [lo, hi] = tInterval(stats);
  return { method: 'weighted', rate: meanOf(stats), lo, hi, n, notApplicable: t.notApplicable, stats };
}
