import { sum, toFixedString, toTrimmedString, type Decimal } from '../decimal.ts';
import { parseFramework } from '../framework/compile.ts';
import type { Framework } from '../framework/types.ts';
import type { ScoringIssue } from '../issues.ts';
import { checkInputs, indicatorsByCode } from './check-inputs.ts';
import { rateOf } from './findings.ts';
import { gradeFor } from './grade.ts';
import { scoreIndicator, type Scored } from './score-indicator.ts';
import type { Sheet, SheetIndicator } from './types.ts';

function view(s: Scored): SheetIndicator {
  const ind = s.indicator;
  return {
    code: ind.code,
    name: ind.name,
    points: toTrimmedString(ind.points, 4),
    score: s.score && toTrimmedString(s.score),
    rate: s.score && toFixedString(rateOf(s.score, ind.points)),
    reason: s.reason,
    findings: s.findings,
    ...(s.staleStatedRate ? { staleStatedRate: s.staleStatedRate } : {}),
    children: s.children.map(view),
    rule: ind.rule?.kind ?? 'children',
    basis: s.basis,
    entered: s.entered,
    complete: s.complete,
    ...(s.certainty ? { certainty: s.certainty } : {}),
  };
}

export interface SheetResult {
  sheet: Sheet;
  /** Problems with the inputs; each bad input is left out, so its indicator shows unscored. */
  issues: ScoringIssue[];
}

export interface SheetOptions {
  /**
   * For a parent whose stated rate was printed for figures that have changed under it since (a
   * child re-scored after the report was imported), the inputs as they were then, by its code.
   * Inputs carry no history, so whoever keeps it says.
   */
  statedWith?: ReadonlyMap<string, unknown>;
}

/** Each such parent's score as of the figures its rate was stated with. */
function statedScores(framework: Framework, statedWith: ReadonlyMap<string, unknown>): Map<string, Decimal | null> {
  const byCode = indicatorsByCode(framework);
  const scores = new Map<string, Decimal | null>();
  // Parents stated together share one set of inputs, checked once.
  const checked = new Map<unknown, ReturnType<typeof checkInputs>['inputs']>();
  for (const [code, json] of statedWith) {
    const ind = byCode.get(code);
    if (!ind) continue;
    let inputs = checked.get(json);
    if (!inputs) checked.set(json, (inputs = checkInputs(framework, json).inputs));
    scores.set(code, scoreIndicator(ind, inputs).score);
  }
  return scores;
}

/**
 * The score sheet (DESIGN §7) of a parsed framework and raw inputs: every indicator's score,
 * rate, reason and findings; the total summed from unrounded scores and rounded once; the grade
 * of the published total once every indicator is scored.
 */
export function scoreSheet(framework: Framework, inputsJson: unknown, options: SheetOptions = {}): SheetResult {
  const { inputs, issues } = checkInputs(framework, inputsJson);
  const statedFor = statedScores(framework, options.statedWith ?? new Map());
  const scored = framework.indicators.map((i) => scoreIndicator(i, inputs, statedFor));
  const points = sum(framework.indicators.map((i) => i.points));
  const withScore = scored.filter((s) => s.score !== null);
  const total = withScore.length > 0 ? sum(withScore.map((s) => s.score!)) : null;
  const complete = scored.every((s) => s.complete);
  return {
    sheet: {
      name: framework.name,
      total: total && toTrimmedString(total),
      points: toTrimmedString(points, 4),
      rate: total && toFixedString(rateOf(total, points)),
      grade: total && complete ? gradeFor(framework.grades, total) : null,
      complete,
      indicators: scored.map(view),
    },
    issues,
  };
}

/** Framework JSON and inputs JSON to a sheet; a framework that does not parse yields its issues and no sheet. */
export function scoreFromJson(frameworkJson: unknown, inputsJson: unknown): { sheet: Sheet | null; issues: ScoringIssue[] } {
  const parsed = parseFramework(frameworkJson);
  if (!parsed.ok) return { sheet: null, issues: parsed.issues };
  return scoreSheet(parsed.value, inputsJson);
}
