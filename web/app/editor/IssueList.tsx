import { t } from '../i18n.ts';
import type { EditorIssue } from './check.ts';

/** The definition's problems, each a button that puts the cursor on its line. */
export function IssueList({ issues, onJump }: { issues: EditorIssue[]; onJump: (line: number) => void }) {
  return (
    <section class="issues" aria-labelledby="issues-h">
      <h3 id="issues-h">{t('problems', { n: issues.length })}</h3>
      <p class="sr" role="status">{issues.length === 0 ? t('noProblems') : t('problems', { n: issues.length })}</p>
      {issues.length === 0 ? <p class="ok">{t('noProblems')}</p> : (
        <ul>
          {issues.map((issue, n) => (
            <li key={n}>
              <button type="button" class="link" onClick={() => onJump(issue.line)}>{t('lineN', { n: issue.line })}</button>
              {' '}<span>{issue.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
