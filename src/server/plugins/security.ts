import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { csrfHeader, isApiPath } from '../../domain/api';
import { AppError } from '../errors';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const directives = {
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
};

/**
 * Built once, so its header values are computed once: @fastify/helmet built helmet again on every
 * request to put fresh nonces in every answer's CSP, JSON included (about 60 µs of a list call).
 */
const strictHeaders = helmet({
  contentSecurityPolicy: { directives },
  // HSTS only makes sense behind TLS, which a reverse proxy terminates in production.
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
});

/** The strict headers, also for answers the router gives before any hook runs (error-handler.ts). */
export function applyStrictHeaders(request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void {
  strictHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
}

const styleNonces = new WeakMap<IncomingMessage, string>();
const pagePolicy = helmet.contentSecurityPolicy({
  directives: { ...directives, styleSrc: [...directives.styleSrc, (req) => `'nonce-${styleNonces.get(req) ?? ''}'`] },
});

/**
 * A fresh nonce for the styles Radix injects into a page, allowed by that page's CSP. Only an
 * HTML page has elements a nonce could admit, so only a page gets one.
 */
export function styleNonce(request: FastifyRequest, reply: FastifyReply): string {
  const nonce = randomBytes(16).toString('hex');
  styleNonces.set(request.raw, nonce);
  pagePolicy(request.raw, reply.raw, (error) => {
    if (error) throw error;
  });
  return nonce;
}

/** A year, as browsers' preload lists ask; no `includeSubDomains`, which would bind the operator's other hosts. */
const hsts = 'max-age=31536000';

/**
 * Strict headers (CSP with no inline script; a page's styles carry a per-request nonce; HSTS
 * whenever the request came over HTTPS, directly or through a trusted proxy), and the CSRF rule:
 * every request with an unsafe method must carry `X-Requested-With: stackdeck`, which a
 * cross-site form cannot send and a cross-origin script cannot add without a CORS preflight we
 * never grant, and, when the browser names an Origin, come from our own.
 *
 * The rule holds for every unsafe request whatever its path: the router decodes `/%61pi/…`,
 * collapses nothing and accepts absolute-form targets (`POST http://host/api/…`), so a check that
 * reads the raw URL to decide what is "the API" can be walked around. Nothing here serves an
 * unsafe method without the app behind it.
 */
export const securityPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', (request, reply, done) => applyStrictHeaders(request, reply, done));

  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', hsts);
    // The routed path, decoded as the router decoded it (the raw URL for a path with no route).
    if (isApiPath(request.routeOptions.url ?? request.url)) reply.header('cache-control', 'private, no-cache');
    if (safeMethods.has(request.method)) return;
    if (request.headers[csrfHeader.name] !== csrfHeader.value) {
      throw new AppError(403, 'auth.csrf', 'This request was refused because it did not come from the Stackdeck app.');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `${request.protocol}://${request.host}`) {
      throw new AppError(403, 'auth.csrf', 'This request was refused because it came from another site.');
    }
  });
});
