import type { FastifyInstance } from 'fastify';
import { KeystoneError } from '../core/identity/errors';
import type { Keystone } from '../core/identity/keystone';
import { requestOrigin } from '../http/service-app';
import { callerToken } from './caller-token';
import { keystoneMessages } from './errors';
import { collectionLinks } from './project-routes';

/** The other scopes a token may ask for, and the catalog of the token in hand. */
export function registerAuthScopeRoutes(app: FastifyInstance, keystone: Keystone): void {
  app.get('/v3/auth/catalog', async (request) => {
    if (!callerToken(keystone, request).project) {
      // Keystone's reason ("A project-scoped token is required…") is hidden behind the generic 403.
      throw new KeystoneError('forbidden', keystoneMessages.forbidden);
    }
    return { catalog: keystone.catalog(), links: collectionLinks(request) };
  });

  // The simulator grants no role on a domain or on the system, so both lists are empty.
  app.get('/v3/auth/domains', async (request) => {
    callerToken(keystone, request);
    return { domains: [], links: collectionLinks(request) };
  });

  app.get('/v3/auth/system', async (request) => {
    callerToken(keystone, request);
    // Keystone builds this body by hand: its links have no previous or next.
    return { system: [], links: { self: `${requestOrigin(request)}/v3/auth/system` } };
  });
}
