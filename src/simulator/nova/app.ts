import type { FastifyInstance } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { requireCaller } from '../http/caller';
import { createServiceApp } from '../http/service-app';
import { registerNovaFaults } from './faults';
import { registerMicroversions } from './microversion';
import { registerVersionRoutes } from './versions';

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
  return app;
}
