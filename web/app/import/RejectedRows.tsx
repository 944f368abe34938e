import type { AnswerIssueCode } from '../../../surveys/index.ts';
import { strings } from '../../respondent/i18n.ts';
import { issueMessage } from '../../respondent/text.ts';
import { lang, t } from '../i18n.ts';
import type { RejectedRow } from './prefill.ts';

const shown = 200;

/** The rows the import would refuse: row number as in the spreadsheet, column, the cell's text, why. */
export function RejectedRows({ rejected }: { rejected: RejectedRow[] }) {
  if (rejected.length === 0) return null;
  const rt = strings(lang() === 'en' ? 'en' : 'zh');
  // The validator's codes in the app's language; the server's own words beside them.
  const reason = (l: { question: string | null; code: string; message: string }) => {
    const local = issueMessage(rt, { question: l.question ?? '', code: l.code as AnswerIssueCode, message: l.message });
    return local === l.message ? l.message : `${local}（${l.message}）`;
  };
  const lines = rejected.flatMap((r) => (r.issues.length > 0 ? r.issues : [{ column: null, value: '', question: null, code: '', message: '' }]).map((i) => ({ row: r.row, ...i })));
  return (
    <div class="scroll">
      <table class="list rejected">
        <caption>{t('rejectedTitle')}</caption>
        <thead><tr><th scope="col">{t('row')}</th><th scope="col">{t('column')}</th><th scope="col">{t('value')}</th><th scope="col">{t('reason')}</th></tr></thead>
        <tbody>
          {lines.slice(0, shown).map((l, n) => (
            <tr key={n}>
              <td class="num">{l.row}</td>
              <td>{l.column ?? '—'}</td>
              <td>{l.value}</td>
              <td>{reason(l)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lines.length > shown && <p class="sub">… {lines.length - shown}</p>}
    </div>
  );
}
