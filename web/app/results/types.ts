// The shapes the results routes answer with, taken from the server's own types (type-only
// imports: nothing of the server reaches the bundle) so the page cannot drift from them.
import type { ResultsView } from '../../../server/results/results.ts';
import type { TextsView } from '../../../server/results/texts.ts';
import type { LabelledAnswer } from '../../../server/results/response-view.ts';
import type { PaperIssue } from '../../../server/db/paper-issues.ts';

export type { ResultsView, TextsView, LabelledAnswer, PaperIssue };
export type Rate = NonNullable<ResultsView['overall']>;
export type Item = ResultsView['items'][number];

export interface ResponseSummary {
  id: string;
  seq: number;
  channel: string;
  group: string;
  source: string | null;
  submittedAt: string;
  flags: string[];
  excluded: boolean;
  valid: boolean;
}

export interface ResponsePage {
  responses: ResponseSummary[];
  next: number | null;
}

export interface Exclusion {
  id: string;
  action: 'exclude' | 'restore';
  reason: string;
  user: string;
  at: string;
}

export interface ResponseDetail {
  response: ResponseSummary & { token: string | null; hash: string };
  answers: LabelledAnswer[];
  exclusions: Exclusion[];
}

export interface ExportRecord {
  id: string;
  kind: string;
  user: { id: string; username: string };
  filters: Record<string, string>;
  rows: number;
  sha256: string;
  createdAt: string;
}

export interface Filter {
  group: string;
  channel: string;
}

/** `?group=&channel=` for the routes that take the filter; empty values are left out. */
export function filterQuery(f: Filter): string {
  const q = new URLSearchParams();
  if (f.group) q.set('group', f.group);
  if (f.channel) q.set('channel', f.channel);
  const s = q.toString();
  return s ? `?${s}` : '';
}
