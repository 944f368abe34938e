import { describe, expect, it } from 'vitest';
import { methodChanges } from '../../../surveys/index.ts';
import { templates } from '../../../surveys/templates/index.ts';

const base = templates.public;

describe('methodChanges', () => {
  it('sees no change in a reworded questionnaire', () => {
    expect(methodChanges(base, { ...base, title: '新标题', questions: base.questions.map((q) => ({ ...q, label: `${q.label}（修订）` })) })).toEqual([]);
  });
  it('names the method when the satisfied set, the not-applicable rule or the overall changes', () => {
    expect(methodChanges(base, { ...base, method: { ...base.method, notApplicable: 'dissatisfied' } })).toEqual(['method']);
    expect(methodChanges(base, { ...base, method: { kind: 'weighted', notApplicable: 'exclude', overall: { dimensions: 'mean' } } })).toEqual(['method']);
  });
  it('names a scale whose codes, weights or not-applicable code change, but not its labels', () => {
    const sat5 = base.scales.sat5!;
    const relabelled = { ...base, scales: { ...base.scales, sat5: { ...sat5, levels: sat5.levels.map((l) => ({ ...l, label: `${l.label}!` })) } } };
    expect(methodChanges(base, relabelled)).toEqual([]);
    const reweighted = { ...base, scales: { ...base.scales, sat5: { ...sat5, levels: sat5.levels.map((l) => ({ ...l, weight: l.weight / 2 })) } } };
    expect(methodChanges(base, reweighted)).toEqual(['scales.sat5']);
    const { sat5: _dropped, ...rest } = base.scales;
    expect(methodChanges(base, { ...base, scales: rest })).toEqual(['scales.sat5']);
  });
});
