// The chart's data from the results and the definition: each likert item's counts in its own
// scale's order, 不了解 last, and the published rate as text.
import type { SurveyDefinition } from '../../surveys/index.ts';
import type { ChartInput } from './chart-svg.ts';
import { itemPhrase, mainScale } from './report-text.ts';
import type { ResultsLike } from './results-doc.ts';

export function chartInput(def: SurveyDefinition, results: ResultsLike, title: string): ChartInput {
  const questions = new Map(def.questions.map((q) => [q.id, q]));
  // The legend is the scale most items use (an item on another scale keeps its colours by position).
  const main = mainScale(def);
  const legend = [...(main?.levels.map((l) => l.label) ?? []), ...(main?.notApplicable ? [main.notApplicable.label] : [])];
  const items = results.items.map((item) => {
    const q = questions.get(item.id);
    const scale = q?.kind === 'likert' ? def.scales[q.scale] : undefined;
    const segments = (scale?.levels ?? []).map((l) => ({ label: l.label, count: item.levels[String(l.code)] ?? 0 }));
    if (scale?.notApplicable) segments.push({ label: scale.notApplicable.label, count: item.notApplicable ?? 0 });
    const unit = def.method.kind === 'share' ? '%' : ' 分';
    return { label: itemPhrase(item.label ?? q?.label ?? item.id), segments, rate: item.rate === null ? null : `${item.rate}${unit}`, n: item.n };
  });
  return { title, items, legend };
}
