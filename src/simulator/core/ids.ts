// Web Crypto rather than node:crypto: the core also runs inside msw handlers in jsdom and browsers.

/** A Keystone-style id: a uuid4 as 32 hex digits. */
export function hexId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function randomBase64url(byteCount: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/**
 * An opaque, unguessable token id shaped like a fernet token (180 characters starting `gAAAAA`, as
 * Keystone's do), so tests can search a browser's traffic for anything that looks like a token.
 */
export function opaqueTokenId(): string {
  return `gAAAAA${randomBase64url(131)}`.slice(0, 180);
}

/** An audit id as Keystone makes them: 16 random bytes, base64url without padding (22 characters). */
export function auditId(): string {
  return randomBase64url(16);
}
