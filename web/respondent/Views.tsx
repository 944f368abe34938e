// The pages around the questionnaire: the thank-you and the notices (not found, answered already,
// closed). Rendered by the server as whole pages, and by the hydrated page in place after a submit.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { strings, type Lang } from './i18n.ts';

interface SwitchProps {
  lang: Lang;
  /** The query to keep (t, c), so the switch does not lose the invitation token. */
  query?: Record<string, string | undefined>;
  onSwitch?: (lang: Lang, href: string) => void;
}

export function langHref(lang: Lang, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  params.set('lang', lang);
  return `?${params.toString()}`;
}

/** A plain link (works without JavaScript); the hydrated page switches in place instead. */
export function LangSwitch({ lang, query, onSwitch }: SwitchProps) {
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const href = langHref(other, query);
  return (
    <a
      class="mny-lang"
      href={href}
      hreflang={strings(other).htmlLang}
      lang={strings(other).htmlLang}
      onClick={onSwitch && ((e) => {
        e.preventDefault();
        onSwitch(other, href);
      })}
    >
      {strings(lang).switchLabel}
    </a>
  );
}

/** A closing message with its heading focused, so a screen reader announces where the form went. */
function Message({ title, children }: { title: string; children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main class="mny-main mny-msg">
      <h1 tabIndex={-1} ref={heading}>{title}</h1>
      {children}
    </main>
  );
}

export function ThanksView({ lang, title }: { lang: Lang; title: string }) {
  const t = strings(lang);
  return (
    <Message title={t.thanksTitle}>
      <p class="mny-sub">{title}</p>
      <p>{t.thanksBody}</p>
    </Message>
  );
}

export function noticeText(lang: Lang, status: number): [string, string] {
  const notices = strings(lang).notices;
  return notices[status] ?? notices.other;
}

export function NoticeView({ lang, status, title }: { lang: Lang; status: number; title?: string }) {
  const [heading, body] = noticeText(lang, status);
  return (
    <Message title={heading}>
      {title && <p class="mny-sub">{title}</p>}
      <p>{body}</p>
    </Message>
  );
}
