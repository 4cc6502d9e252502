import type { FastifyInstance } from 'fastify';
import { requestOrigin } from '../http/service-app';

function v3(origin: string) {
  return {
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${origin}/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  };
}

/** The version documents keystoneauth and the openstack CLI discover the API from. */
export function registerVersionRoutes(app: FastifyInstance): void {
  app.get('/', async (request, reply) => reply.code(300).send({ versions: { values: [v3(requestOrigin(request))] } }));
  app.get('/v3', async (request) => ({ version: v3(requestOrigin(request)) }));
}
