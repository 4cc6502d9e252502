export type KeystoneErrorKind = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found';

/**
 * A failure as Keystone classifies it. For `unauthorized` the message is a detail for logs only:
 * Keystone (without insecure_debug) answers every 401 with the same generic text, unless the
 * exception's own message format names the problem (then `disclosed` is set).
 */
export class KeystoneError extends Error {
  readonly kind: KeystoneErrorKind;
  readonly disclosed: boolean;

  constructor(kind: KeystoneErrorKind, message: string, options: { disclosed?: boolean } = {}) {
    super(message);
    this.name = 'KeystoneError';
    this.kind = kind;
    this.disclosed = options.disclosed ?? false;
  }
}

export const tokenNotFound = (): KeystoneError => new KeystoneError('not_found', 'Failed to validate token');

/** A token string Keystone never issued: the Fernet formatter cannot even decrypt it. */
export const unrecognizedToken = (): KeystoneError => new KeystoneError('not_found', 'Could not recognize Fernet token');

/** Keystone's generic 401, with the real reason kept as the message for whoever debugs. */
export const unauthorized = (reason: string): KeystoneError => new KeystoneError('unauthorized', reason);

/** ForbiddenAction: Keystone shows the action, even without insecure_debug. */
export const forbiddenAction = (action: string): KeystoneError =>
  new KeystoneError('forbidden', `You are not authorized to perform the requested action: ${action}.`);
