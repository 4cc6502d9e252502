import type { FastifyInstance } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { requireCaller } from '../http/caller';
import { createServiceApp } from '../http/service-app';
import { installNeutronErrors } from './errors';
import { registerResourceRoutes } from './routes';
import { registerVersionRoutes } from './versions';

export interface NeutronAppOptions {
  /**
   * Neutron's `pagination_max_limit`: -1 (the default, as upstream) for unlimited, so a list
   * without `limit` returns everything with no links; a positive value clamps every `limit` and
   * pages lists that ask for none.
   */
  paginationMaxLimit?: number;
}

/** Neutron v2.0 over the cloud's network state. */
export function createNeutronApp(cloud: SimulatedCloud, options: NeutronAppOptions = {}): FastifyInstance {
  const app = createServiceApp();
  installNeutronErrors(app);
  requireCaller(app, cloud, (path) => path === '/');
  registerVersionRoutes(app);
  registerResourceRoutes(app, cloud, options.paginationMaxLimit ?? -1);
  return app;
}
