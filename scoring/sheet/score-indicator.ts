import { sum, toDecimal, type Decimal } from '../decimal.ts';
import type { Indicator } from '../framework/types.ts';
import { ruleModule } from '../rules/index.ts';
import { bandCertainty, type BandCertainty } from '../satisfaction/band-certainty.ts';
import { childrenFinding, differAsShown, ruleFinding, shownStatedRate, statedRateFinding } from './findings.ts';
import type { IndicatorInput } from './input-schema.ts';

/** An indicator scored, unrounded. */
export interface Scored {
  indicator: Indicator;
  score: Decimal | null;
  entered: boolean;
  complete: boolean;
  basis: string | null;
  reason: string | null;
  findings: string[];
  /** A stated rate right for the figures it was printed with, since changed under it: as shown. */
  staleStatedRate: string | null;
  certainty: BandCertainty | null;
  children: Scored[];
}

function certaintyOf(ind: Indicator, input: IndicatorInput | undefined): BandCertainty | null {
  if (ind.rule?.kind !== 'satisfaction' || !input?.rate || !input.ci95 || !input.n) return null;
  const [lo, hi] = input.ci95.map((x) => toDecimal(x)) as [Decimal, Decimal];
  return bandCertainty({ method: 'share', rate: toDecimal(input.rate), lo, hi, n: input.n, notApplicable: 0 }, ind.rule.bands);
}

/**
 * Scores an indicator and everything under it. A leaf takes its rule's score from the facts; a
 * parent the sum of its children's unrounded scores. An entered score wins and is kept, with a
 * finding wherever the rule or the children say otherwise (DESIGN §4 audit). A stated rate with a
 * score in `statedFor` was printed for those figures, changed under it since: it is checked against
 * them, a slip of the report stays a finding, and a rate right then is shown as of then.
 */
export function scoreIndicator(ind: Indicator, inputs: ReadonlyMap<string, IndicatorInput>, statedFor: ReadonlyMap<string, Decimal | null> = new Map()): Scored {
  const input = inputs.get(ind.code);
  const children = ind.children.map((c) => scoreIndicator(c, inputs, statedFor));
  const findings: string[] = [];
  const entered = input?.score === undefined ? null : toDecimal(input.score);

  let computed: Decimal | null = null;
  let basis: string | null = null;
  let computedComplete = false;
  if (ind.rule) {
    const outcome = input ? ruleModule(ind.rule).apply(ind.rule, ind.points, input) : null;
    computed = outcome?.score ?? null;
    basis = outcome?.basis ?? null;
    computedComplete = outcome !== null;
    if (entered && outcome && differAsShown(entered, outcome.score)) findings.push(ruleFinding(entered, outcome.score, outcome.basis));
  } else {
    const scored = children.filter((c) => c.score !== null);
    computed = scored.length > 0 ? sum(scored.map((c) => c.score!)) : null;
    computedComplete = children.every((c) => c.complete);
    if (entered && computed && computedComplete && differAsShown(entered, computed)) findings.push(childrenFinding(entered, computed, ind.points));
  }

  const score = entered ?? computed;
  let staleStatedRate: string | null = null;
  const then = statedFor.get(ind.code);
  if (input?.statedRate !== undefined && then) {
    const slip = statedRateFinding(input.statedRate, then, ind.points);
    if (slip) findings.push(`${slip}（下级指标改动前的得分）`);
    else if (score !== null && statedRateFinding(input.statedRate, score, ind.points)) staleStatedRate = shownStatedRate(input.statedRate);
  } else if (input?.statedRate !== undefined && score !== null) {
    const f = statedRateFinding(input.statedRate, score, ind.points);
    if (f) findings.push(f);
  }
  return {
    indicator: ind,
    score,
    entered: entered !== null,
    complete: entered !== null || computedComplete,
    basis,
    reason: input?.reason?.trim() || null,
    findings,
    staleStatedRate,
    certainty: certaintyOf(ind, input),
    children,
  };
}
