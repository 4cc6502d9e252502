import type { FastifyInstance } from 'fastify';
import { createServiceApp } from '../http/service-app';
import { registerVersionRoutes } from './versions';

export interface NovaAppOptions {
  /** The highest microversion the simulated Nova offers, "2.100" by default. */
  maxVersion?: string;
}

/** Nova v2.1. For now only its version documents; every other path is Nova's 404. */
export function createNovaApp(options: NovaAppOptions = {}): FastifyInstance {
  const maxVersion = options.maxVersion ?? '2.100';
  if (!/^2\.[1-9]\d*$/.test(maxVersion)) throw new RangeError(`Not a Nova microversion: ${maxVersion}`);
  const app = createServiceApp();
  // Nova sends its request id twice, under the old name too.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-compute-request-id', reply.getHeader('x-openstack-request-id'));
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ itemNotFound: { code: 404, message: 'The resource could not be found.' } }),
  );
  registerVersionRoutes(app, maxVersion);
  return app;
}
