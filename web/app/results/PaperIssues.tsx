import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { useSave } from '../lib/useSave.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { TextField } from '../components/TextField.tsx';
import { rt } from './text.ts';
import { dateTime } from './format.ts';
import type { PaperIssue } from './types.ts';

/**
 * Paper forms issued (发放), entered as each stack goes out: the base of the paper channel's
 * 回收率. Entries are never changed; a mistake is put right by a further entry with a negative
 * count. `version` is the results version, so an entry made elsewhere shows up here too.
 */
export function PaperIssues({ surveyId, version, onChanged }: { surveyId: string; version: string; onChanged: () => void }) {
  const base = `/api/surveys/${encodeURIComponent(surveyId)}/paper-issues`;
  const [data, setData] = useState<{ issued: number; entries: PaperIssue[] } | null>(null);
  const [count, setCount] = useState('');
  const [note, setNote] = useState('');
  const [loadError, setLoadError] = useState<unknown>(null);
  const { busy, saved, error: saveError, run } = useSave();
  const error = saveError ?? loadError;

  useEffect(() => {
    api<{ issued: number; entries: PaperIssue[] }>(base).then((list) => {
      setData(list);
      setLoadError(null);
    }, setLoadError);
  }, [base, version]);

  const submit = (e: Event) => {
    e.preventDefault();
    return run(async () => {
      await api(base, { json: { count: Number(count), ...(note.trim() ? { note } : {}) } });
      setCount('');
      setNote('');
      // The figures are fetched again at once; their new version re-reads this list, as the
      // response list's.
      onChanged();
    });
  };

  return (
    <details class="paper-issues" id="paper-issues">
      <summary>{rt('paperTitle')}{data && data.issued > 0 ? `：${data.issued}` : ''}</summary>
      <p class="help">{data && data.issued > 0 ? rt('paperTotal', { n: data.issued }) : rt('paperNone')}</p>
      <form onSubmit={submit} class="paper-form">
        <TextField id="paper-count" label={rt('paperCount')} type="number" inputMode="numeric" value={count} onInput={setCount} required />
        <TextField id="paper-note" label={rt('paperNote')} value={note} onInput={setNote} />
        <button type="submit" class="btn" disabled={busy}>{rt('paperAdd')}</button>
        {saved && <span role="status"> {rt('paperAdded')}</span>}
      </form>
      <ErrorBox error={error} />
      {data && data.entries.length > 0 && (
        <div class="scroll">
          <table class="list" id="paper-entries">
            <thead>
              <tr><th scope="col">{rt('paperWhen')}</th><th scope="col" class="num">{rt('issued')}</th><th scope="col">{rt('paperNoteHead')}</th><th scope="col">{rt('paperBy')}</th></tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.seq}><td class="nowrap">{dateTime(e.createdAt)}</td><td class="num">{e.count}</td><td>{e.note ?? ''}</td><td>{e.username}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
