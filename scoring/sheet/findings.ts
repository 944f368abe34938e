import { Decimal, roundHalfUp, toDecimal, toFixedString, toTrimmedString, type Decimalish } from '../decimal.ts';

// Scores are compared as published (two decimals): an entered 2.67 for 良好's 2.6666… is no finding.
export function differAsShown(a: Decimal, b: Decimal): boolean {
  return toTrimmedString(a) !== toTrimmedString(b);
}

export function rateOf(score: Decimal, points: Decimal): Decimal {
  return score.div(points).times(100);
}

/** An entered score that its rule, from the entered facts, would not give. */
export function ruleFinding(entered: Decimal, computed: Decimal, basis: string): string {
  return `录入得分 ${toTrimmedString(entered)}，按评分规则应为 ${toTrimmedString(computed)}（${basis}）`;
}

/** A parent's entered score that its children's scores do not add up to. */
export function childrenFinding(entered: Decimal, childSum: Decimal, points: Decimal): string {
  const words = (x: Decimal) => `扣 ${toTrimmedString(points.minus(x))}，得分率 ${toFixedString(rateOf(x, points))}%`;
  return `录入得分 ${toTrimmedString(entered)}（${words(entered)}），下级指标得分合计 ${toTrimmedString(childSum)}（${words(childSum)}）`;
}

// A printed figure is read at its own precision (a report printing "80%" for 80.00 % is not
// wrong), at most two decimals.
function statedPlaces(stated: Decimalish): number {
  const text = String(stated);
  return Math.min(2, text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);
}

/** A printed 得分率 as shown beside the sheet's own: at its own precision, at most two decimals. */
export function shownStatedRate(stated: Decimalish): string {
  return toFixedString(stated, statedPlaces(stated));
}

/** A printed 得分率 that is not score ÷ points, compared at the printed precision. */
export function statedRateFinding(stated: Decimalish, score: Decimal, points: Decimal): string | null {
  const rate = rateOf(score, points);
  if (roundHalfUp(rate, statedPlaces(stated)).eq(toDecimal(stated))) return null;
  return `所列得分率 ${String(stated)}% 与得分 ${toTrimmedString(score)} ÷ 分值 ${toTrimmedString(points)} = ${toFixedString(rate)}% 不符`;
}
