import { ApiFailure } from '../lib/api.ts';
import { messageOf, toldInFull } from '../lib/messages.ts';

/** A failed request in words, with each issue the server named (field or question: message). */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  // The server's issues (English) name the fields; they are left out only where the app's own
  // sentence already says all the one issue did, figures included.
  const issues = error instanceof ApiFailure && !toldInFull(error) ? error.issues : [];
  return (
    <div class="err" role="alert">
      <p>{messageOf(error)}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((i, n) => <li key={n}>{i.message}</li>)}
        </ul>
      )}
    </div>
  );
}
