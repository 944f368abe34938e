// Level counts read against the current definition: versions pooled by question, 不了解 apart,
// and answers to a level the current scale no longer has reported beside the item, not dropped.
import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { templates } from '../../../surveys/templates/index.ts';
import { itemCountsOf } from '../../../server/results/item-counts.ts';

const def = templates.public as SurveyDefinition;
const row = (question_id: string, level: string, n: number) => ({ question_id, level, n });

describe('itemCountsOf', () => {
  it('pools rows of one question and level, keeps not applicable apart, and reports levels the scale lacks', () => {
    const counts = itemCountsOf(def, [
      row('q2', '5', 10), row('q2', '5', 3), row('q2', 'na', 2), row('q2', '4', 1),
      // q1's scale (aware5) has no 不了解; 7 is on no scale of this version.
      row('q1', 'na', 4), row('q1', '7', 1), row('q1', '3', 2),
      row('gone', '5', 9),
    ]);
    expect(counts.items.q2).toEqual({ levels: { 5: 13, 4: 1 }, notApplicable: 2 });
    expect(counts.items.q1).toEqual({ levels: { 3: 2 }, notApplicable: 0 });
    expect(counts.unmatched).toEqual({ q1: 5 });
    expect(counts.items.overall).toEqual({ levels: {}, notApplicable: 0 });
    expect(counts.items.gone).toBeUndefined();
  });
});
