import { ApiFailure } from '../lib/api.ts';
import { issueLine } from '../lib/issue-words.ts';
import { messageOf, toldInFull } from '../lib/messages.ts';

/** A failed request in words, with each issue the server named (field or question: message). */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  // Each issue names its field, worded by the app where it knows the issue; the list is left out
  // only where the app's own sentence already says all the one issue did, figures included.
  const issues = error instanceof ApiFailure && !toldInFull(error) ? error.issues : [];
  return (
    <div class="err" role="alert">
      <p>{messageOf(error)}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((i, n) => <li key={n}>{issueLine(i)}</li>)}
        </ul>
      )}
    </div>
  );
}
