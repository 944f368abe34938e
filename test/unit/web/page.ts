// Helpers to read rendered pages in tests without a DOM.
import { templates } from '../../../surveys/templates/index.ts';
import { renderQuestionnairePage, type QuestionnairePageOptions } from '../../../web/respondent/render.tsx';

export const publicTemplate = templates.public;
export const assets = { scripts: ['/assets/entry-abc.js'], styles: ['/assets/entry-abc.css'] };

export function renderPublic(overrides: Partial<QuestionnairePageOptions> = {}): string {
  return renderQuestionnairePage({
    definition: publicTemplate,
    slug: 'demo',
    lang: 'zh',
    responseId: '0b6f8a52-8d1c-4c1e-9a0e-5d2f3c4b5a69',
    startedAt: '2024-03-01T02:00:00.000Z',
    channel: 'link',
    assets,
    ...overrides,
  });
}

/** The markup of one question's box: from its opening tag to the next question, note or footer. */
export function questionBox(html: string, id: string): string {
  const start = html.search(new RegExp(`<div class="[^"]*" id="q-${id}">`));
  if (start === -1) throw new Error(`no question box q-${id}`);
  const rest = html.slice(start + 1);
  const end = rest.search(/<div class="mny-q|<p class="mny-note|<div class="mny-foot/);
  return html.slice(start, start + 1 + (end === -1 ? rest.length : end));
}

export function all(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(new RegExp(pattern.source, 'g'))].map((m) => m[1] ?? m[0]);
}

/** The hydration data the page embeds, parsed. */
export function embeddedData(html: string): unknown {
  const match = /<script type="application\/json" id="mny-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no mny-data block');
  return JSON.parse(match[1]!);
}
