// Times as the app shows them: stored as UTC ISO strings, shown in China's time (Asia/Shanghai,
// DESIGN §10) whatever the clock of the browser, so the page, the CSV's 提交时间（北京时间） and the
// report agree. hourCycle h23, not hour12: false, which some engines print as 24:00:00 at midnight.
import { lang, type Lang } from '../i18n.ts';

export const shownTimeZone = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(locale: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${locale} ${withDate}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: shownTimeZone,
      hourCycle: 'h23',
      ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(key, f);
  }
  return f;
}

const localeOf = (l: Lang) => (l === 'en' ? 'en-GB' : 'zh-CN');

function instant(at: string | Date): Date | null {
  const d = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Date and time in Beijing time: 2026/11/28 20:45:19 (English: 28/11/2026, 20:45:19). Not a time: as given. */
export function dateTime(at: string | Date, l: Lang = lang()): string {
  const d = instant(at);
  return d ? formatOf(localeOf(l), true).format(d) : String(at);
}

/** The time of day in Beijing time: 20:45:19. */
export function timeOfDay(at: string | Date, l: Lang = lang()): string {
  const d = instant(at);
  return d ? formatOf(localeOf(l), false).format(d) : String(at);
}
