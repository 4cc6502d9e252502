import type { FastifyInstance } from 'fastify';
import { createServiceApp, requestOrigin } from '../http/service-app';

/** Glance's minor versions, newest first: v2.16 is current, every older v2.x is still served. */
const minorVersions = Array.from({ length: 17 }, (_, i) => 16 - i);

/** Glance v2. For now only its version document; other paths get webob's plain-text 404. */
export function createGlanceApp(): FastifyInstance {
  const app = createServiceApp();
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).type('text/plain; charset=UTF-8').send('404 Not Found\n\nThe resource could not be found.\n\n   '),
  );
  app.get('/', async (request, reply) => {
    const href = `${requestOrigin(request)}/v2/`;
    const versions = minorVersions.map((minor) => ({
      id: `v2.${minor}`,
      status: minor === 16 ? 'CURRENT' : 'SUPPORTED',
      links: [{ rel: 'self', href }],
    }));
    return reply.code(300).send({ versions });
  });
  return app;
}
