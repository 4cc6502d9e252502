import type { FastifyInstance } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { requireCaller } from '../http/caller';
import { registerActionRoutes } from './action-routes';
import { createServiceApp } from '../http/service-app';
import { badRequest, registerNovaFaults } from './faults';
import { registerFlavorRoutes } from './flavor-routes';
import { registerInstanceActionRoutes } from './instance-action-routes';
import { registerKeypairRoutes } from './keypair-routes';
import { registerLimitRoutes } from './limit-routes';
import { registerMicroversions } from './microversion';
import { registerServerRoutes } from './server-routes';
import { registerVersionRoutes } from './versions';
import { registerZoneRoutes } from './zone-routes';

export interface NovaAppOptions {
  /** The highest microversion the simulated Nova offers, "2.100" by default. */
  maxVersion?: string | undefined;
}

/** Nova v2.1 over the cloud's compute state. */
export function createNovaApp(cloud: SimulatedCloud, options: NovaAppOptions = {}): FastifyInstance {
  const maxVersion = options.maxVersion ?? '2.100';
  if (!/^2\.[1-9]\d*$/.test(maxVersion)) throw new RangeError(`Not a Nova microversion: ${maxVersion}`);
  const app = createServiceApp();
  // Nova sends its request id twice, under the old name too.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-compute-request-id', reply.getHeader('x-openstack-request-id'));
  });
  registerNovaFaults(app);
  registerVersionRoutes(app, maxVersion);
  requireCaller(app, cloud, (path) => path === '/' || path === '/v2.1' || path === '/v2.1/');
  registerMicroversions(app, maxVersion);
  // Catalogs list `/v2.1`, older ones `/v2.1/{project_id}`: the API answers under both.
  const api = computeApi(cloud);
  app.register(api, { prefix: '/v2.1' });
  app.register(api, { prefix: '/v2.1/:project_id' });
  return app;
}

/** Every resource of the compute API, registered once per URL form. */
function computeApi(cloud: SimulatedCloud) {
  return async (api: FastifyInstance): Promise<void> => {
    api.addHook('preHandler', async (request) => {
      const inUrl = (request.params as { project_id?: string }).project_id;
      if (inUrl !== undefined && inUrl !== request.caller.projectId) {
        throw badRequest(`Malformed request URL: URL's project_id '${inUrl}' doesn't match Context's project_id '${request.caller.projectId}'`);
      }
    });
    registerServerRoutes(api, cloud);
    registerFlavorRoutes(api, cloud);
    registerLimitRoutes(api, cloud);
    registerZoneRoutes(api);
    registerKeypairRoutes(api);
    registerActionRoutes(api, cloud);
    registerInstanceActionRoutes(api, cloud);
  };
}
