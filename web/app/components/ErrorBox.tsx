import { ApiFailure } from '../lib/api.ts';
import { knownCode, messageOf } from '../lib/messages.ts';

/** A failed request in words, with each issue the server named (field or question: message). */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  // A code the app has its own words for is said in them; the server's issues (English, naming
  // fields) are listed for the rest, where they are the only precise account.
  const issues = error instanceof ApiFailure && !knownCode(error) ? error.issues : [];
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
