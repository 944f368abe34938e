import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { rt } from './text.ts';
import type { TextsView } from './types.ts';

/**
 * The open answers (意见建议, reasons for 不满意) grouped by question and searchable. They are
 * respondents' words: rendered as text nodes only, never as markup.
 */
export function Texts({ surveyId, version }: { surveyId: string; version: string }) {
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [view, setView] = useState<TextsView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = `/api/surveys/${encodeURIComponent(surveyId)}/texts`;
  const url = (after?: number) => {
    const p = new URLSearchParams();
    if (query) p.set('q', query);
    if (after !== undefined) p.set('after', String(after));
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };

  useEffect(() => {
    let live = true;
    api<TextsView>(url()).then(
      (v) => {
        if (!live) return;
        setView(v);
        setError(null);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [surveyId, query, version]);

  const more = async () => {
    if (!view || view.next === null) return;
    try {
      const page = await api<TextsView>(url(view.next));
      const merged = view.questions.map((g) => ({ ...g, answers: [...g.answers, ...(page.questions.find((p) => p.id === g.id)?.answers ?? [])] }));
      setView({ questions: merged, next: page.next });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="card" aria-labelledby="texts-h">
      <h2 id="texts-h">{rt('textsTitle')}</h2>
      <form
        class="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(q.trim());
        }}
      >
        <label class="sr" for="texts-q">{rt('searchLabel')}</label>
        <input id="texts-q" type="search" class="results-search" value={q} maxLength={100} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        <button type="submit" class="btn">{rt('search')}</button>
      </form>
      <ErrorBox error={error} />
      {view?.questions.map((g) => (
        <div key={g.id} class="results-texts" data-question={g.id}>
          <h3>{g.label} <span class="sub">{rt('textCount', { n: g.answers.length })}</span></h3>
          {g.answers.length === 0 ? (
            <p class="help">{rt('noTexts')}</p>
          ) : (
            <ul class="plain">
              {g.answers.map((a) => (
                <li key={`${a.responseId}`} class={a.excluded ? 'excluded' : ''}>
                  <span class="sub">#{a.seq}{a.excluded ? ` ${rt('excludedText')}` : ''}</span>
                  {a.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {view && view.next !== null && <button type="button" class="btn small" onClick={more}>{rt('more')}</button>}
    </section>
  );
}
