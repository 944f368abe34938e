// Figures and the declared method in words: every rate is printed with what it was made of.
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { lang, tOr } from '../i18n.ts';
import { rt } from './text.ts';
import type { Filter, Rate, ResponseSummary, ResultsView } from './types.ts';

export function pct(rate: string | null | undefined): string {
  return rate == null ? rt('noRate') : `${rate}%`;
}

export function interval(ci: [string, string] | null | undefined): string {
  return ci ? `${ci[0]}–${ci[1]}%` : '—';
}

/** Times on the results page are in Beijing time, whatever the browser's clock (DESIGN §10). */
export { dateTime } from '../lib/time.ts';

/**
 * The scale most items are measured on (a template may ask 了解程度 on one question and 满意程度
 * on the rest): the method's satisfied codes and the chart's legend are worded by it.
 */
export function mainScale(def: SurveyDefinition) {
  const uses = new Map<string, number>();
  for (const q of def.questions) if (q.kind === 'likert') uses.set(q.scale, (uses.get(q.scale) ?? 0) + 1);
  const [name] = [...uses.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  return name === undefined ? undefined : def.scales[name];
}

/** The scale of one likert question. */
export function scaleOf(def: SurveyDefinition, questionId: string) {
  const q = def.questions.find((x) => x.id === questionId);
  return q && q.kind === 'likert' ? def.scales[q.scale] : undefined;
}

/** The declared method (DESIGN §3) as sentences, built from `method` and the scale it names. */
export function methodSentences(method: ResultsView['method'], def: SurveyDefinition): string[] {
  const scale = mainScale(def);
  const label = (code: number) => scale?.levels.find((l) => l.code === code)?.label ?? String(code);
  const na = scale?.notApplicable?.label ?? rt('notApplicable');
  const sep = lang() === 'en' ? ', ' : '、';
  const naText = method.notApplicable === 'exclude' ? rt('naExclude', { na }) : rt('naDissatisfied', { na });
  const first =
    method.kind === 'share'
      ? rt('methodShare', { satisfied: method.satisfied.map(label).join(sep), base: naText })
      : `${rt('methodWeighted', { weights: (scale?.levels ?? []).map((l) => `${l.label} ${l.weight}`).join(sep) })}${lang() === 'en' ? '; ' : '；'}${naText}`;
  const o = method.overall;
  const overall = 'question' in o ? rt('overallQuestion', { label: def.questions.find((q) => q.id === o.question)?.label ?? o.question }) : rt('overallMean');
  return [first, overall, rt('rounding', { interval: method.kind === 'share' ? rt('wilson') : rt('tInterval') })];
}

/** The overall rate's band certainty: settled, or how many more responses would settle it. */
export function bandSentence(overall: Rate): string | null {
  const b = overall.band;
  if (!b) return null;
  if (!b.band) return rt('bandNone');
  const min = b.band.min.replace(/\.00$/, '');
  if (b.certain) return rt('bandCertain', { min });
  const t = b.straddles.map((s) => s.replace(/\.00$/, '')).join('%、');
  if (b.onThreshold) return rt('bandOnThreshold', { min, t });
  if (b.settlesAt === null) return rt('bandUnsettled', { min, t });
  return rt('bandUncertain', { min, t, more: Math.max(1, b.settlesAt - overall.n) });
}

/** Whether a response counts: excluded by an evaluator, not eligible, or counted. */
export function stateOf(r: ResponseSummary): string {
  return r.excluded ? rt('excluded') : r.valid ? rt('counted') : rt('ineligibleState');
}

/** The page's group and channel filter in words, or '' when it is the whole survey. */
export function filterText(filter: Filter): string {
  const parts = [filter.group && tOr(`group_${filter.group}`, filter.group), filter.channel && tOr(`channel_${filter.channel}`, filter.channel)];
  return parts.filter(Boolean).join(lang() === 'en' ? ', ' : '，');
}
