import { useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import type { IndicatorInput, SheetIndicator } from './types.ts';
import { st } from './text.ts';

/**
 * The evaluator's score and reason for one indicator, edited in its row. The rest of the stored
 * input (measured values, a grade, a checklist, the source) is kept: the server replaces the
 * whole input, so it is sent back with the new score. The server checks it (a score above the
 * points, a missing reason) and the page shows what it names.
 */
export function ScoreEditor({ evaluationId, indicator, input, onSaved, onCancel }: {
  evaluationId: string;
  indicator: SheetIndicator;
  input: IndicatorInput | undefined;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [score, setScore] = useState(input?.score === undefined ? (indicator.score ?? '') : String(input.score));
  const [reason, setReason] = useState(input?.reason ?? indicator.reason ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const path = `/api/evaluations/${encodeURIComponent(evaluationId)}/indicators/${encodeURIComponent(indicator.code)}`;

  const save = async (clear: boolean) => {
    const { score: _s, reason: _r, ...facts } = input ?? {};
    const next: IndicatorInput = clear || score.trim() === '' ? facts : { ...facts, score: score.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) };
    setSaving(true);
    setError(null);
    try {
      // The JSON body is empty, but the server takes unsafe methods only as JSON (DESIGN §9).
      await (Object.keys(next).length === 0 ? api(path, { method: 'DELETE', json: {} }) : api(path, { method: 'PUT', json: next }));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="score-edit" onSubmit={(e) => (e.preventDefault(), void save(false))}>
      <input type="text" inputMode="decimal" size={6} value={score} onInput={(e) => setScore(e.currentTarget.value)} aria-label={st('scoreOf', { name: indicator.name })} />
      <label>
        <span>{st('reason')}</span>
        <textarea rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} aria-label={st('reasonOf', { name: indicator.name })} />
      </label>
      <ErrorBox error={error} />
      <p class="actions">
        <button type="submit" disabled={saving}>{st('save')}</button>
        <button type="button" class="link" onClick={onCancel}>{st('cancel')}</button>
        {input?.score !== undefined && <button type="button" class="link" onClick={() => void save(true)}>{st('clear')}</button>}
      </p>
    </form>
  );
}
