import { z } from 'zod';
import { toDecimal } from '../decimal.ts';
import { decimalValue, formatPassed } from '../framework/schema.ts';

// A percentage (满意度, 得分率, an interval's bound): out of 0–100 it is a typing slip, and a
// rate of 150 would otherwise score full marks.
const percentage = decimalValue.refine((v) => toDecimal(v).gte(0) && toDecimal(v).lte(100), { message: '须在 0 到 100 之间（百分数）', ...formatPassed });

// zod drops a "__proto__" key of a record without a word (it cannot be set on a plain object),
// while JSON.parse makes it an ordinary key: refuse it as any other key the record does not own.
const measureValues = z.preprocess((raw, ctx) => {
  if (raw && typeof raw === 'object' && Object.hasOwn(raw, '__proto__')) {
    ctx.addIssue({ code: 'custom', path: ['__proto__'], message: '__proto__ 不是本指标的计量项', input: raw });
  }
  return raw;
}, z.record(z.string(), decimalValue));

// One indicator's input (DESIGN §7): the facts its rule takes, and/or the evaluator's score
// with its reason. Strict, so a misspelt fact ("vlaue") is an error instead of an unscored node.
export const indicatorInputSchema = z.strictObject({
  /** satisfaction: the survey's published rate (percent), optionally its n and 95 % interval. */
  rate: percentage.optional(),
  n: z.int().min(1).optional(),
  ci95: z
    .tuple([percentage, percentage])
    .refine(([low, high]) => toDecimal(low).lte(toDecimal(high)), { message: '区间下限不能高于上限', ...formatPassed })
    .optional(),
  /** band, completion, single-measure stepDeduction: the measured value. */
  value: decimalValue.optional(),
  /** multi-measure stepDeduction: the value of each measure by id. */
  values: measureValues.optional(),
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
  statedRate: percentage.optional(),
  /** Where the facts come from (a table, a page); shown to no one but kept with the input. */
  source: z.string().max(2000).optional(),
});

export type IndicatorInput = z.infer<typeof indicatorInputSchema>;

/** A problem with one input and the field it is in, so a 422 can name it. */
export interface InputProblem {
  field: string;
  /** The key within the field (a measure of `values`) the problem is about. */
  key?: string;
  message: string;
}

/** Inputs to a framework, keyed by indicator code. */
export type Inputs = Readonly<Record<string, IndicatorInput>>;

/** The facts (not score, reason, statedRate, source) an input carries. */
export const factKeys = ['rate', 'n', 'ci95', 'value', 'values', 'target', 'grade', 'met'] as const;
export type FactKey = (typeof factKeys)[number];
