// What a phone downloads to show the questionnaire: the HTML, then every script and stylesheet
// it links, each as sent (gzip).
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  total: number;
}

export async function pageWeight(pageUrl: string): Promise<PageWeight> {
  const page = await fetch(pageUrl, { headers: { 'accept-encoding': 'gzip' } });
  const html = await page.text();
  const weight: PageWeight = { html: gzipSync(html).length, css: 0, js: 0, total: 0 };
  for (const [, kind, href] of html.matchAll(/<(script|link)[^>]+(?:src|href)="(\/assets\/[^"]+)"/g)) {
    const asset = await fetch(new URL(href!, pageUrl), { headers: { 'accept-encoding': 'gzip' } });
    // fetch decodes gzip; measure what the wire carried by compressing as the server does.
    const bytes = gzipSync(Buffer.from(await asset.arrayBuffer()), { level: 9 }).length;
    if (kind === 'script') weight.js += bytes;
    else weight.css += bytes;
  }
  weight.total = weight.html + weight.css + weight.js;
  return weight;
}
