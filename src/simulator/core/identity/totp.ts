// RFC 6238 TOTP as Keystone's totp plugin computes it: HMAC-SHA1, 6 digits, 30 s steps. Web Crypto
// rather than node:crypto, so the core also runs in a browser; its HMAC is async, hence the promises.

const digits = 6;
const stepMs = 30_000;
/** Keystone's `[totp] included_previous_windows` default: the code of the step before also passes. */
const previousWindows = 1;

const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32, padding optional (Keystone pads the stored secret before decoding). */
export function decodeBase32(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.replace(/=+$/, '').toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = base32Alphabet.indexOf(char);
    if (value < 0) throw new RangeError(`Not base32: ${JSON.stringify(char)}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >>> bits) & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

/** The passcode for the 30 s step that contains `atMs`. */
export async function totpCode(secretBase32: string, atMs: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', decodeBase32(secretBase32), { name: 'HMAC', hash: 'SHA-1' }, false, [
    'sign',
  ]);
  const counter = new DataView(new ArrayBuffer(8));
  counter.setBigUint64(0, BigInt(Math.floor(atMs / stepMs)));
  const mac = new DataView(await crypto.subtle.sign('HMAC', key, counter.buffer));
  // RFC 4226 dynamic truncation: 31 bits read at the offset the last nibble gives.
  const offset = mac.getUint8(mac.byteLength - 1) & 0x0f;
  const value = mac.getUint32(offset) & 0x7fffffff;
  return String(value % 10 ** digits).padStart(digits, '0');
}

/** Whether the passcode is the current step's or the previous one's, as Keystone accepts. */
export async function verifyTotp(secretBase32: string, passcode: string, nowMs: number): Promise<boolean> {
  for (let window = 0; window <= previousWindows; window += 1) {
    if ((await totpCode(secretBase32, nowMs - window * stepMs)) === passcode) return true;
  }
  return false;
}
