import { t } from '../i18n.ts';
import { Link } from './Link.tsx';

/** Above a printable page: the way back and the print button; neither is printed. */
export function PrintBar({ surveyId }: { surveyId: string }) {
  return (
    <p class="crumbs no-print">
      <Link href={`/app/surveys/${encodeURIComponent(surveyId)}/distribute`}>{t('distributeTitle')}</Link>
      {' '}<button type="button" class="btn primary" onClick={() => print()}>{t('print')}</button>
    </p>
  );
}
