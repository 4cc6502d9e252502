import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestOrigin } from '../http/service-app';

/** Glance's minor versions, newest first: v2.16 is current, every older v2.x is still served. */
const minorVersions = Array.from({ length: 17 }, (_, i) => 16 - i);

function versions(request: FastifyRequest) {
  const href = `${requestOrigin(request)}/v2/`;
  return {
    versions: minorVersions.map((minor) => ({ id: `v2.${minor}`, status: minor === 16 ? 'CURRENT' : 'SUPPORTED', links: [{ rel: 'self', href }] })),
  };
}

/** `GET /` answers 300 Multiple Choices (the openstack CLI reads v2.x there); `GET /versions` 200. */
export function registerVersionRoutes(app: FastifyInstance): void {
  app.get('/', async (request, reply) => reply.code(300).send(versions(request)));
  app.get('/versions', async (request) => versions(request));
}
