import type { ComponentChildren } from 'preact';
import type { SurveyDetail } from '../lib/types.ts';
import { t } from '../i18n.ts';
import { ErrorBox } from './ErrorBox.tsx';
import { Link } from './Link.tsx';
import { useSurvey } from '../pages/SurveyPage.tsx';

interface Props {
  id: string;
  title: string;
  help?: string;
  children: (detail: SurveyDetail) => ComponentChildren;
}

/** A page about one survey (distribution, entry, import): the way back to it, the heading, then the page once the survey is loaded. */
export function SurveySubpage({ id, title, help, children }: Props) {
  const detail = useSurvey(id);
  const d = detail.data;
  return (
    <section>
      <p class="crumbs"><Link href={`/app/surveys/${encodeURIComponent(id)}`}>{d ? d.survey.title : t('back')}</Link></p>
      <h1 tabIndex={-1}>{title}</h1>
      {help && <p class="help">{help}</p>}
      <ErrorBox error={detail.error} />
      {d && children(d)}
    </section>
  );
}
