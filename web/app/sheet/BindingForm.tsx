import { useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { SurveyDetail, SurveySummary } from '../lib/types.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import type { SheetView } from './types.ts';
import { bt } from './binding-text.ts';

type Binding = SheetView['bindings'][number];

interface Choice {
  survey: SurveySummary;
  dimensions: { id: string; label: string }[];
}

/**
 * Binds one satisfaction indicator to surveys of its evaluation (PUT …/bindings/:code): which
 * surveys, their weights, the metric (overall, or a dimension the chosen surveys declare) and how
 * they combine. The rate, n and interval shown after saving are the server's; the form computes
 * nothing. A binding to a survey the server refuses comes back as its 422 issues.
 */
export function BindingForm({ evaluationId, code, name, binding, onChange }: {
  evaluationId: string;
  code: string;
  name: string;
  binding: Binding | undefined;
  onChange: () => void;
}) {
  const choices = useLoad(async (): Promise<Choice[]> => {
    const d = await api<{ surveys: SurveySummary[] }>(`/api/evaluations/${encodeURIComponent(evaluationId)}`);
    // Each survey's dimensions come from its definition, so the metric offers only real ones.
    return Promise.all(d.surveys.map(async (survey) => {
      const detail = await api<SurveyDetail>(`/api/surveys/${encodeURIComponent(survey.id)}`);
      return { survey, dimensions: detail.definition.dimensions.map((x) => ({ id: x.id, label: x.label })) };
    }));
  }, evaluationId);
  const initialWeights = Object.fromEntries((binding?.surveys ?? []).map((s) => [s.surveyId, s.weight ?? '']));
  const [chosen, setChosen] = useState<Set<string>>(new Set(binding?.surveys.map((s) => s.surveyId) ?? []));
  const [weights, setWeights] = useState<Record<string, string>>(initialWeights);
  const [metric, setMetric] = useState(binding && binding.metric !== 'overall' ? binding.metric.dimension : '');
  const [combine, setCombine] = useState<'bySample' | 'fixed'>(binding?.combine ?? 'bySample');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const path = `/api/evaluations/${encodeURIComponent(evaluationId)}/bindings/${encodeURIComponent(code)}`;
  const id = (part: string) => `bind-${code}-${part}`;

  const list = choices.data ?? [];
  const picked = list.filter((c) => chosen.has(c.survey.id));
  // A dimension is offered when every chosen survey declares it: the rate is theirs combined.
  const dimensions = picked.length === 0 ? [] : picked[0]!.dimensions.filter((d) => picked.every((p) => p.dimensions.some((x) => x.id === d.id)));

  const toggle = (surveyId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(surveyId);
    else next.delete(surveyId);
    setChosen(next);
  };

  const run = async (request: () => Promise<unknown>) => {
    setSaving(true);
    setError(null);
    try {
      await request();
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const save = () => {
    if (chosen.size === 0) return setError(new Error(bt('pickOne')));
    const surveys = [...chosen].map((surveyId) => {
      const w = (weights[surveyId] ?? '').trim();
      return w === '' ? { surveyId } : { surveyId, weight: w };
    });
    return run(() => api(path, { method: 'PUT', json: { surveys, metric: metric === '' ? 'overall' : { dimension: metric }, combine } }));
  };

  return (
    <form class="binding-form" aria-label={bt('bindOf', { name })} onSubmit={(e) => (e.preventDefault(), void save())}>
      <ErrorBox error={choices.error} />
      <fieldset>
        <legend>{bt('surveys')}</legend>
        {choices.data && list.length === 0 && <p>{bt('noSurveys')}</p>}
        {list.map(({ survey }) => {
          const title = survey.title || survey.slug;
          return (
            <div class="binding-survey" key={survey.id}>
              <label>
                <input type="checkbox" checked={chosen.has(survey.id)} onChange={(e) => toggle(survey.id, e.currentTarget.checked)} />
                {title} <span class="sub">（{survey.responses}）</span>
              </label>
              {chosen.has(survey.id) && (
                <label class="weight">
                  <span>{bt('weight')}</span>
                  <input type="text" inputMode="decimal" size={5} value={weights[survey.id] ?? ''} aria-label={bt('weightOf', { title })}
                    onInput={(e) => setWeights({ ...weights, [survey.id]: e.currentTarget.value })} />
                </label>
              )}
            </div>
          );
        })}
      </fieldset>
      <label>
        <span>{bt('metric')}</span>
        <select id={id('metric')} value={metric} onChange={(e) => setMetric(e.currentTarget.value)}>
          <option value="">{bt('overall')}</option>
          {dimensions.map((d) => <option key={d.id} value={d.id}>{bt('dimension', { label: d.label })}</option>)}
        </select>
      </label>
      <label>
        <span>{bt('combine')}</span>
        <select id={id('combine')} value={combine} onChange={(e) => setCombine(e.currentTarget.value as 'bySample' | 'fixed')}>
          <option value="bySample">{bt('bySample')}</option>
          <option value="fixed">{bt('fixed')}</option>
        </select>
      </label>
      <ErrorBox error={error} />
      <p class="actions">
        <button type="submit" class="btn primary small" disabled={saving}>{bt('bind')}</button>
        {binding && <button type="button" class="link" disabled={saving} onClick={() => void run(() => api(path, { method: 'DELETE', json: {} }))}>{bt('unbind')}</button>}
      </p>
    </form>
  );
}
