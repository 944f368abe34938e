import { useEffect, useState } from 'preact/hooks';
import { tOr } from '../i18n.ts';
import { api } from '../lib/api.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { dateTime, stateOf } from './format.ts';
import { rt, rtOr } from './text.ts';
import { ResponseView } from './ResponseView.tsx';
import type { ResponsePage, ResponseSummary } from './types.ts';

const pageSize = 20;

/**
 * Flagged responses, a page at a time (cursor `next`), each to open, exclude with a reason or
 * restore. `version` is the results version: when the figures change the list is read again, so
 * a response flagged meanwhile shows up and states stay true.
 */
export function Flagged({ surveyId, version, onChanged }: { surveyId: string; version: string; onChanged: () => void }) {
  const [rows, setRows] = useState<ResponseSummary[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [shown, setShown] = useState(pageSize);
  const base = `/api/surveys/${encodeURIComponent(surveyId)}/responses?flagged=true`;

  // Re-reads as many rows as are shown, so "load more" is not undone by an update.
  useEffect(() => {
    let live = true;
    api<ResponsePage>(`${base}&limit=${Math.min(500, shown)}`).then(
      (p) => {
        if (!live) return;
        setRows(p.responses);
        setNext(p.next);
        setError(null);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [surveyId, version, shown]);

  const more = async () => {
    if (next === null) return;
    try {
      const p = await api<ResponsePage>(`${base}&limit=${pageSize}&after=${next}`);
      setRows((r) => [...r, ...p.responses]);
      setNext(p.next);
      setShown((n) => n + pageSize);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="card" aria-labelledby="flagged-h">
      <h2 id="flagged-h">{rt('flaggedTitle')}</h2>
      <p class="help">{rt('flaggedHelp')}</p>
      <ErrorBox error={error} />
      {rows.length === 0 ? (
        <p>{rt('noFlagged')}</p>
      ) : (
        <div class="scroll">
          <table class="list" id="flagged">
            <thead>
              <tr><th scope="col" class="num">{rt('seq')}</th><th scope="col">{rt('submittedAt')}</th><th scope="col">{rt('channel')}</th><th scope="col">{rt('flags')}</th><th scope="col">{rt('state')}</th><th scope="col" /></tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-seq={r.seq} class={r.excluded ? 'excluded' : ''}>
                  <td class="num">{r.seq}</td>
                  <td class="nowrap">{dateTime(r.submittedAt)}</td>
                  <td>{tOr(`channel_${r.channel}`, r.channel)}</td>
                  <td>{r.flags.map((f) => <span key={f} class="badge flag">{rtOr(`flag_${f}`, f)}</span>)}</td>
                  <td>{stateOf(r)}</td>
                  <td><button type="button" class="btn small" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>{rt('open')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && <button type="button" class="btn small" onClick={more}>{rt('more')}</button>}
      {open && (
        <ResponseView
          key={open}
          id={open}
          version={version}
          onClose={() => setOpen(null)}
          // The figures are fetched again at once; their new version re-reads this list.
          onChanged={onChanged}
        />
      )}
    </section>
  );
}
