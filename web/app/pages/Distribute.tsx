import { t } from '../i18n.ts';
import { SurveySubpage } from '../components/SurveySubpage.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { Sources } from '../distribution/Sources.tsx';
import { Tokens } from '../distribution/Tokens.tsx';

/** Everything that hands the survey out: posters per source, kiosk links, invitation tokens. */
export function Distribute({ id }: { id: string }) {
  return (
    <SurveySubpage id={id} title={t('distributeTitle')}>
      {(d) => (
        <>
          <p class="meta"><StatusBadge status={d.survey.status} /> {d.survey.title}</p>
          <Sources surveyId={id} />
          <Tokens surveyId={id} />
        </>
      )}
    </SurveySubpage>
  );
}
