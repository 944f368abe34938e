import { Decimal } from '../decimal.ts';
import { codeSet, type Tally } from './tally.ts';
import type { Estimate, LevelCode, NotApplicableTreatment } from './types.ts';
import { wilsonInterval } from './wilson.ts';

/**
 * 满意率: satisfied answers ÷ answers in the base × 100, where "not applicable" answers are left
 * out of the base (`exclude`) or counted in it as not satisfied (`dissatisfied`).
 * 276 satisfied of 300 plus 30 不了解 → 92.00 % excluded, 83.64 % counted.
 */
export function shareEstimate(t: Tally, satisfied: readonly LevelCode[], notApplicable: NotApplicableTreatment): Estimate | null {
  const wanted = codeSet(satisfied);
  const k = t.levels.filter((l) => wanted.has(l.code)).reduce((acc, l) => acc + l.count, 0);
  const n = t.answered + (notApplicable === 'dissatisfied' ? t.notApplicable : 0);
  if (n === 0) return null;
  const [lo, hi] = wilsonInterval(k, n);
  return {
    method: 'share',
    rate: new Decimal(k).div(n).times(100),
    lo,
    hi,
    n,
    notApplicable: t.notApplicable,
    stats: { kind: 'share', satisfied: k, n },
  };
}
