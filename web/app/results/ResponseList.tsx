import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tOr } from '../i18n.ts';
import { api } from '../lib/api.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { dateTime, filterText, stateOf } from './format.ts';
import { rt, rtOr } from './text.ts';
import { ResponseView } from './ResponseView.tsx';
import { listQuery, seqOf, shows, type Show } from './review.ts';
import type { Filter, ResponsePage, ResponseSummary } from './types.ts';

const pageSize = 20;
const showLabel = { flagged: 'show_flagged', all: 'show_all', excluded: 'show_excluded' } as const;
const emptyText = { flagged: 'noFlagged', all: 'noResponses', excluded: 'noExcluded' } as const;

interface Loaded {
  /** The choice and filter these rows are of. */
  key: string;
  rows: ResponseSummary[];
  next: number | null;
}

/**
 * The survey's responses to review: the flagged ones, all of them or the excluded, within the
 * page's group and channel filter, a page at a time (cursor `next`), or one opened by its number;
 * each opens in the response view, to exclude with a reason or restore. `version` is the results
 * version: when the figures change the list is read again, so a response flagged or excluded
 * meanwhile shows up and states stay true.
 */
export function ResponseList({ surveyId, filter, version, onChanged }: { surveyId: string; filter: Filter; version: string; onChanged: () => void }) {
  const [show, setShow] = useState<Show>('flagged');
  const key = `${show}\n${filter.group}\n${filter.channel}`;
  // How many rows are shown; another choice or filter starts again from one page. Read through
  // `key` at once (no page of the old count is asked for), and reset by the effect, so that going
  // back to an earlier choice starts from one page too.
  const [wanted, setWanted] = useState({ key, n: pageSize });
  const shown = wanted.key === key ? wanted.n : pageSize;
  useEffect(() => {
    if (wanted.key !== key) setWanted({ key, n: pageSize });
  }, [key]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [seqText, setSeqText] = useState('');
  const [seqError, setSeqError] = useState<string | null>(null);
  // What opened the response view, to take the focus back to when it closes.
  const opener = useRef<HTMLElement | null>(null);
  const base = `/api/surveys/${encodeURIComponent(surveyId)}/responses`;

  // Reads as many rows as are shown, page by page, so "load more" is not undone by an update.
  useEffect(() => {
    let live = true;
    setLoading(true);
    (async () => {
      let rows: ResponseSummary[] = [];
      let next: number | null = null;
      do {
        const p: ResponsePage = await api<ResponsePage>(base + listQuery(show, filter, { limit: Math.min(500, shown - rows.length), ...(next === null ? {} : { after: next }) }));
        rows = rows.concat(p.responses);
        next = p.next;
      } while (live && next !== null && rows.length < shown);
      return { key, rows, next };
    })().then(
      (l) => {
        if (!live) return;
        setLoaded(l);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [surveyId, version, key, shown]);

  const openResponse = (id: string, from: EventTarget | null) => {
    opener.current = from instanceof HTMLElement ? from : null;
    setOpen(id);
  };

  const close = () => {
    setOpen(null);
    if (opener.current?.isConnected) opener.current.focus();
  };

  // A response by its number (序号), whatever the list shows: the first at or after it, if it is it.
  const jump = async (e: Event) => {
    e.preventDefault();
    const seq = seqOf(seqText);
    if (seq === null) {
      setSeqError(rt('seqInvalid'));
      return;
    }
    const submitter = (e.currentTarget as HTMLFormElement).querySelector('button');
    try {
      const p = await api<ResponsePage>(base + listQuery('all', { group: '', channel: '' }, { limit: 1, after: seq - 1 }));
      const found = p.responses[0];
      if (!found || found.seq !== seq) {
        setSeqError(rt('seqNotFound', { seq }));
        return;
      }
      setSeqError(null);
      openResponse(found.id, submitter);
    } catch (err) {
      setSeqError(null);
      setError(err);
    }
  };

  const current = loaded && loaded.key === key ? loaded : null;
  const filtered = filterText(filter);
  return (
    <section class="card" aria-labelledby="review-h" id="review">
      <h2 id="review-h">{rt('reviewTitle')}</h2>
      <p class="help">{rt('flaggedHelp')}</p>
      <div class="row results-review-tools">
        <fieldset class="inline results-show">
          <legend>{rt('show')}</legend>
          {shows.map((s) => (
            <label key={s} class="choice">
              <input type="radio" name="review-show" value={s} checked={show === s} onChange={() => setShow(s)} />
              {rt(showLabel[s])}
            </label>
          ))}
        </fieldset>
        <form class="results-jump" onSubmit={jump} noValidate>
          <label for="review-seq">{rt('seqJump')}</label>
          <div class="row">
            <input
              id="review-seq"
              inputMode="numeric"
              autoComplete="off"
              value={seqText}
              aria-invalid={seqError ? 'true' : undefined}
              aria-describedby={seqError ? 'review-seq-error' : undefined}
              onInput={(e) => setSeqText((e.target as HTMLInputElement).value)}
            />
            <button type="submit" class="btn small">{rt('open')}</button>
          </div>
          {seqError && <p class="field-error" id="review-seq-error" role="alert">{seqError}</p>}
        </form>
      </div>
      {filtered && <p class="help">{rt('listFilterNote', { filter: filtered })}</p>}
      <ErrorBox error={error} />
      {!current ? (
        !error && <p class="help">{t('loading')}</p>
      ) : current.rows.length === 0 ? (
        <p id="review-empty">{rt(emptyText[show])}</p>
      ) : (
        <div class="scroll">
          <table class="list" id="review-list" aria-busy={loading ? 'true' : undefined}>
            <caption class="sr">{rt(showLabel[show])}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">{rt('seq')}</th><th scope="col"><span class="sr">{rt('actions')}</span></th><th scope="col">{rt('submittedAt')}</th>
                <th scope="col">{rt('channel')}</th><th scope="col">{rt('flags')}</th><th scope="col">{rt('state')}</th>
              </tr>
            </thead>
            <tbody>
              {current.rows.map((r) => (
                <tr key={r.id} data-seq={r.seq} class={r.excluded ? 'excluded' : ''}>
                  <td class="num">{r.seq}</td>
                  {/* Beside the number, so a phone reaches it without scrolling the table sideways. */}
                  <td class="nowrap">
                    <button type="button" class="btn small" aria-expanded={open === r.id} aria-controls={open === r.id ? 'response-view' : undefined} onClick={(e) => (open === r.id ? close() : openResponse(r.id, e.currentTarget))}>
                      {rt('open')}<span class="sr"> {rt('responseTitle', { seq: r.seq })}</span>
                    </button>
                  </td>
                  <td class="nowrap">{dateTime(r.submittedAt)}</td>
                  <td class="nowrap">{tOr(`channel_${r.channel}`, r.channel)}</td>
                  <td>{r.flags.map((f) => <span key={f} class="badge flag">{rtOr(`flag_${f}`, f)}</span>)}</td>
                  <td class="nowrap">{stateOf(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {current && current.next !== null && (
        <button type="button" class="btn small" disabled={loading} onClick={() => setWanted({ key, n: shown + pageSize })}>{rt('more')}</button>
      )}
      {open && (
        <ResponseView
          key={open}
          id={open}
          version={version}
          onClose={close}
          // The figures are fetched again at once; their new version re-reads this list.
          onChanged={onChanged}
        />
      )}
    </section>
  );
}
