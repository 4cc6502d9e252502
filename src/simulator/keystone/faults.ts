import type { FastifyInstance } from 'fastify';
import { keystoneMessages, sendKeystoneError } from './errors';

/**
 * Ways Keystone can misbehave, for the BFF's tests: `down` is a proxy's 503 in front of a dead
 * Keystone, `garbage` a 200 HTML page (a captive portal or a misrouted URL), `error500` Keystone's own 500.
 */
export type KeystoneFault = 'down' | 'garbage' | 'error500';

const proxyDownPage =
  '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n';
const garbagePage = '<!DOCTYPE html>\n<html><head><title>Welcome</title></head><body><p>It works!</p></body></html>\n';

/** Answers every request with the current fault, read at each request so it can change at runtime. */
export function installFaults(app: FastifyInstance, currentFault: () => KeystoneFault | undefined): void {
  app.addHook('onRequest', async (request, reply) => {
    switch (currentFault()) {
      case 'down':
        return reply.code(503).type('text/html').send(proxyDownPage);
      case 'garbage':
        return reply.code(200).type('text/html').send(garbagePage);
      case 'error500':
        return sendKeystoneError(request, reply, 500, keystoneMessages.internal);
      case undefined:
        return undefined;
    }
  });
}
