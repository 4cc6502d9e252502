import { describe, expect, it } from 'vitest';
import { mfaTotpSecret } from '../seed';
import { decodeBase32, totpCode, verifyTotp } from './totp';

describe('TOTP (RFC 6238, SHA-1, 6 digits)', () => {
  it('decodes the seeded secret to RFC 6238’s test key', () => {
    expect(new TextDecoder().decode(decodeBase32(mfaTotpSecret))).toBe('12345678901234567890');
    expect(() => decodeBase32('not base32!')).toThrow(RangeError);
  });

  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('gives the RFC’s test vector at T=%i s (its last six digits)', async (seconds, code) => {
    expect(await totpCode(mfaTotpSecret, seconds * 1000)).toBe(code);
  });

  it('accepts the current and the previous step, as Keystone’s included_previous_windows=1', async () => {
    const now = 1234567890_000;
    expect(await verifyTotp(mfaTotpSecret, await totpCode(mfaTotpSecret, now), now)).toBe(true);
    expect(await verifyTotp(mfaTotpSecret, await totpCode(mfaTotpSecret, now - 30_000), now)).toBe(true);
    expect(await verifyTotp(mfaTotpSecret, await totpCode(mfaTotpSecret, now - 60_000), now)).toBe(false);
  });
});
