import type { FastifyInstance } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { requireCaller } from '../http/caller';
import { createServiceApp } from '../http/service-app';
import { installNeutronErrors } from './errors';
import { type ListingExtension, registerResourceRoutes } from './routes';
import { registerVersionRoutes } from './versions';

export interface NeutronAppOptions {
  /**
   * Neutron's `pagination_max_limit`: -1 (the default, as upstream) for unlimited, so a list
   * without `limit` returns everything with no links; a positive value clamps every `limit` and
   * pages lists that ask for none.
   */
  paginationMaxLimit?: number;
  /**
   * Extensions this Neutron does not load, to play a cloud configured without them: without
   * `pagination` it ignores `limit`, `marker` and `page_reverse` (every row, no links), without
   * `sorting` it ignores `sort_key`/`sort_dir`, and without `filter-validation` it ignores a
   * filter it does not know instead of answering 400.
   */
  withoutExtensions?: ReadonlyArray<ListingExtension>;
}

/** Neutron v2.0 over the cloud's network state. */
export function createNeutronApp(cloud: SimulatedCloud, options: NeutronAppOptions = {}): FastifyInstance {
  const app = createServiceApp();
  installNeutronErrors(app);
  requireCaller(app, cloud, (path) => path === '/');
  registerVersionRoutes(app);
  const without = new Set(options.withoutExtensions ?? []);
  registerResourceRoutes(app, cloud, {
    maxLimit: options.paginationMaxLimit ?? -1,
    pagination: !without.has('pagination'),
    sorting: !without.has('sorting'),
    filterValidation: !without.has('filter-validation'),
  });
  return app;
}
