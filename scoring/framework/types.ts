import type { Band } from '../bands.ts';
import type { Decimal } from '../decimal.ts';

export type Direction = 'atLeast' | 'atMost';

/** One measured quantity of a step-deduction rule. */
export interface Measure {
  id: string;
  label: string | null;
  /** Null: the target is a baseline that changes every year (上一年度…), given with the input. */
  target: Decimal | null;
  direction: Direction;
  step: Decimal;
  deduct: Decimal;
  maxDeduct: Decimal | null;
}

export type Rule =
  | { kind: 'satisfaction'; bands: Band[] }
  | { kind: 'band'; bands: Band[] }
  | { kind: 'stepDeduction'; measures: Measure[]; single: boolean }
  | { kind: 'completion'; target: Decimal; direction: Direction; floor: Decimal }
  | { kind: 'grade'; factors: Map<string, Decimal> }
  | { kind: 'checklist'; elements: string[]; missing: 'zero' | { deductEach: Decimal } }
  | { kind: 'manual' };

export type RuleKind = Rule['kind'];

export interface Indicator {
  code: string;
  name: string;
  points: Decimal;
  /** 评价标准 as written, for people reading the sheet. */
  criteria: string | null;
  rule: Rule | null;
  children: Indicator[];
}

export interface Grade {
  min: Decimal;
  label: string;
}

/** A parsed framework (指标体系): indicators with Decimal points and compiled rules. */
export interface Framework {
  name: string;
  grades: Grade[];
  indicators: Indicator[];
}
