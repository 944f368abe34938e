// QR codes for posters and invitation sheets. Level M survives a poster that is a little worn or
// photographed at an angle, and keeps the code coarse enough for a phone across a service hall.
import { loadQrCode } from '../lazy.ts';

const options = { errorCorrectionLevel: 'M', margin: 2 } as const;

export async function qrSvg(url: string): Promise<string> {
  return (await loadQrCode()).toString(url, { ...options, type: 'svg' });
}

/**
 * The widest PNG we draw: 17 cm at 300 dpi. Drawing is synchronous and grows with the area
 * (here ~90 ms at 1024 px, ~340 at 2048, ~1.5 s at 4096), time in which no respondent is served.
 */
export const maxQrWidth = 2048;

/** The last PNGs drawn: a poster's code is downloaded again and again, and never changes. */
const drawn = new Map<string, Buffer>();
const keepDrawn = 32;

/** A PNG `width` pixels wide: 1024 prints sharp on A4; smaller ones suit a sheet of many. */
export async function qrPng(url: string, width: number): Promise<Buffer> {
  const key = `${width} ${url}`;
  let png = drawn.get(key);
  if (png === undefined) {
    png = await (await loadQrCode()).toBuffer(url, { ...options, type: 'png', width });
    if (drawn.size >= keepDrawn) drawn.delete(drawn.keys().next().value!);
  } else drawn.delete(key);
  // Re-inserted, so the map's order is least recently used first.
  drawn.set(key, png);
  return png;
}
