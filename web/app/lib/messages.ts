// An ApiFailure as a sentence for the evaluator, in the app's language: known codes by their own
// words, a refusal that lists its problems by a sentence that leads into the list, anything else
// with the server's message (which names the field).
import { t, tOr } from '../i18n.ts';
import { ApiFailure } from './api.ts';

/** Refusals whose issues say everything (one per field): the list follows the sentence. */
const listsItsProblems = (error: ApiFailure) => error.issues.length > 0 && (error.code.startsWith('invalid_') || error.code === 'required' || error.code === 'too_deep');

export function messageOf(error: unknown): string {
  if (!(error instanceof ApiFailure)) return t('err_other', { message: error instanceof Error ? error.message : String(error) });
  if (error.code === 'too_many_requests') return `${t('err_too_many_requests', { s: error.retryAfter ?? 60 })} (${error.message})`;
  // A known code's sentence may name figures of the refusal, carried by its first issue.
  const known = tOr(`err_${error.code}`, '', error.issues[0]?.params);
  if (known) return known;
  if (listsItsProblems(error)) return t('err_fix_below');
  return t('err_other', { message: error.message });
}

/**
 * The app words this failure itself from the figures of its one issue (its sentence takes them,
 * as 纸质问卷将少于 0 份 does): nothing is left to list.
 */
export function toldInFull(error: ApiFailure): boolean {
  return error.issues.length === 1 && error.issues[0]!.params !== undefined && /\{\w+\}/.test(tOr(`err_${error.code}`, ''));
}
