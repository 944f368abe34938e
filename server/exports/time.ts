// Times are stored as UTC ISO strings and shown in Asia/Shanghai (DESIGN §10). China has kept
// UTC+8 all year since 1991, so a fixed offset is exact and needs no zone database.

/** "2023-11-20T02:31:02.000Z" → "2023-11-20 10:31:02". */
export function shanghaiTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
