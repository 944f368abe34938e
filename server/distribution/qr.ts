// QR codes for posters and invitation sheets. Level M survives a poster that is a little worn or
// photographed at an angle, and keeps the code coarse enough for a phone across a service hall.
import { loadQrCode } from '../lazy.ts';

const options = { errorCorrectionLevel: 'M', margin: 2 } as const;

export async function qrSvg(url: string): Promise<string> {
  return (await loadQrCode()).toString(url, { ...options, type: 'svg' });
}

/** A PNG `width` pixels wide: 1024 prints sharp on A4; smaller ones suit a sheet of many. */
export async function qrPng(url: string, width: number): Promise<Buffer> {
  return (await loadQrCode()).toBuffer(url, { ...options, type: 'png', width });
}
