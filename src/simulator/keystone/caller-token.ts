import type { FastifyRequest } from 'fastify';
import { KeystoneError } from '../core/identity/errors';
import type { Keystone } from '../core/identity/keystone';
import type { KeystoneToken } from '../core/identity/wire';

export function singleHeader(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The body of the X-Auth-Token; a missing or bad caller token is a 401 (a bad subject token is a 404). */
export function callerToken(keystone: Keystone, request: FastifyRequest): KeystoneToken {
  const tokenId = singleHeader(request, 'x-auth-token');
  if (!tokenId) throw new KeystoneError('unauthorized', 'No X-Auth-Token');
  try {
    return keystone.validateToken(tokenId);
  } catch (error) {
    throw error instanceof KeystoneError ? new KeystoneError('unauthorized', 'Invalid X-Auth-Token') : error;
  }
}

/** Keystone's `admin_required` policy rule: the admin role on the token. */
export function hasAdminRole(token: KeystoneToken): boolean {
  return token.roles?.some((role) => role.name === 'admin') ?? false;
}
