// The rows of a response export, read from the database a page at a time and handed on page by
// page, so however many responses there are only one page is in memory.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { responsePage, type ResponseFilter } from '../db/export-reads.ts';
import type { ExportRow } from './columns.ts';
import type { ExportTally } from './log.ts';

export const pageSize = 1000;

export async function* exportPages(db: Kysely<Database>, surveyId: string, uptoSeq: number, filter: ResponseFilter, tally: ExportTally): AsyncGenerator<ExportRow[]> {
  for (let afterSeq = 0; ; ) {
    const page = await responsePage(db, surveyId, { afterSeq, uptoSeq }, filter, pageSize);
    if (page.length === 0) return;
    afterSeq = Number(page[page.length - 1]!.seq);
    tally.rows += page.length;
    tally.lastHash = page[page.length - 1]!.hash;
    yield page.map(({ exclusion_reason, ...response }) => ({ response, exclusion: exclusion_reason }));
  }
}
