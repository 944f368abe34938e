// SVG to PNG without a browser: resvg (Rust, prebuilt inside its npm package) with the system's
// fonts, so the Chinese labels render wherever a CJK font is installed (CI installs Noto CJK).
import { loadResvg } from '../lazy.ts';

export async function svgToPng(svg: string): Promise<Uint8Array> {
  const resvg = new (await loadResvg())(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' }, fitTo: { mode: 'zoom', value: 1.5 } });
  return new Uint8Array(resvg.render().asPng());
}
