// The rows of a response export, read from the database a page at a time and handed on page by
// page, so however many responses there are only one page is in memory. Each row carries what the
// results page's accounting decides a response by: its current exclusion (read with the page) and
// the flags stored with it when it was written (read for the page's ids at once), so it says
// whether it is valid and if not why, as 回收情况 counts it; and beside those the flags that depend
// on other responses (read with the page), so it is flagged as the response list flags it.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { responsePage, type ResponseFilter } from '../db/export-reads.ts';
import { storedFlagsOf } from '../db/counts.ts';
import { allFlags } from '../db/relational-flags.ts';
import { responseStatus } from '../responses/counting.ts';
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
    const flagsOf = await storedFlagsOf(db, page.map((r) => r.id));
    tally.rows += page.length;
    tally.lastHash = page[page.length - 1]!.hash;
    const statuses = (tally.statuses ??= {});
    yield page.map(({ exclusion_reason, duplicate_device, burst, ...response }) => {
      // An exclusion always has a reason (exclusions.reason is NOT NULL): none means none in force.
      const excluded = exclusion_reason !== null;
      const flags = allFlags(flagsOf.get(response.id) ?? [], { duplicate_device, burst });
      const status = responseStatus({ excluded, flags });
      statuses[status] = (statuses[status] ?? 0) + 1;
      return { response, excluded, exclusion: exclusion_reason, status, flags };
    });
    if (page.length < pageSize) return;
  }
}
