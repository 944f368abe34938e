// The rows of a response export, read from the database a page at a time and handed on page by
// page, so however many responses there are only one page is in memory.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { responsePage, type ResponseFilter } from '../db/export-reads.ts';
import type { ExportRow } from './columns.ts';
import type { ExportTally } from './log.ts';

/**
 * Small on purpose. V8 moves an object to the old generation once it survives two young-generation
 * collections; a page of 1,000 rows outlived the collections its own formatting set off, so every
 * page was promoted and the old generation grew by ~130 MB before a full collection cleared it.
 * Pages of 100 die young: the same million-row export peaks ~80 MB lower, and runs no slower.
 */
export const pageSize = 100;

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
