// Level counts (as stored, per group, channel and version) → the per-question counts scoring/
// takes, read against the current definition. Versions are summed: an edit that keeps a question
// and its scale keeps its answers. An answer whose level the current scale no longer has (the
// scale changed between versions) cannot be rated by it, so it is reported as `unmatched` beside
// the item instead of being dropped silently.
import type { ItemCounts } from '../../scoring/index.ts';
import type { SurveyDefinition } from '../../surveys/index.ts';
import type { LevelCountRow } from '../db/counts.ts';
import { notApplicableLevel } from '../responses/counting.ts';

export interface SurveyCounts {
  items: Record<string, { levels: Record<string, number>; notApplicable: number }>;
  unmatched: Record<string, number>;
}

export function itemCountsOf(def: SurveyDefinition, rows: readonly LevelCountRow[]): SurveyCounts {
  const items: SurveyCounts['items'] = {};
  const unmatched: Record<string, number> = {};
  const scales = new Map<string, { levels: Set<string>; hasNotApplicable: boolean }>();
  for (const q of def.questions) {
    if (q.kind !== 'likert') continue;
    const scale = def.scales[q.scale]!;
    scales.set(q.id, { levels: new Set(scale.levels.map((l) => String(l.code))), hasNotApplicable: scale.notApplicable !== undefined });
    items[q.id] = { levels: {}, notApplicable: 0 };
  }
  for (const r of rows) {
    const scale = scales.get(r.question_id);
    if (!scale) continue; // a question the current version no longer asks
    const item = items[r.question_id]!;
    if (r.level === notApplicableLevel && scale.hasNotApplicable) item.notApplicable += r.n;
    else if (scale.levels.has(r.level)) item.levels[r.level] = (item.levels[r.level] ?? 0) + r.n;
    else unmatched[r.question_id] = (unmatched[r.question_id] ?? 0) + r.n;
  }
  return { items, unmatched };
}

/** The counts of the rows that pass a test (one group, one channel), in scoring/'s shape. */
export function countsWhere(def: SurveyDefinition, rows: readonly LevelCountRow[], keep: (r: LevelCountRow) => boolean): Record<string, ItemCounts> {
  return itemCountsOf(def, rows.filter(keep)).items;
}
