import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';

/**
 * A Fastify app as every simulated service starts: quiet, `/v2.1` and `/v2.1/` alike (OpenStack
 * clients use both), and an `x-openstack-request-id` on every response, errors included.
 */
export function createServiceApp(): FastifyInstance {
  const app = Fastify({ logger: false, routerOptions: { ignoreTrailingSlash: true } });
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-openstack-request-id', `req-${crypto.randomUUID()}`);
  });
  return app;
}

/** `http://host:port` as the client addressed us: OpenStack builds its links from the request. */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
