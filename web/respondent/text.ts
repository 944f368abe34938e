// The page's words as data. The server picks the language (i18n.ts) and hands its strings to
// the page in the hydration data, so the browser bundle carries no dictionary of its own.
import type { AnswerIssue, SurveyDefinition } from '../../surveys/index.ts';

export type Lang = 'zh' | 'en';

/** Every UI string of the respondent page; `{name}` marks a value filled in by `fill`. */
export interface Strings {
  htmlLang: string;
  switchLabel: string;
  required: string;
  multiHint: string;
  submit: string;
  sending: string;
  retrying: string;
  failed: string;
  /** {done} {total} */
  progress: string;
  /** {n} */
  summary: string;
  /** {where}: which question the issue is about */
  summaryItem: string;
  /** {n}: the question's number */
  numbered: string;
  /** {n}: the number of the question it follows */
  followUp: string;
  screenedOut: string;
  /** {labels} */
  screenerHint: string;
  /** {where} {labels} */
  conditionHint: string;
  previous: string;
  or: string;
  /** {s} */
  quote: string;
  thanksTitle: string;
  thanksBody: string;
  /** On a kiosk: the link that clears the page for the next person. */
  nextRespondent: string;
  /** Heading and text by HTTP status; `other` for any status not listed. */
  notices: Record<string, [string, string]>;
  issue: Record<AnswerIssue['code'], string>;
}

/** Fills `{name}` slots; undefined when a slot has no value, so a caller can fall back. */
export function fill(template: string, params: Record<string, string | number | undefined>): string | undefined {
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) missing = true;
    return String(value);
  });
  return missing ? undefined : text;
}

/** Like fill, for templates the page itself fills with every value they name. */
export function format(template: string, params: Record<string, string | number>): string {
  return fill(template, params) ?? template;
}

/**
 * The respondent reads the message in the page's language, built from the issue's code and
 * params; the server's own message is the fallback for a code or param this page does not know.
 */
export function issueMessage(t: Strings, issue: AnswerIssue): string {
  const template = Object.hasOwn(t.issue, issue.code) ? t.issue[issue.code] : undefined;
  return (template !== undefined && fill(template, issue.params ?? {})) || issue.message;
}

export function noticeText(t: Strings, status: number): [string, string] {
  return t.notices[String(status)] ?? t.notices.other ?? ['', ''];
}

/**
 * The language of the survey's own text where the page is in another: definitions are written in
 * Chinese and the English switch translates only the page around them, so a screen reader must
 * read the questions with a Chinese voice. Undefined when the two agree (or the text is not Chinese).
 */
export function textLang(definition: Pick<SurveyDefinition, 'title'>, t: Strings): string | undefined {
  const lang = /\p{Script=Han}/u.test(definition.title) ? 'zh-CN' : undefined;
  return lang === t.htmlLang ? undefined : lang;
}
