// What the review list asks the server for: which responses (the flagged ones, all, the excluded),
// within the page's group and channel filter, a page at a time by seq (GET /api/surveys/:id/responses).
import type { Filter } from './types.ts';

/** The flagged first: they are what needs a look; all of them and the excluded are a choice away. */
export const shows = ['flagged', 'all', 'excluded'] as const;
export type Show = (typeof shows)[number];

/** The list route's query: `?flagged=true&channel=paper&limit=20&after=40`. */
export function listQuery(show: Show, filter: Filter, page: { limit: number; after?: number }): string {
  const q = new URLSearchParams();
  if (show === 'flagged') q.set('flagged', 'true');
  if (show === 'excluded') q.set('excluded', 'true');
  if (filter.group) q.set('group', filter.group);
  if (filter.channel) q.set('channel', filter.channel);
  q.set('limit', String(page.limit));
  if (page.after !== undefined) q.set('after', String(page.after));
  return `?${q}`;
}

/** A response number as an evaluator types it ("10", "#10", "第 10 份", full-width digits); null if none. */
export function seqOf(text: string): number | null {
  const ascii = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
  const m = /^\s*(?:[#＃№]|第)?\s*(\d{1,9})\s*(?:份|号)?\s*$/.exec(ascii);
  if (!m) return null;
  const seq = Number(m[1]);
  return seq >= 1 && seq <= 2 ** 31 - 1 ? seq : null;
}
