import { useEffect, useState } from 'preact/hooks';
import type { SurveyDefinition } from '../../../surveys/index.ts';
import { api } from '../lib/api.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { rt } from './text.ts';
import type { TextsView } from './types.ts';

/**
 * The open answers (意见建议, reasons for 不满意) grouped by question and searchable. They are
 * respondents' words: rendered as text nodes only, never as markup.
 */
export function Texts({ surveyId, version, def }: { surveyId: string; version: string; def: SurveyDefinition }) {
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
      {view && !view.questions.some((g) => g.answers.length > 0) && <p class="help">{rt('noTexts')}</p>}
      {/* Questions nobody answered are left out: six empty "不满意的主要原因" headings say nothing. */}
      {view?.questions.filter((g) => g.answers.length > 0).map((g) => (
        <div key={g.id} class="results-texts" data-question={g.id}>
          <h3>{g.label} <span class="sub">{rt('textCount', { n: g.answers.length })}</span></h3>
          <FollowUp def={def} id={g.id} />
          <ul class="plain">
            {g.answers.map((a) => (
              <li key={a.responseId} class={a.excluded ? 'excluded' : ''}>
                <span class="sub">#{a.seq}{a.excluded ? ` ${rt('excludedText')}` : ''}</span>
                {a.text}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {view && view.next !== null && <button type="button" class="btn small" onClick={more}>{rt('more')}</button>}
    </section>
  );
}

/**
 * The question a follow-up asks about ("不满意的主要原因" shown after a 不满意 answer to q2), so
 * follow-ups worded alike can be told apart.
 */
function FollowUp({ def, id }: { def: SurveyDefinition; id: string }) {
  const q = def.questions.find((x) => x.id === id);
  const parent = q?.visibleIf && def.questions.find((x) => x.id === q.visibleIf!.question);
  return parent ? <p class="sub">{rt('followUp', { label: parent.label })}</p> : null;
}
