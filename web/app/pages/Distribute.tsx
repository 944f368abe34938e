import { t } from '../i18n.ts';
import { ErrorBox } from '../components/ErrorBox.tsx';
import { Link } from '../components/Link.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { Sources } from '../distribution/Sources.tsx';
import { Tokens } from '../distribution/Tokens.tsx';
import { useSurvey } from './SurveyPage.tsx';

/** Everything that hands the survey out: posters per source, kiosk links, invitation tokens. */
export function Distribute({ id }: { id: string }) {
  const detail = useSurvey(id);
  const d = detail.data;
  return (
    <section>
      <p class="crumbs"><Link href={`/app/surveys/${encodeURIComponent(id)}`}>{d ? d.survey.title : t('back')}</Link></p>
      <h1 tabIndex={-1}>{t('distributeTitle')}</h1>
      <ErrorBox error={detail.error} />
      {d && <p class="meta"><StatusBadge status={d.survey.status} /> {d.survey.title}</p>}
      <Sources surveyId={id} />
      <Tokens surveyId={id} />
    </section>
  );
}
