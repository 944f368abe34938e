import { isDecimalString, toDecimal } from '../../../scoring/decimal.ts';
import type { IndicatorInput } from './types.ts';

/** The same score however written: "2", "2.0" and "02" are one (decimal.js, as every score). */
function sameScore(a: string | number | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const [x, y] = [String(a).trim(), b.trim()];
  return isDecimalString(x) && isDecimalString(y) ? toDecimal(x).eq(toDecimal(y)) : x === y;
}

/**
 * The input the score editor saves for an indicator: `score` is what the evaluator typed (empty:
 * no score of their own), or null to clear it. The facts the rule takes (a measured value, a
 * grade, a checklist) stay, since the server replaces the whole input.
 *
 * A `statedRate` is the 得分率 a report printed beside its score; the sheet checks it against
 * score ÷ points to audit the imported figure (DESIGN §4). Once the evaluator puts another score
 * in its place, the report's rate says nothing about it, and carried over it would report the
 * evaluator's own score as disagreeing with the report. So a new score (or none) goes without it,
 * and without the `source` that said where the imported figure came from, unless facts stay for
 * it to be the source of. The superseded entry, rate and source with it, stays in the history.
 * A score saved as it was (a reason reworded) is still the report's: rate and source stay.
 */
export function scoreEntry(stored: IndicatorInput | undefined, score: string | null, reason: string): IndicatorInput {
  const { score: was, reason: _reason, statedRate, source, ...facts } = stored ?? {};
  const next = score?.trim() || undefined;
  const withScore: IndicatorInput = next === undefined ? facts : { ...facts, score: next, ...(reason.trim() ? { reason: reason.trim() } : {}) };
  if (sameScore(was, next)) {
    return { ...withScore, ...(statedRate === undefined ? {} : { statedRate }), ...(source === undefined ? {} : { source }) };
  }
  // What is left once score, reason, stated rate and source are taken out is facts (the schema is strict).
  const hasFacts = Object.keys(facts).length > 0;
  return hasFacts && source !== undefined ? { ...withScore, source } : withScore;
}
