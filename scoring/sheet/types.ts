import type { RuleKind } from '../framework/types.ts';
import type { BandCertainty } from '../satisfaction/band-certainty.ts';

/** One node of the sheet (DESIGN §7); figures as decimal strings, rounded once, here. */
export interface SheetIndicator {
  code: string;
  name: string;
  points: string;
  /** Null while nothing under it is scored. */
  score: string | null;
  /** score ÷ points, percent, two decimals. */
  rate: string | null;
  /** 扣分原因 as entered. */
  reason: string | null;
  /** Where the sheet does not follow from its own rules (DESIGN §4 audit). */
  findings: string[];
  /**
   * The 得分率 a report printed beside this parent, as shown, when it disagrees with the sheet's
   * only because indicators under it were changed after it was entered: the earlier figures' rate,
   * not a finding. Absent otherwise.
   */
  staleStatedRate?: string;
  children: SheetIndicator[];
  /** How the score is made: a rule kind, or `children` for a parent. */
  rule: RuleKind | 'children';
  /** The rule's computation in words, e.g. "满意度 96.67% ≥ 85.00%，得 100%". */
  basis: string | null;
  /** The score is the evaluator's entry (a judgement, or a parent scored as a whole). */
  entered: boolean;
  /** Every leaf under it is scored. */
  complete: boolean;
  /** satisfaction with n and ci95: whether its band is settled by the interval. */
  certainty?: BandCertainty;
}

export interface Sheet {
  name: string;
  total: string | null;
  points: string;
  rate: string | null;
  /** 优/良/中/差 from the published total; null until the sheet is complete. */
  grade: string | null;
  complete: boolean;
  indicators: SheetIndicator[];
}
