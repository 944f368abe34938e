import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedSatisfactionBands } from '../../../scoring/bands.ts';
import { surveyResults } from '../../../scoring/satisfaction/results.ts';
import type { DefinitionLike, ItemCounts } from '../../../scoring/satisfaction/types.ts';

// The shape of DESIGN §7's survey definition, with the parts results depend on.
const definition: DefinitionLike = {
  scales: {
    sat5: {
      levels: [
        { code: 5, label: '非常满意', weight: 100 }, { code: 4, label: '满意', weight: 80 }, { code: 3, label: '基本满意', weight: 60 },
        { code: 2, label: '不满意', weight: 40 }, { code: 1, label: '非常不满意', weight: 20 },
      ],
      notApplicable: { code: 0, label: '不了解' },
    },
  },
  method: { kind: 'share', satisfied: [5, 4], notApplicable: 'exclude', overall: { question: 'overall' } },
  dimensions: [{ id: 'policy', label: '科技扶持政策' }, { id: 'social', label: '社会保险业务' }],
  questions: [
    { id: 'contact', kind: 'single', label: '过去一年您是否办理过本局的业务？' },
    { id: 'q1', kind: 'likert', scale: 'sat5', dimension: 'policy', label: '政策了解程度' },
    { id: 'q2', kind: 'likert', scale: 'sat5', dimension: 'policy', label: '扶持效果' },
    { id: 'q3', kind: 'likert', scale: 'sat5', dimension: 'social', label: '社会保险业务' },
    { id: 'overall', kind: 'likert', scale: 'sat5', label: '总体满意程度' },
  ],
};

const counts: Record<string, ItemCounts> = {
  q1: { levels: { 5: 20, 4: 9, 3: 1 }, notApplicable: 2 }, // 96.67
  q2: { levels: { 5: 18, 4: 9, 3: 3 } }, // 90.00
  q3: { levels: { 5: 25, 4: 2, 2: 1 }, notApplicable: 2 }, // 96.43
  overall: { levels: { 5: 21, 4: 8, 3: 1 } }, // 96.67
};

describe('surveyResults', () => {
  const results = surveyResults(definition, counts, { bands: seedSatisfactionBands });

  it('rates every likert item with its counts, n, 不了解 and interval', () => {
    expect(results.items.map((i) => i.id)).toEqual(['q1', 'q2', 'q3', 'overall']);
    expect(results.items[0]).toEqual({
      id: 'q1', label: '政策了解程度', dimension: 'policy', levels: { 5: 20, 4: 9, 3: 1, 2: 0, 1: 0 },
      notApplicable: 2, rate: '96.67', n: 30, method: 'share', ci95: ['83.33', '99.41'],
    });
  });

  it('a dimension is the mean of its item rates, its interval the mean of their bounds', () => {
    const policy = results.dimensions.find((d) => d.id === 'policy')!;
    expect(policy).toMatchObject({ label: '科技扶持政策', rate: '93.33', n: 30, notApplicable: 2, method: 'share' });
    const [lo, hi] = policy.ci95!.map(Number) as [number, number];
    expect(lo).toBeLessThan(93.33);
    expect(hi).toBeGreaterThan(93.33);
  });

  it('overall comes from the overall question where the survey has one, with its band certainty', () => {
    expect(results.overall).toMatchObject({ rate: '96.67', n: 30, band: { certain: false, straddles: ['85.00'] } });
  });

  it('states the method it used', () => {
    expect(results.method).toEqual(definition.method);
  });

  it('otherwise overall is the weighted mean of dimension rates', () => {
    const byDims = { ...definition, method: { ...definition.method, overall: { dimensions: 'mean' as const } } };
    expect(surveyResults(byDims, counts).overall?.rate).toBe('94.88'); // (93.333 + 96.429) / 2
    const weightedDims = { ...byDims, dimensions: [{ id: 'policy', weight: 3 }, { id: 'social', weight: 1 }] };
    expect(surveyResults(weightedDims, counts).overall?.rate).toBe('94.11'); // (3·93.333 + 96.429) / 4
  });

  it('item weights move the dimension mean', () => {
    const weightedItems = { ...definition, questions: definition.questions.map((q) => (q.id === 'q2' ? { ...q, weight: 3 } : q)) };
    expect(surveyResults(weightedItems, counts).dimensions[0]?.rate).toBe('91.67'); // (96.667 + 3·90) / 4
  });

  it('a weighted survey publishes means of level weights', () => {
    const w = surveyResults({ ...definition, method: { kind: 'weighted', notApplicable: 'dissatisfied', overall: { question: 'overall' } } }, counts);
    expect(w.items[0]).toMatchObject({ rate: '86.88', n: 32, notApplicable: 2, method: 'weighted' }); // 2780 / 32
  });

  it('a question nobody answered is listed without a rate', () => {
    const r = surveyResults(definition, { q1: counts.q1! });
    expect(r.items[1]).toMatchObject({ id: 'q2', rate: null, n: 0, ci95: null });
    expect(r.dimensions[1]).toMatchObject({ id: 'social', rate: null, n: 0 });
    expect(r.overall).toBeNull();
  });

  it('does not depend on the order of questions or dimensions (property)', () => {
    const base = surveyResults({ ...definition, method: { ...definition.method, overall: { dimensions: 'mean' } } }, counts);
    fc.assert(
      fc.property(fc.shuffledSubarray(definition.questions as DefinitionLike['questions'][number][], { minLength: 5, maxLength: 5 }), fc.boolean(), (questions, flip) => {
        const dims = flip ? [...definition.dimensions!].reverse() : definition.dimensions;
        const r = surveyResults({ ...definition, questions, dimensions: dims, method: { ...definition.method, overall: { dimensions: 'mean' } } }, counts);
        expect(r.overall).toEqual(base.overall);
        const byId = (xs: { id: string }[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
        expect(byId(r.dimensions)).toEqual(byId(base.dimensions));
        expect(byId(r.items)).toEqual(byId(base.items));
      }),
    );
  });
});
