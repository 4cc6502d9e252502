import type { FastifyInstance } from 'fastify';

/**
 * Starts the app on an ephemeral loopback port (never a fixed OpenStack port, which a real cloud on
 * the same machine may use) and returns its base URL, `http://127.0.0.1:PORT`.
 */
export async function listenOnLoopback(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The listener has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}
