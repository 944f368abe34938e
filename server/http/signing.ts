// Signed cookie values, `value.mac`, with HMAC-SHA256 from node:crypto. Synchronous on purpose:
// WebCrypto's async signing went through the thread pool and halved the rate of accepted responses.
import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

export interface Signer {
  sign(value: string): string;
  /** The value, when the signature is ours; otherwise null. */
  unsign(signed: string | undefined): string | null;
}

/**
 * Signs with one secret. Its key is prepared once: handing createHmac the secret string made it
 * prepare a new key for every response.
 */
export function signer(secret: string): Signer {
  const key: KeyObject = createSecretKey(Buffer.from(secret));
  const mac = (value: string) => createHmac('sha256', key).update(value).digest('base64url');
  return {
    sign: (value) => `${value}.${mac(value)}`,
    unsign(signed) {
      if (!signed) return null;
      const dot = signed.lastIndexOf('.');
      if (dot <= 0) return null;
      const value = signed.slice(0, dot);
      const given = Buffer.from(signed.slice(dot + 1));
      const expected = Buffer.from(mac(value));
      return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
    },
  };
}
