// A kiosk (a tablet in a service hall): after each submission the page thanks the person, then
// opens a fresh questionnaire for the next one — by itself after a pause, or at once on a tap.
import { useEffect } from 'preact/hooks';
import type { Lang } from './text.ts';

/** How long a kiosk shows its thanks before clearing itself for the next person. */
export const kioskPauseSeconds = 8;

export function kioskUrl(slug: string, key: string, lang: Lang): string {
  const query = new URLSearchParams({ kiosk: key });
  if (lang === 'en') query.set('lang', 'en');
  return `/s/${encodeURIComponent(slug)}?${query.toString()}`;
}

/** Goes to `next` after the kiosk pause; a new page load brings a new response id from the server. */
export function useKioskRestart(next: string | undefined): void {
  useEffect(() => {
    if (next === undefined) return;
    const timer = setTimeout(() => location.assign(next), kioskPauseSeconds * 1000);
    return () => clearTimeout(timer);
  }, [next]);
}
