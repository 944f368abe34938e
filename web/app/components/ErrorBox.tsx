import { ApiFailure } from '../lib/api.ts';
import { messageOf } from '../lib/messages.ts';

/** A failed request in words, with each issue the server named (field or question: message). */
export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  const issues = error instanceof ApiFailure ? error.issues : [];
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
