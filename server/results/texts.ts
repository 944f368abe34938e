// The open text answers of a survey (意见建议, reasons for 不满意), grouped by question, in chain
// order, optionally only those containing a search term. A request reads a bounded number of
// responses and says where to go on (`next`), so a survey of a million costs each page the same.
import type { Kysely } from 'kysely';
import type { Answers, SurveyDefinition } from '../../surveys/index.ts';
import type { Database } from '../db/schema.ts';
import { textSourcePage } from '../db/text-reads.ts';
import { definitionAt } from './definitions.ts';

export interface TextAnswer {
  responseId: string;
  seq: number;
  text: string;
  excluded: boolean;
}

export interface TextsView {
  questions: { id: string; label: string; answers: TextAnswer[] }[];
  /** The seq to pass as `after` for more; null when every response has been read. */
  next: number | null;
}

const pageSize = 500;
const maxScanned = 5000;

export async function openTexts(
  db: Kysely<Database>,
  surveyId: string,
  current: SurveyDefinition,
  opts: { q?: string | undefined; after: number; limit: number },
): Promise<TextsView> {
  const groups = new Map<string, { id: string; label: string; answers: TextAnswer[] }>();
  for (const q of current.questions) if (q.kind === 'text') groups.set(q.id, { id: q.id, label: q.label, answers: [] });
  const needle = opts.q?.toLowerCase();
  let after = opts.after;
  let found = 0;
  let scanned = 0;
  let more = true;
  while (more && found < opts.limit && scanned < maxScanned) {
    const page = await textSourcePage(db, surveyId, after, pageSize, opts.q);
    more = page.length === pageSize;
    for (const row of page) {
      after = row.seq;
      scanned += 1;
      const def = (await definitionAt(db, surveyId, row.definition_version)) ?? current;
      const answers = JSON.parse(row.answers) as Answers;
      for (const q of def.questions) {
        const text = answers[q.id];
        if (q.kind !== 'text' || typeof text !== 'string' || (needle !== undefined && !text.toLowerCase().includes(needle))) continue;
        let group = groups.get(q.id);
        if (!group) groups.set(q.id, (group = { id: q.id, label: q.label, answers: [] }));
        group.answers.push({ responseId: row.id, seq: row.seq, text, excluded: row.excluded });
        found += 1;
      }
      if (found >= opts.limit) {
        more = more || row !== page[page.length - 1];
        break;
      }
    }
  }
  return { questions: [...groups.values()], next: more ? after : null };
}
