import type { ComponentChildren } from 'preact';
import { strings } from './i18n.ts';
import type { Lang } from './text.ts';
import { kioskPauseSeconds } from './kiosk.ts';

export interface Assets {
  scripts: string[];
  styles: string[];
}

interface Props {
  lang: Lang;
  title: string;
  assets: Assets;
  /** Only the questionnaire loads its script; the other pages are complete as HTML. */
  withScripts: boolean;
  nonce?: string;
  /** Serialized hydration data, already safe for a <script> element. */
  data?: string;
  /** A page to go to by itself after a while (a kiosk's next questionnaire): a meta refresh works without script. */
  refresh?: string | undefined;
  children: ComponentChildren;
}

/** The whole HTML document around a page. No inline script or style: the CSP forbids them. */
export function Document({ lang, title, assets, withScripts, nonce, data, refresh, children }: Props) {
  return (
    <html lang={strings(lang).htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="format-detection" content="telephone=no" />
        <title>{title}</title>
        {refresh !== undefined && <meta http-equiv="refresh" content={`${kioskPauseSeconds};url=${refresh}`} />}
        {assets.styles.map((href) => <link rel="stylesheet" href={href} key={href} />)}
        {withScripts && assets.scripts.map((src) => <script type="module" src={src} nonce={nonce} key={src} />)}
      </head>
      <body>
        <div id="mny-app">{children}</div>
        {data !== undefined && (
          // The one raw insertion: JSON whose every `<` is escaped (serializeData), not markup.
          <script type="application/json" id="mny-data" nonce={nonce} dangerouslySetInnerHTML={{ __html: data }} />
        )}
      </body>
    </html>
  );
}
