// A satisfaction indicator's binding (DESIGN §6): which surveys of the evaluation feed it, which
// of their rates (the overall, or one dimension), and how several combine (by sample size, or by
// the weights stated here).
import { z } from 'zod';
import { formatPassed, toDecimal } from '../../scoring/index.ts';

const weight = z
  .union([z.number().finite(), z.string().regex(/^\d+(\.\d+)?$/, 'a decimal such as "0.5"')])
  .refine((w) => toDecimal(w).gt(0), { message: 'must be greater than 0', ...formatPassed });

export const bindingSchema = z
  .strictObject({
    surveys: z.array(z.strictObject({ surveyId: z.string().min(1).max(64), weight: weight.optional() })).min(1).max(20),
    metric: z.union([z.literal('overall'), z.strictObject({ dimension: z.string().min(1).max(64) })]),
    combine: z.enum(['bySample', 'fixed']),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.surveys.forEach((s, i) => {
      if (seen.has(s.surveyId)) ctx.addIssue({ code: 'custom', path: ['surveys', i, 'surveyId'], message: 'this survey is bound twice' });
      seen.add(s.surveyId);
    });
  });

export type Binding = z.infer<typeof bindingSchema>;
