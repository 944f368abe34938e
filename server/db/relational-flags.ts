// The two quality flags that depend on other responses of the survey (DESIGN §3). They are decided
// when read, never stored, as a later response can make an earlier one part of a burst. Each is
// defined once, here, as SQL on the response aliased `r`: the response list filters and pages by
// it and the export prints it, so a file says of each response what the screen it came from says.
// Each is read through an index, never by a scan of the survey:
// - duplicate_device (responses_survey_device): an earlier response of the survey came from the
//   same device cookie (not on a kiosk, a tablet in a hall that serves one person after another);
// - burst (responses_survey_network): at least `burstSize` responses of the survey with the same
//   answers came from the same network within the same ten minutes (the first 15 characters of
//   the ISO time: a clock's ten-minute bucket, the same in both engines).
import { sql } from 'kysely';

const burstSize = 3;
export const relationalFlags = ['duplicate_device', 'burst'] as const;

// `+d.seq`, not `d.seq`: given a range on seq, SQLite's planner (without statistics) took the
// (survey_id, seq) key over responses_survey_device and read every earlier response of the survey
// per row; a unary plus leaves seq out of the search, the same in both engines.
export const duplicateDevice = sql<boolean>`(r.device IS NOT NULL AND r.channel <> 'kiosk' AND EXISTS (
  SELECT 1 FROM responses d WHERE d.survey_id = r.survey_id AND d.device = r.device AND +d.seq < r.seq AND d.channel <> 'kiosk'))`;

// The bucket as a range of submitted_at rather than substr(b.submitted_at, 1, 15) = …: the index
// serves a range on its last column, where a function of it made each row read every response of
// its network (all of them, for a survey answered on one service hall's Wi-Fi). The times in the
// bucket "2023-11-01T08:4" are exactly those from it (a prefix sorts before what extends it) to
// just before "2023-11-01T08:5", the prefix with its last character, the minute's tens (0–5), one
// up. ISO times all have their digits and separators in the same places, so any collation orders
// them as C does.
export const sameBucket = sql<boolean>`(b.submitted_at >= substr(r.submitted_at, 1, 15)
  AND b.submitted_at < (substr(r.submitted_at, 1, 14) || CASE substr(r.submitted_at, 15, 1)
    WHEN '0' THEN '1' WHEN '1' THEN '2' WHEN '2' THEN '3' WHEN '3' THEN '4' WHEN '4' THEN '5' WHEN '5' THEN '6' END))`;

// Counting stops at burstSize (whether there are at least that many is all the flag asks), so a
// row of a burst reads its bucket only until the burst is found. `uptoSeq` decides it among the
// responses up to a chain head only: an export cut at a head says of each row what that head
// covers, whatever arrives while it is written (server/db/export-reads.ts).
const burstAmong = (uptoSeq?: number) => sql<boolean>`(r.network IS NOT NULL AND (SELECT count(*) FROM (
  SELECT 1 FROM responses b
  WHERE b.survey_id = r.survey_id AND b.network = r.network AND ${sameBucket} AND b.answers = r.answers${uptoSeq === undefined ? sql`` : sql` AND b.seq <= ${uptoSeq}`}
  LIMIT ${burstSize}) peers) >= ${burstSize})`;

/** Burst among every response of the survey, as the response list shows it now. */
export const burst = burstAmong();

/**
 * Each as a 0/1 column (a boolean reads back as 0/1 from SQLite, true/false from PostgreSQL);
 * given a chain head, decided among the responses up to it (duplicate_device looks only at
 * earlier responses, so it needs no head).
 */
export const relationalFlagColumns = (uptoSeq?: number) => [
  sql<number>`CASE WHEN ${duplicateDevice} THEN 1 ELSE 0 END`.as('duplicate_device'),
  sql<number>`CASE WHEN ${burstAmong(uptoSeq)} THEN 1 ELSE 0 END`.as('burst'),
] as const;

export interface RelationalFlagColumns {
  duplicate_device: number | string;
  burst: number | string;
}

/** A response's flags as the list shows them: the stored ones (sorted), then these two in order. */
export function allFlags(stored: readonly string[], row: RelationalFlagColumns): string[] {
  const flags = [...stored];
  if (Number(row.duplicate_device)) flags.push('duplicate_device');
  if (Number(row.burst)) flags.push('burst');
  return flags;
}
