import type { SurveyStatus } from '../lib/types.ts';
import { t } from '../i18n.ts';

export function StatusBadge({ status }: { status: SurveyStatus }) {
  return <span class={`badge ${status}`}>{t(`status_${status}`)}</span>;
}
