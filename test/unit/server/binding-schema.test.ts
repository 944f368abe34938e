// A binding's weight given as text that is not a decimal is an issue on that weight, never a
// throw from the greater-than-0 check behind it (a throw became a 500 on PUT …/bindings/:code).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bindingSchema } from '../../../server/sheet/binding-schema.ts';

const binding = (weight: unknown) => ({ surveys: [{ surveyId: 'x', weight }], metric: 'overall', combine: 'fixed' });

describe('bindingSchema', () => {
  it('refuses a weight that is not a decimal, naming surveys.0.weight', () => {
    for (const weight of ['abc', '1/0', '', '-1', '1e3']) {
      const r = bindingSchema.safeParse(binding(weight));
      expect(r.success).toBe(false);
      expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['surveys.0.weight']);
    }
  });

  it('still says 0 is not greater than 0, and takes "0.5" and 2', () => {
    const zero = bindingSchema.safeParse(binding('0'));
    expect(zero.error!.issues.map((i) => i.message)).toEqual(['must be greater than 0']);
    expect(bindingSchema.safeParse(binding('0.5')).success).toBe(true);
    expect(bindingSchema.safeParse(binding(2)).success).toBe(true);
  });

  it('never throws, whatever the weight', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.double(), fc.jsonValue()), (w) => void bindingSchema.safeParse(binding(w))), { numRuns: 300 });
  });
});
