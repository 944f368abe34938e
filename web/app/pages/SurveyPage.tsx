import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { SurveyDetail } from '../lib/types.ts';
import { t, tOr } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { Link } from '../components/Link.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import type { DefinitionEditor as Editor } from '../editor/DefinitionEditor.tsx';
import { rt } from '../results/text.ts';

/**
 * The editor comes in its own chunk: it carries the definition schema (zod) for the instant
 * check, which no other page needs, so the app's first load stays small.
 */
function useEditor(): typeof Editor | null {
  const [editor, setEditor] = useState<typeof Editor | null>(null);
  useEffect(() => {
    void import('../editor/DefinitionEditor.tsx').then((m) => setEditor(() => m.DefinitionEditor));
  }, []);
  return editor;
}

export function useSurvey(id: string) {
  return useLoad(() => api<SurveyDetail>(`/api/surveys/${encodeURIComponent(id)}`), id);
}

/** A survey: its state and lifecycle, where its fieldwork pages are, and its definition editor. */
export function SurveyPage({ id }: { id: string }) {
  const detail = useSurvey(id);
  const DefinitionEditor = useEditor();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const d = detail.data;
  const base = `/app/surveys/${encodeURIComponent(id)}`;

  const change = async (action: 'open' | 'close') => {
    if (action === 'close' && !confirm(t('confirmClose'))) return;
    setError(null);
    setBusy(true);
    try {
      await api(`/api/surveys/${encodeURIComponent(id)}/${action}`, { json: {} });
      detail.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      {d && <p class="crumbs"><Link href={`/app/evaluations/${encodeURIComponent(d.survey.evaluationId)}`}>{t('navEvaluations')}</Link></p>}
      <h1 tabIndex={-1}>{d ? d.survey.title || d.survey.slug : t('loading')}</h1>
      <ErrorBox error={detail.error ?? error} />
      {d && (
        <>
          <dl class="facts">
            <div><dt>{t('status')}</dt><dd><StatusBadge status={d.survey.status} /></dd></div>
            <div><dt>{t('version')}</dt><dd>{d.survey.currentVersion}</dd></div>
            <div><dt>{t('responses')}</dt><dd>{d.survey.responses}</dd></div>
            <div><dt>{t('surveyLink')}</dt><dd><a href={d.survey.url} target="_blank" rel="noopener">{d.survey.url}</a></dd></div>
          </dl>
          <p class="row">
            {d.survey.status === 'draft' && <button type="button" class="btn primary" disabled={busy} onClick={() => change('open')}>{t('openSurvey')}</button>}
            {d.survey.status === 'open' && <button type="button" class="btn danger" disabled={busy} onClick={() => change('close')}>{t('closeSurvey')}</button>}
            {d.survey.status === 'closed' && <button type="button" class="btn" disabled={busy} onClick={() => change('open')}>{t('reopenSurvey')}</button>}
          </p>
          <nav class="actions" aria-label={t('distributeTitle')}>
            <Link href={`${base}/distribute`} class="btn">{t('distribute')}</Link>
            <Link href={`${base}/entry`} class="btn">{t('entry')}</Link>
            <Link href={`${base}/import`} class="btn">{t('import')}</Link>
            <Link href={`${base}/results`} class="btn">{rt('title')}</Link>
          </nav>
          {Object.keys(d.channels).length > 0 && (
            <table class="list narrow-table">
              <caption>{t('byChannel')}</caption>
              <tbody>
                {Object.entries(d.channels).map(([channel, n]) => (
                  <tr key={channel}><th scope="row">{tOr(`channel_${channel}`, channel)}</th><td class="num">{n}</td></tr>
                ))}
              </tbody>
            </table>
          )}
          {DefinitionEditor ? <DefinitionEditor surveyId={id} definition={d.definition} onSaved={detail.reload} /> : <p>{t('loading')}</p>}
        </>
      )}
    </section>
  );
}
