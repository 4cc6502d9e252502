import type { FastifyInstance } from 'fastify';
import { createServiceApp, requestOrigin } from '../http/service-app';

/** Neutron v2.0. For now only its version document; every other path is a NeutronError 404. */
export function createNeutronApp(): FastifyInstance {
  const app = createServiceApp();
  app.setNotFoundHandler((_request, reply) =>
    reply
      .code(404)
      .send({ NeutronError: { type: 'HTTPNotFound', message: 'The resource could not be found.', detail: '' } }),
  );
  app.get('/', async (request) => ({
    versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ href: `${requestOrigin(request)}/v2.0/`, rel: 'self' }] }],
  }));
  return app;
}
