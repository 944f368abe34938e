// Signed cookie values: what one secret signs, only that secret accepts, and any change is refused.
import { describe, expect, it } from 'vitest';
import { signer } from '../../../server/http/signing.ts';

describe('signer', () => {
  const ours = signer('a secret of this installation');

  it('gives back the value it signed', () => {
    const signed = ours.sign('0190f0e4-5b7a-7c3e-8d2f-1a2b3c4d5e6f');
    expect(signed.startsWith('0190f0e4-5b7a-7c3e-8d2f-1a2b3c4d5e6f.')).toBe(true);
    expect(ours.unsign(signed)).toBe('0190f0e4-5b7a-7c3e-8d2f-1a2b3c4d5e6f');
  });

  it('refuses a changed value, a changed signature, another secret and no signature', () => {
    const signed = ours.sign('response-1');
    const [value, mac] = [signed.slice(0, signed.lastIndexOf('.')), signed.slice(signed.lastIndexOf('.') + 1)];
    expect(ours.unsign(`response-2.${mac}`)).toBeNull();
    expect(ours.unsign(`${value}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(signer('another secret').unsign(signed)).toBeNull();
    expect(ours.unsign('response-1')).toBeNull();
    expect(ours.unsign('.abc')).toBeNull();
    expect(ours.unsign(undefined)).toBeNull();
    expect(ours.unsign('')).toBeNull();
  });
});
