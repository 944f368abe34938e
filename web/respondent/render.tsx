// What the server calls to render the respondent's pages. Each returns a whole HTML document.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AnswerIssue, Answers, SurveyDefinition } from '../../surveys/index.ts';
import { App } from './App.tsx';
import { serializeData, type PageData } from './data.ts';
import { Document, type Assets } from './Document.tsx';
import { strings, type Lang } from './i18n.ts';
import { LangSwitch, NoticeView, ThanksView, noticeText } from './Views.tsx';

export type { Assets } from './Document.tsx';

export interface QuestionnairePageOptions {
  definition: SurveyDefinition;
  slug: string;
  lang: Lang;
  responseId: string;
  token?: string;
  channel?: string;
  startedAt: string;
  /** Answers to show again, with `issues`, when a plain-form post was refused (422). */
  values?: Answers;
  issues?: AnswerIssue[];
  assets: Assets;
  nonce?: string;
}

function page(document: VNode): string {
  return `<!doctype html>${renderToString(document)}`;
}

export function renderQuestionnairePage(opts: QuestionnairePageOptions): string {
  const data: PageData = {
    definition: opts.definition,
    slug: opts.slug,
    lang: opts.lang,
    responseId: opts.responseId,
    startedAt: opts.startedAt,
    values: opts.values ?? {},
    issues: opts.issues ?? [],
  };
  if (opts.token !== undefined) data.token = opts.token;
  if (opts.channel !== undefined) data.channel = opts.channel;
  return page(
    <Document lang={opts.lang} title={opts.definition.title} assets={opts.assets} withScripts nonce={opts.nonce} data={serializeData(data)}>
      <App data={data} />
    </Document>,
  );
}

export function renderThanksPage(opts: { title: string; lang: Lang; assets: Assets }): string {
  return page(
    <Document lang={opts.lang} title={strings(opts.lang).thanksTitle} assets={opts.assets} withScripts={false}>
      <div class="mny">
        <header class="mny-bar"><LangSwitch lang={opts.lang} /></header>
        <ThanksView lang={opts.lang} title={opts.title} />
      </div>
    </Document>,
  );
}

/** Not found (404), answered already (409), closed (410), or any other status the server must refuse with. */
export function renderNoticePage(opts: { status: number; title?: string; lang: Lang; assets: Assets }): string {
  const [heading] = noticeText(opts.lang, opts.status);
  return page(
    <Document lang={opts.lang} title={heading} assets={opts.assets} withScripts={false}>
      <div class="mny">
        <header class="mny-bar"><LangSwitch lang={opts.lang} /></header>
        <NoticeView lang={opts.lang} status={opts.status} title={opts.title} />
      </div>
    </Document>,
  );
}
