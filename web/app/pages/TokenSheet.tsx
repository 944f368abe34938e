import { api } from '../lib/api.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { Token } from '../lib/types.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { PrintBar } from '../components/PrintBar.tsx';
import { useSurvey } from './SurveyPage.tsx';

/** Every unused invitation as a QR code with its company and link, to print and cut apart. */
export function TokenSheet({ id }: { id: string }) {
  const detail = useSurvey(id);
  const list = useLoad(() => api<{ tokens: Token[] }>(`/api/surveys/${encodeURIComponent(id)}/tokens`), id);
  const base = `/api/surveys/${encodeURIComponent(id)}/qr.svg?token=`;
  return (
    <section>
      <PrintBar surveyId={id} />
      <h1 tabIndex={-1}>{t('sheetTitle')}{detail.data ? ` · ${detail.data.survey.title}` : ''}</h1>
      <ErrorBox error={detail.error ?? list.error} />
      <ul class="qr-sheet">
        {list.data?.tokens.filter((tk) => !tk.used).map((tk) => (
          <li key={tk.token}>
            <img src={base + encodeURIComponent(tk.token)} alt={tk.url} width={160} height={160} loading="lazy" />
            <strong>{tk.label ?? ''}</strong>
            <code class="url">{tk.url}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
