import { z } from 'zod';
import { decimalValue } from '../framework/schema.ts';

// One indicator's input (DESIGN §7): the facts its rule takes, and/or the evaluator's score
// with its reason. Strict, so a misspelt fact ("vlaue") is an error instead of an unscored node.
export const indicatorInputSchema = z.strictObject({
  /** satisfaction: the survey's published rate (percent), optionally its n and 95 % interval. */
  rate: decimalValue.optional(),
  n: z.int().min(1).optional(),
  ci95: z.tuple([decimalValue, decimalValue]).optional(),
  /** band, completion, single-measure stepDeduction: the measured value. */
  value: decimalValue.optional(),
  /** multi-measure stepDeduction: the value of each measure by id. */
  values: z.record(z.string(), decimalValue).optional(),
  /** stepDeduction whose target is a yearly baseline (上一年度…). */
  target: decimalValue.optional(),
  /** grade: the grade awarded, one of the rule's labels. */
  grade: z.string().min(1).max(20).optional(),
  /** checklist: whether each element is met, in the rule's order. */
  met: z.array(z.boolean()).optional(),
  /** The evaluator's score: kept on the sheet; a finding where its rule computes otherwise. */
  score: decimalValue.optional(),
  /** 扣分原因, required whenever the entered score is below the points. */
  reason: z.string().max(5000).optional(),
  /** The 得分率 a report printed, checked against score ÷ points. */
  statedRate: decimalValue.optional(),
  /** Where the facts come from (a table, a page); shown to no one but kept with the input. */
  source: z.string().max(2000).optional(),
});

export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

/** Inputs to a framework, keyed by indicator code. */
export type Inputs = Readonly<Record<string, IndicatorInput>>;

/** The facts (not score, reason, statedRate, source) an input carries. */
export const factKeys = ['rate', 'n', 'ci95', 'value', 'values', 'target', 'grade', 'met'] as const;
export type FactKey = (typeof factKeys)[number];
