import type { FastifyInstance } from 'fastify';

/**
 * Starts the app on a loopback port, ephemeral unless one is asked for (never a fixed OpenStack
 * port by default, which a real cloud on the same machine may use), and returns its base URL,
 * `http://127.0.0.1:PORT`.
 */
export async function listenOnLoopback(app: FastifyInstance, port = 0): Promise<string> {
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The listener has no TCP address');
  return `http://127.0.0.1:${address.port}`;
}
