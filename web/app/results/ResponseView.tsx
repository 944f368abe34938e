import { useEffect, useRef, useState } from 'preact/hooks';
import { tOr } from '../i18n.ts';
import { api } from '../lib/api.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { dateTime, stateOf } from './format.ts';
import { rt, rtOr } from './text.ts';
import type { ResponseDetail } from './types.ts';

/**
 * One response opened: its answers in words, its flags, its exclusion history (who, when, why),
 * and exclusion or restoration with a reason, which the server records and counts at once.
 */
export function ResponseView({ id, version, onClose, onChanged }: { id: string; version: string; onClose: () => void; onChanged: () => void }) {
  const [detail, setDetail] = useState<ResponseDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const path = `/api/responses/${encodeURIComponent(id)}`;

  useEffect(() => {
    let live = true;
    api<ResponseDetail>(path).then(
      (d) => live && setDetail(d),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [id, version]);

  useEffect(() => {
    if (detail) heading.current?.focus();
  }, [detail === null]);

  const change = async (e: Event) => {
    e.preventDefault();
    if (!detail) return;
    if (!reason.trim()) {
      setError(new Error(rt('reasonRequired')));
      return;
    }
    const exclude = !detail.response.excluded;
    setBusy(true);
    setError(null);
    try {
      await api(`${path}/exclusion`, { method: exclude ? 'POST' : 'DELETE', json: { reason: reason.trim() } });
      setDetail(await api<ResponseDetail>(path));
      setReason('');
      setDone(exclude ? rt('excludedDone') : rt('restoredDone'));
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const r = detail?.response;
  return (
    <div class="results-response" id="response-view">
      <div class="row">
        <h3 ref={heading} tabIndex={-1}>{r ? rt('responseTitle', { seq: r.seq }) : rt('open')}</h3>
        <button type="button" class="link" onClick={onClose}>{rt('close')}</button>
      </div>
      <ErrorBox error={error} />
      {r && detail && (
        <>
          <p class="meta">
            {dateTime(r.submittedAt)} · {tOr(`channel_${r.channel}`, r.channel)} · {tOr(`group_${r.group}`, r.group)} · <strong>{stateOf(r)}</strong>
          </p>
          {r.flags.length > 0 && <p>{r.flags.map((f) => <span key={f} class="badge flag">{rtOr(`flag_${f}`, f)}</span>)}</p>}
          <h4>{rt('answers')}</h4>
          <dl class="results-answers">
            {detail.answers.map((a) => (
              <div key={a.question}><dt>{a.label}</dt><dd>{a.text}</dd></div>
            ))}
          </dl>
          <h4>{rt('history')}</h4>
          {detail.exclusions.length === 0 ? (
            <p class="help">{rt('noHistory')}</p>
          ) : (
            <ul class="plain" id="exclusion-history">
              {detail.exclusions.map((x) => (
                <li key={x.id}>{rt(x.action === 'exclude' ? 'action_exclude' : 'action_restore')} · {x.user} · {dateTime(x.at)} · {rt('reason')}：{x.reason}</li>
              ))}
            </ul>
          )}
          <form onSubmit={change} class="row results-exclude">
            <label class="field">
              <span>{rt('reason')}</span>
              <input value={reason} maxLength={500} required onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
            </label>
            <button type="submit" class={r.excluded ? 'btn' : 'btn danger'} disabled={busy}>{r.excluded ? rt('restore') : rt('exclude')}</button>
          </form>
          {done && <p class="ok" role="status">{done}</p>}
        </>
      )}
    </div>
  );
}
