import { z } from 'zod';
import { isDecimalString, isFractionString, toDecimal } from '../decimal.ts';

// The framework of DESIGN §7 as JSON. Objects are strict so a misspelt parameter ("deduc") is an
// error rather than a rule that silently scores full points. Figures may be JSON numbers or
// decimal strings; factors may also be fractions such as "2/3" (良好 = 2/3 exactly).

export const decimalValue = z.union([
  z.number().refine(Number.isFinite, '须为有限数'),
  z.string().refine(isDecimalString, '须为十进制数，如 "96.67"'),
]);
/**
 * A refinement's option: it runs only on a value that passed its format check. zod goes on to the
 * next refinement after one has failed, and toDecimal throws on text such as "abc" or "1/0".
 */
export const formatPassed = { when: (payload: z.core.ParsePayload) => payload.issues.length === 0 };
const nonNegative = decimalValue.refine((v) => !toDecimal(v).isNegative(), { message: '不能为负数', ...formatPassed });
const positive = decimalValue.refine((v) => toDecimal(v).gt(0), { message: '须大于 0', ...formatPassed });
const factor = z
  .union([z.number().refine(Number.isFinite, '须为有限数'), z.string().refine((s) => isDecimalString(s) || isFractionString(s), '须为小数或分数，如 0.8 或 "2/3"')])
  .refine((v) => toDecimal(v).gte(0) && toDecimal(v).lte(1), { message: '系数须在 0 到 1 之间', ...formatPassed });
const text = (max: number) => z.string().max(max).refine((s) => s.trim().length > 0, '不能为空');
const direction = z.enum(['atLeast', 'atMost']);

const band = z.strictObject({ min: nonNegative, factor });
const bands = z
  .array(band)
  .min(1, '至少需要一个档位')
  // The order is judged once every band is itself valid: a bad min is its own issue.
  .superRefine((bs, ctx) => {
    for (let i = 1; i < bs.length; i++) {
      if (!toDecimal(bs[i]!.min).lt(toDecimal(bs[i - 1]!.min))) {
        ctx.addIssue({ code: 'custom', path: [i, 'min'], message: '档位须按下限从高到低排列，且下限各不相同' });
      }
    }
  }, formatPassed);

const measureFields = {
  label: text(100).optional(),
  target: decimalValue.optional(),
  direction: direction.optional(),
  step: positive,
  deduct: positive,
  maxDeduct: positive.optional(),
};

const measure = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '须为字母、数字、"_" 或 "-"'), ...measureFields });

const stepDeduction = z
  .strictObject({
    kind: z.literal('stepDeduction'),
    ...measureFields,
    step: positive.optional(),
    deduct: positive.optional(),
    measures: z.array(measure).min(1).max(20).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.measures) {
      for (const key of ['target', 'step', 'deduct', 'direction', 'maxDeduct', 'label'] as const) {
        if (r[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `有 measures 时，${key} 写在各 measure 中` });
      }
      const ids = r.measures.map((m) => m.id);
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['measures', i, 'id'], message: `measure ${id} 重复` });
      });
      r.measures.forEach((m, i) => {
        if (m.target === undefined) ctx.addIssue({ code: 'custom', path: ['measures', i, 'target'], message: '多项计量时每项须有 target' });
      });
    } else {
      if (r.step === undefined) ctx.addIssue({ code: 'custom', path: ['step'], message: '缺少 step（每档多少）' });
      if (r.deduct === undefined) ctx.addIssue({ code: 'custom', path: ['deduct'], message: '缺少 deduct（每档扣分）' });
    }
  });

export const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('satisfaction'), bands }),
  z.strictObject({ kind: z.literal('band'), bands }),
  stepDeduction,
  z.strictObject({ kind: z.literal('completion'), target: positive, direction: direction.optional(), floor: factor.optional() }),
  z.strictObject({
    kind: z.literal('grade'),
    factors: z.record(text(20), factor).refine((f) => Object.keys(f).length > 0, '至少需要一个等级'),
  }),
  z.strictObject({
    kind: z.literal('checklist'),
    elements: z.array(text(200)).min(1).max(50),
    missing: z.union([z.literal('zero'), z.strictObject({ deductEach: factor })]),
  }),
  z.strictObject({ kind: z.literal('manual') }),
]);

export const codeSchema = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, '指标代码须以字母或数字开头，只含字母、数字、"."、"_"、"-"');

export const indicatorSchema = z.strictObject({
  code: codeSchema,
  name: text(100),
  points: positive,
  criteria: text(2000).optional(),
  rule: ruleSchema.optional(),
  get children() {
    return z.array(indicatorSchema).min(1).max(100).optional();
  },
});

export const gradeSchema = z.strictObject({ min: nonNegative, label: text(10) });

export const frameworkSchema = z.strictObject({
  name: text(200),
  description: text(5000).optional(),
  grades: z.array(gradeSchema).min(1),
  indicators: z.array(indicatorSchema).min(1).max(100),
});

export type FrameworkJson = z.input<typeof frameworkSchema>;
export type IndicatorJson = z.input<typeof indicatorSchema>;
export type RuleJson = z.input<typeof ruleSchema>;
