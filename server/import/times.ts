// Times as another survey tool exports them: 问卷星 writes the submission time in Beijing time
// without a zone ("2023/11/20 10:31:02") and the time taken as "125秒". Stored as UTC ISO strings
// (DESIGN §10); China has kept UTC+8 all year since 1991, so no zone database is needed.

const local = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A submission time as UTC ISO, or null when the text is not a time. */
export function parseBeijingTime(text: string): string | null {
  const t = text.trim();
  const m = local.exec(t);
  if (m) {
    const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1) as string[];
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 8, Number(mi), Number(s));
    const check = new Date(ms + 8 * 3600_000);
    // Date.UTC rolls 2023-02-30 over into March; a date that rolled was not a date.
    if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(s) > 59 || Number(mi) > 59) return null;
    return new Date(ms).toISOString();
  }
  // A time with its own zone (ISO 8601) is taken as written.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  return null;
}

/** Seconds from "125", "125秒", "125 s" or "2分5秒"; null when the text is none of these. */
export function parseDuration(text: string): number | null {
  const t = text.trim().replace(/\s+/g, '');
  let m = /^(\d{1,7})(?:秒|s)?$/i.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d{1,5})分(?:钟)?(?:(\d{1,2})秒)?$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2] ?? 0);
  return null;
}
