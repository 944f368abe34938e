// What the server hands the page for hydration, and how it travels: as JSON inside
// <script type="application/json" id="mny-data">, which the CSP allows (it is not executed).
import type { AnswerIssue, Answers, SurveyDefinition } from '../../surveys/index.ts';
import type { Lang, Strings } from './text.ts';

export const dataElementId = 'mny-data';

export interface PageData {
  definition: SurveyDefinition;
  slug: string;
  lang: Lang;
  /** The UI strings of `lang`: the bundle has no dictionary of its own. */
  text: Strings;
  /** Made by the server when the page opens; the client keeps it across retries and reloads. */
  responseId: string;
  token?: string;
  channel?: string;
  /** The poster (entry point) the page was opened from, recorded with the response. */
  source?: string;
  /** A kiosk key: one tablet serves many people, and the page clears itself after each. */
  kiosk?: string;
  startedAt: string;
  values: Answers;
  issues: AnswerIssue[];
}

/**
 * JSON that is safe inside a <script> element: no `<` can close it (`</script>`) or open a
 * comment (`<!--`), and the two line separators old parsers choke on are escaped too.
 */
export function serializeData(data: PageData): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
