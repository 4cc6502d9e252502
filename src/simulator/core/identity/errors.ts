export type KeystoneErrorKind = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found';

/**
 * A failure as Keystone classifies it. For `unauthorized` the message is a detail for logs only:
 * Keystone (without insecure_debug) answers every 401 with the same generic text.
 */
export class KeystoneError extends Error {
  readonly kind: KeystoneErrorKind;

  constructor(kind: KeystoneErrorKind, message: string) {
    super(message);
    this.name = 'KeystoneError';
    this.kind = kind;
  }
}

export const tokenNotFound = (): KeystoneError => new KeystoneError('not_found', 'Failed to validate token');
