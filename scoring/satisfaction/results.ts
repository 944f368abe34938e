import type { Band } from '../bands.ts';
import { bandCertainty, type BandCertainty } from './band-certainty.ts';
import { meanOfRates } from './mean-of-rates.ts';
import { rateView } from './rate-view.ts';
import { shareEstimate } from './share-rate.ts';
import { tally } from './tally.ts';
import type { DefinitionLike, Estimate, ItemCounts, MethodLike, QuestionLike, RateView } from './types.ts';
import { weightedEstimate } from './weighted-rate.ts';

export interface ItemEstimate {
  id: string;
  label?: string;
  dimension?: string;
  levels: Record<string, number>;
  notApplicable: number;
  estimate: Estimate | null;
}

export interface SurveyEstimates {
  method: MethodLike;
  overall: Estimate | null;
  dimensions: { id: string; label?: string; estimate: Estimate | null }[];
  items: ItemEstimate[];
}

export type ItemResult = Omit<ItemEstimate, 'estimate'> & RateView;

/** The results of DESIGN §7 (accounting and groups are the server's; it has the responses). */
export interface SurveyResults {
  method: MethodLike;
  overall: (RateView & { band?: BandCertainty }) | null;
  dimensions: ({ id: string; label?: string } & RateView)[];
  items: ItemResult[];
}

const noCounts: ItemCounts = { levels: {} };

function itemEstimate(def: DefinitionLike, q: QuestionLike, counts: ItemCounts): ItemEstimate {
  const scale = q.scale === undefined ? undefined : def.scales[q.scale];
  if (!scale) throw new RangeError(`question ${q.id}: scale ${q.scale ?? '(none)'} is not defined`);
  const t = tally(q.id, counts, scale);
  const m = def.method;
  const estimate = m.kind === 'share' ? shareEstimate(t, m.satisfied, m.notApplicable) : weightedEstimate(t, m.notApplicable);
  const levels = Object.fromEntries(t.levels.map((l) => [l.code, l.count]));
  return { id: q.id, label: q.label, dimension: q.dimension, levels, notApplicable: t.notApplicable, estimate };
}

/**
 * Item, dimension and overall rates of one survey, unrounded, from per-item level counts
 * (questions without counts have no answers yet). Items are the likert questions in order.
 * Throws RangeError when counts name a level the scale lacks or the definition names a scale or
 * overall question it does not have: answers and definitions are validated before they get here.
 */
export function surveyEstimates(def: DefinitionLike, counts: Readonly<Record<string, ItemCounts>>): SurveyEstimates {
  const likert = def.questions.filter((q) => q.kind === 'likert');
  const items = likert.map((q) => itemEstimate(def, q, counts[q.id] ?? noCounts));
  const dimensions = (def.dimensions ?? []).map((d) => {
    const parts = likert.flatMap((q, i) => {
      const estimate = items[i]!.estimate;
      return q.dimension === d.id && estimate ? [{ estimate, weight: q.weight }] : [];
    });
    return { id: d.id, label: d.label, estimate: meanOfRates(parts) };
  });
  const source = def.method.overall ?? { dimensions: 'mean' as const };
  let overall: Estimate | null;
  if ('question' in source) {
    const item = items.find((it) => it.id === source.question);
    if (!item) throw new RangeError(`overall question ${source.question} is not a likert question`);
    overall = item.estimate;
  } else {
    const weightOf = new Map((def.dimensions ?? []).map((d) => [d.id, d.weight]));
    overall = meanOfRates(dimensions.flatMap((d) => (d.estimate ? [{ estimate: d.estimate, weight: weightOf.get(d.id) }] : [])));
  }
  return { method: def.method, overall, dimensions, items };
}

/**
 * The results a survey publishes: every rate with n, the not-applicable count, the method and
 * its 95 % interval, two decimals, half-up; with `bands`, whether the overall band is certain.
 */
export function surveyResults(
  def: DefinitionLike,
  counts: Readonly<Record<string, ItemCounts>>,
  options: { bands?: readonly Band[] } = {},
): SurveyResults {
  const e = surveyEstimates(def, counts);
  const overallView = e.overall && rateView(e.overall);
  return {
    method: e.method,
    overall: overallView && (options.bands ? { ...overallView, band: bandCertainty(e.overall!, options.bands) } : overallView),
    dimensions: e.dimensions.map((d) => ({ id: d.id, label: d.label, ...(d.estimate ? rateView(d.estimate) : emptyView(0, e.method)) })),
    items: e.items.map(({ estimate, ...item }) => ({ ...item, ...(estimate ? rateView(estimate) : emptyView(item.notApplicable, e.method)) })),
  };
}

// A question or dimension nobody has answered yet still appears, with no rate.
function emptyView(notApplicable: number, method: MethodLike): RateView {
  return { rate: null, n: 0, notApplicable, method: method.kind, ci95: null };
}
