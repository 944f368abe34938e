import type { Decimal, Decimalish } from '../decimal.ts';

// Input types are structural and minimal, so the server can pass a survey definition of
// DESIGN §7 as it is (extra properties are ignored) without scoring/ importing surveys/.

export type LevelCode = string | number;

/** How a "not applicable" (不了解) answer counts: left out of the base, or as not satisfied / weight 0. */
export type NotApplicableTreatment = 'exclude' | 'dissatisfied';

export type OverallSource = { question: string } | { dimensions: 'mean' };

/** The declared scoring method of a survey (DESIGN §3, §7). */
export type MethodLike =
  | { kind: 'share'; satisfied: readonly LevelCode[]; notApplicable: NotApplicableTreatment; overall?: OverallSource }
  | { kind: 'weighted'; notApplicable: NotApplicableTreatment; overall?: OverallSource };

export interface ScaleLike {
  levels: readonly { code: LevelCode; weight: Decimalish; label?: string }[];
  notApplicable?: { code: LevelCode; label?: string };
}

export interface QuestionLike {
  id: string;
  kind: string;
  label?: string;
  scale?: string;
  dimension?: string;
  /** Weight of this item in its dimension's mean; default equal. */
  weight?: Decimalish;
}

export interface DimensionLike {
  id: string;
  label?: string;
  /** Weight of this dimension in the overall mean when overall is `{ dimensions: 'mean' }`. */
  weight?: Decimalish;
}

/** The parts of a survey definition that results depend on. */
export interface DefinitionLike {
  method: MethodLike;
  scales: Readonly<Record<string, ScaleLike>>;
  dimensions?: readonly DimensionLike[];
  questions: readonly QuestionLike[];
}

/**
 * Answer counts of one likert question, as SQL can aggregate them: how many counted responses
 * chose each level code, and how many chose "not applicable".
 */
export interface ItemCounts {
  levels: Readonly<Record<string, number>>;
  notApplicable?: number;
}

/** Sufficient statistics of a share: satisfied answers out of n. */
export interface ShareStats {
  kind: 'share';
  satisfied: number;
  n: number;
}

/** Sufficient statistics of a mean of level weights, and the range the weights can take. */
export interface MeanStats {
  kind: 'weighted';
  n: number;
  sum: Decimal;
  sumOfSquares: Decimal;
  min: Decimal;
  max: Decimal;
}

/**
 * A rate with its uncertainty, unrounded. `rate`, `lo` and `hi` are on the published scale:
 * percent for shares, the level-weight scale (usually 0–100) for weighted means.
 */
export interface Estimate {
  method: 'share' | 'weighted';
  rate: Decimal;
  lo: Decimal;
  hi: Decimal;
  /** Answers in the base (for a mean of items: the fewest any item had). */
  n: number;
  /** "Not applicable" answers, left out of n or counted in it as declared. */
  notApplicable: number;
  /** Present for one item or a pool of items' counts; absent for means of rates. */
  stats?: ShareStats | MeanStats;
}

/** A rate as published (DESIGN §7): decimals as strings with two places. */
export interface RateView {
  rate: string | null;
  n: number;
  notApplicable: number;
  method: 'share' | 'weighted';
  ci95: [string, string] | null;
}
