// The text of an uploaded CSV. Excel writes UTF-8 with a BOM ("CSV UTF-8"), other tools UTF-8
// without one, and a Chinese Excel's plain "CSV" is GBK; GB18030 is its superset, so anything that
// is not valid UTF-8 is read as GB18030.
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gb18030';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body), 'gb18030'), encoding: 'gb18030' };
  }
}
