import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { useSave } from '../lib/useSave.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import type { IndicatorInput, SheetIndicator } from './types.ts';
import { scoreEntry } from './score-entry.ts';
import { st } from './text.ts';

/**
 * The evaluator's score and reason for one indicator, edited in its row. The server replaces the
 * whole input, so the facts the rule takes (measured values, a grade, a checklist) are sent back
 * with the new score; an imported report's stated rate and source are not (scoreEntry says why,
 * and the editor says so when there is one). The server checks the score (above the points, a
 * missing reason) and the page shows what it names.
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
  const { busy: saving, error, run } = useSave();
  const scoreField = useRef<HTMLInputElement>(null);
  // The edit button this form replaces had the focus: it moves to the score, into view (on a phone,
  // within the table's sideways scroll).
  useEffect(() => scoreField.current?.focus(), []);
  const noteId = `stated-note-${indicator.code}`;
  const path = `/api/evaluations/${encodeURIComponent(evaluationId)}/indicators/${encodeURIComponent(indicator.code)}`;

  const save = (clear: boolean) => {
    const next = scoreEntry(input, clear ? null : score, reason);
    return run(async () => {
      // The JSON body is empty, but the server takes unsafe methods only as JSON (DESIGN §9).
      await (Object.keys(next).length === 0 ? api(path, { method: 'DELETE', json: {} }) : api(path, { method: 'PUT', json: next }));
      onSaved();
    });
  };

  return (
    <form class="score-edit" onSubmit={(e) => (e.preventDefault(), void save(false))}>
      <input
        ref={scoreField}
        type="text"
        inputMode="decimal"
        size={6}
        value={score}
        onInput={(e) => setScore(e.currentTarget.value)}
        aria-label={st('scoreOf', { name: indicator.name })}
        aria-describedby={input?.statedRate === undefined ? undefined : noteId}
      />
      {input?.statedRate !== undefined && (
        <p class="sub stated-note" id={noteId}>{st('statedNote', { rate: String(input.statedRate) })}</p>
      )}
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
