import { api } from '../lib/api.ts';
import { useLoad } from '../lib/useLoad.ts';
import type { Source } from '../lib/types.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { PrintBar } from '../components/PrintBar.tsx';
import { useSurvey } from './SurveyPage.tsx';

/** One poster for a service hall: the title, a big QR code and the short link; fills one A4 page in print. */
export function PosterPage({ id, source }: { id: string; source: string | null }) {
  const detail = useSurvey(id);
  const sources = useLoad(() => api<{ sources: Source[] }>(`/api/surveys/${encodeURIComponent(id)}/sources`), id);
  const found = source ? sources.data?.sources.find((s) => s.code === source) : undefined;
  const d = detail.data;
  const link = found?.url ?? (d ? `${d.survey.url}?c=qr` : '');
  const qr = `/api/surveys/${encodeURIComponent(id)}/qr.svg${source ? `?source=${encodeURIComponent(source)}` : ''}`;
  return (
    <section>
      <PrintBar surveyId={id} />
      <ErrorBox error={detail.error ?? sources.error} />
      {d && (
        <article class="poster">
          <h1 tabIndex={-1}>{d.survey.title}</h1>
          {found && <p class="poster-source">{found.label}</p>}
          <p class="poster-scan">{t('posterScan')}</p>
          <img class="poster-qr" src={qr} alt={link} width={600} height={600} />
          <p class="poster-or">{t('posterOr')}</p>
          <p class="poster-link">{link}</p>
          <p class="no-print row poster-files">
            <a class="btn small" href={qr} download>{t('qrSvg')}</a>
            <a class="btn small" href={qr.replace('/qr.svg', '/qr.png') + (source ? '&' : '?') + 'size=2048'} download>{t('qrPng')}</a>
          </p>
        </article>
      )}
    </section>
  );
}
