import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbiddenAction, tokenNotFound } from '../core/identity/errors';
import type { Keystone } from '../core/identity/keystone';
import type { KeystoneToken } from '../core/identity/wire';
import { parseAuthRequest } from './auth-request';
import { callerToken, hasAdminRole, singleHeader } from './caller-token';

interface TokenQuery {
  Querystring: { nocatalog?: string; allow_expired?: string };
}

export function registerTokenRoutes(app: FastifyInstance, keystone: Keystone): void {
  app.post<TokenQuery>('/v3/auth/tokens', async (request, reply) => {
    const attempt = parseAuthRequest(request.body, singleHeader(request, 'openstack-auth-receipt'));
    const outcome = await keystone.authenticate(attempt);
    if (outcome.kind === 'receipt') {
      // Not Keystone's error envelope: the receipt says which methods are still missing.
      return reply.code(401).header('openstack-auth-receipt', outcome.receipt.id).send(outcome.receipt.body);
    }
    return reply
      .code(201)
      .header('x-subject-token', outcome.issued.id)
      .send({ token: catalogAsAsked(request, outcome.issued.token) });
  });

  // Fastify answers HEAD from this route too: the same status and headers, no body.
  app.get<TokenQuery>('/v3/auth/tokens', async (request, reply) => {
    const { subjectId, subject } = subjectToken(keystone, request, 'identity:validate_token');
    return reply.header('x-subject-token', subjectId).send({ token: catalogAsAsked(request, subject) });
  });

  app.delete<TokenQuery>('/v3/auth/tokens', async (request, reply) => {
    const { subjectId } = subjectToken(keystone, request, 'identity:revoke_token');
    keystone.revokeToken(subjectId);
    return reply.code(204).send();
  });
}

/**
 * The X-Subject-Token's body, once the caller may see it: Keystone's default policy (its
 * deprecated rule is still ORed in) lets the token's own user or anyone with the admin role through.
 */
function subjectToken(
  keystone: Keystone,
  request: FastifyRequest<TokenQuery>,
  action: string,
): { subjectId: string; subject: KeystoneToken } {
  const caller = callerToken(keystone, request);
  const subjectId = singleHeader(request, 'x-subject-token');
  if (!subjectId) throw tokenNotFound();
  const allowExpired = /^(1|true|yes|on|y|t)$/i.test(request.query.allow_expired ?? '');
  const subject = keystone.validateToken(subjectId, { allowExpired });
  if (subject.user.id !== caller.user.id && !hasAdminRole(caller)) {
    throw forbiddenAction(action);
  }
  return { subjectId, subject };
}

/** `?nocatalog` (with or without a value) leaves the catalog out. */
function catalogAsAsked(request: FastifyRequest<TokenQuery>, token: KeystoneToken): KeystoneToken {
  if (request.query.nocatalog === undefined) return token;
  const rest = { ...token };
  delete rest.catalog;
  return rest;
}
