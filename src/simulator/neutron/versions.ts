import type { FastifyInstance } from 'fastify';
import { requestOrigin } from '../http/service-app';

/** The core resources `GET /v2.0/` lists (pecan's V2Controller), each with its self link. */
const coreResources = [
  ['network', 'networks'],
  ['subnet', 'subnets'],
  ['port', 'ports'],
] as const;

/**
 * `GET /` (open, as keystonemiddleware sits behind it) lists the one API, which the openstack CLI
 * needs to find v2.0; `GET /v2.0/` lists its core resources.
 */
export function registerVersionRoutes(app: FastifyInstance): void {
  app.get('/', async (request) => ({
    versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ href: `${requestOrigin(request)}/v2.0/`, rel: 'self' }] }],
  }));
  app.get('/v2.0', async (request) => ({
    resources: coreResources.map(([name, collection]) => ({
      name,
      collection,
      links: [{ rel: 'self', href: `${requestOrigin(request)}/v2.0/${collection}` }],
    })),
  }));
}
