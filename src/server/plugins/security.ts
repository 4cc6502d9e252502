import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { csrfHeader } from '../../domain/api';
import { AppError } from '../errors';
import { isApiPath } from './error-handler';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Strict headers (CSP with no inline script; Radix's injected styles carry a per-request nonce),
 * and the CSRF rule: a state-changing API call must carry `X-Requested-With: stackdeck`, which a
 * cross-site form cannot send, and, when the browser names an Origin, come from our own.
 */
export const securityPlugin = fp(async (app: FastifyInstance) => {
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only makes sense behind TLS, which a reverse proxy terminates in production.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!isApiPath(request.url)) return;
    reply.header('cache-control', 'private, no-cache');
    if (safeMethods.has(request.method)) return;
    if (request.headers[csrfHeader.name] !== csrfHeader.value) {
      throw new AppError(403, 'auth.csrf', 'This request was refused because it did not come from the Stackdeck app.');
    }
    const origin = request.headers.origin;
    if (origin && origin !== `${request.protocol}://${request.host}`) {
      throw new AppError(403, 'auth.csrf', 'This request was refused because it came from another site.');
    }
  });
});
