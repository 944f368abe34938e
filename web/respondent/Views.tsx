// The pages around the questionnaire: the thank-you and the notices (not found, answered already,
// closed). Rendered by the server as whole pages, and by the hydrated page in place after a submit.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { noticeText, textLang, type Lang, type Strings } from './text.ts';

export function langHref(lang: Lang, query: Record<string, string | undefined> = {}, path = ''): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  params.set('lang', lang);
  return `${path}?${params.toString()}`;
}

/**
 * A plain link to the page in the other language, keeping the invitation token and channel.
 * With JavaScript it navigates too: the draft brings the answers and the response id along.
 */
export function LangSwitch({ lang, t, query, path }: { lang: Lang; t: Strings; query?: Record<string, string | undefined>; path?: string }) {
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const otherTag = other === 'en' ? 'en' : 'zh-CN';
  return (
    <a class="mny-lang" href={langHref(other, query, path)} hreflang={otherTag} lang={otherTag}>
      {t.switchLabel}
    </a>
  );
}

/** The same message in the other language, for pages the server renders whole (DESIGN §10). */
export interface Translation {
  tag: string;
  heading: string;
  body: string;
}

/** A closing message with its heading focused, so a screen reader announces where the form went. */
function Message({ title, children, other }: { title: string; children: ComponentChildren; other?: Translation | undefined }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main class="mny-main mny-msg">
      <h1 tabIndex={-1} ref={heading}>{title}</h1>
      {children}
      {other && (
        <div class="mny-alt" lang={other.tag}>
          <p class="mny-alt-h">{other.heading}</p>
          <p>{other.body}</p>
        </div>
      )}
    </main>
  );
}

export function ThanksView({ t, title, other, next }: { t: Strings; title: string; other?: Translation; next?: string | undefined }) {
  return (
    <Message title={t.thanksTitle} other={other}>
      <p class="mny-sub" lang={textLang({ title }, t)}>{title}</p>
      <p>{t.thanksBody}</p>
      {next !== undefined && (
        <p>
          <a class="mny-btn" href={next}>{t.nextRespondent}</a>
        </p>
      )}
    </Message>
  );
}

export function NoticeView({ t, status, title, other }: { t: Strings; status: number; title?: string | undefined; other?: Translation }) {
  const [heading, body] = noticeText(t, status);
  return (
    <Message title={heading} other={other}>
      {title && <p class="mny-sub" lang={textLang({ title }, t)}>{title}</p>}
      <p>{body}</p>
    </Message>
  );
}
