import type { FastifyInstance, FastifyRequest } from 'fastify';
import { KeystoneError, tokenNotFound } from '../core/identity/errors';
import type { IssuedToken, Keystone, PasswordCredentials } from '../core/identity/keystone';
import type { ScopeRequest } from '../core/identity/scope';
import type { KeystoneToken } from '../core/identity/wire';
import { parseAuthRequest } from './auth-request';
import { callerToken, singleHeader } from './caller-token';

interface TokenQuery {
  Querystring: { nocatalog?: string; allow_expired?: string };
}

export function registerTokenRoutes(app: FastifyInstance, keystone: Keystone): void {
  app.post<TokenQuery>('/v3/auth/tokens', async (request, reply) => {
    const auth = parseAuthRequest(request.body);
    const issued =
      auth.method === 'token'
        ? keystone.rescopeToken(auth.tokenId, auth.scope)
        : passwordToken(keystone, auth.credentials, auth.scope);
    return reply
      .code(201)
      .header('x-subject-token', issued.id)
      .send({ token: catalogAsAsked(request, issued.token) });
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

function passwordToken(keystone: Keystone, credentials: PasswordCredentials, scope: ScopeRequest): IssuedToken {
  const user = keystone.authenticatePassword(credentials);
  if (!user) throw new KeystoneError('unauthorized', 'Invalid username or password');
  return keystone.issueToken({ userId: user.id, methods: ['password'], scope });
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
  const isAdmin = caller.roles?.some((r) => r.name === 'admin') ?? false;
  if (subject.user.id !== caller.user.id && !isAdmin) {
    throw new KeystoneError('forbidden', `You are not authorized to perform the requested action: ${action}.`);
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
