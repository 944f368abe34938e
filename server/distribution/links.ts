// The links handed out for a survey, all to the respondent page /s/:slug: plain (`c=link`), a
// poster's QR (`c=qr`, with `src=` naming the hall or channel), an invitation (`t=`), a kiosk
// tablet (`kiosk=`). One builder, so every link, CSV row and QR code agrees.
import { randomBytes } from 'node:crypto';

export type SurveyLink =
  | { channel: 'link' | 'qr'; source?: string | undefined }
  | { token: string }
  | { kiosk: string };

export function surveyUrl(origin: string, slug: string, link: SurveyLink): string {
  const url = new URL(`/s/${encodeURIComponent(slug)}`, origin);
  if ('token' in link) url.searchParams.set('t', link.token);
  else if ('kiosk' in link) url.searchParams.set('kiosk', link.kiosk);
  else {
    if (link.channel !== 'link') url.searchParams.set('c', link.channel);
    if (link.source) url.searchParams.set('src', link.source);
  }
  return url.toString();
}

/**
 * A secret for a link (invitation token, kiosk key): 128 random bits, URL-safe, 22 characters,
 * so tokens cannot be enumerated or guessed from one another.
 */
export function linkSecret(): string {
  return randomBytes(16).toString('base64url');
}
