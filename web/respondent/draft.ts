// The respondent's unfinished answers, kept in localStorage so a reload or a tab closed halfway
// comes back to them, with the same response id: a submission that reached the server before
// the tab died is then recognised (200) instead of stored twice.
import type { Answers } from '../../surveys/index.ts';

export interface Draft {
  id: string;
  startedAt: string;
  answers: Answers;
}

/** One draft per survey and invitation: two tokens on one phone are two respondents. */
export function draftKey(slug: string, token: string | undefined): string {
  return `mny:${slug}:${token ?? ''}`;
}

// Storage can throw (Safari private mode, quota, disabled cookies): a draft is a convenience,
// never a reason for the page to fail.
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function loadDraft(key: string): Draft | undefined {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return undefined;
    const draft: unknown = JSON.parse(raw);
    return isDraft(draft) ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, draft: Draft): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or refused: the page works on without a draft.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to clear up if storage is unavailable.
  }
}

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return typeof d.id === 'string' && typeof d.startedAt === 'string' &&
    typeof d.answers === 'object' && d.answers !== null && !Array.isArray(d.answers);
}
