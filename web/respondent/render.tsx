// What the server calls to render the respondent's pages. Each returns a whole HTML document.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AnswerIssue, Answers } from '../../surveys/index.ts';
import { App } from './App.tsx';
import { serializeData, type PageData } from './data.ts';
import { Document, type Assets } from './Document.tsx';
import { strings } from './i18n.ts';
import { noticeText, type Lang, type Strings } from './text.ts';
import { NoticeView, ThanksView } from './Views.tsx';

export type { Assets } from './Document.tsx';

/** What the page data holds, but the strings (the page picks them by `lang`) and with optional answers. */
export type QuestionnairePageOptions = Omit<PageData, 'text' | 'values' | 'issues'> & {
  /** Answers to show again, with `issues`, when a plain-form post was refused (422). */
  values?: Answers;
  issues?: AnswerIssue[];
  assets: Assets;
  nonce?: string;
};

function page(document: VNode): string {
  return `<!doctype html>${renderToString(document)}`;
}

export function renderQuestionnairePage(opts: QuestionnairePageOptions): string {
  const { values, issues, assets, nonce, ...rest } = opts;
  const data: PageData = { ...rest, text: strings(opts.lang), values: values ?? {}, issues: issues ?? [] };
  return page(
    <Document lang={opts.lang} title={opts.definition.title} assets={assets} withScripts nonce={nonce} data={serializeData(data)}>
      <App data={data} />
    </Document>,
  );
}

/** The page's language first, then the other one. */
function bothLanguages(lang: Lang): [Strings, Strings] {
  return [strings(lang), strings(lang === 'en' ? 'zh' : 'en')];
}

/**
 * A page with no script: the message in the page's language, then in the other one. These pages
 * are reached through links with a token or from a redirect, where a language switch link would
 * lose the query; both languages on the page work for everyone.
 */
function messagePage(lang: Lang, title: string, assets: Assets, body: VNode, refresh?: string): string {
  return page(
    <Document lang={lang} title={title} assets={assets} withScripts={false} refresh={refresh}>
      <div class="mny">{body}</div>
    </Document>,
  );
}

/** `next`: on a kiosk, the page for the next person, which this one also goes to by itself. */
export function renderThanksPage(opts: { title: string; lang: Lang; assets: Assets; next?: string }): string {
  const [t, o] = bothLanguages(opts.lang);
  const other = { tag: o.htmlLang, heading: o.thanksTitle, body: o.thanksBody };
  return messagePage(opts.lang, t.thanksTitle, opts.assets, <ThanksView t={t} title={opts.title} other={other} next={opts.next} />, opts.next);
}

/** Not found (404), answered already (409), closed (410), or any other status the server must refuse with. */
export function renderNoticePage(opts: { status: number; title?: string; lang: Lang; assets: Assets }): string {
  const [t, o] = bothLanguages(opts.lang);
  const [heading] = noticeText(t, opts.status);
  const [otherHeading, otherBody] = noticeText(o, opts.status);
  const other = { tag: o.htmlLang, heading: otherHeading, body: otherBody };
  return messagePage(opts.lang, heading, opts.assets, <NoticeView t={t} status={opts.status} title={opts.title} other={other} />);
}
