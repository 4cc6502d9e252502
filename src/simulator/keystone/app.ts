import type { FastifyInstance } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { createServiceApp } from '../http/service-app';
import { registerAuthScopeRoutes } from './auth-scope-routes';
import { installKeystoneErrors } from './errors';
import { installFaults, type KeystoneFault } from './faults';
import { registerProjectRoutes } from './project-routes';
import { registerTokenRoutes } from './token-routes';
import { registerVersionRoutes } from './versions';

export interface KeystoneAppOptions {
  /** Read at every request; see KeystoneFault. */
  fault?: () => KeystoneFault | undefined;
}

/** Keystone v3 over the cloud's identity state: version documents, tokens, scopes and project lists. */
export function createKeystoneApp(cloud: SimulatedCloud, options: KeystoneAppOptions = {}): FastifyInstance {
  const app = createServiceApp();
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('vary', 'X-Auth-Token');
  });
  if (options.fault) installFaults(app, options.fault);
  // Keystone reads the body as JSON whatever its Content-Type says.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  installKeystoneErrors(app);
  registerVersionRoutes(app);
  registerTokenRoutes(app, cloud.keystone);
  registerProjectRoutes(app, cloud.keystone);
  registerAuthScopeRoutes(app, cloud.keystone);
  return app;
}
