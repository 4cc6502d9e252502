import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isApiPath } from '../../domain/api';
import { sendNotFound } from './error-handler';
import { styleNonce } from './security';

/**
 * Serves the built SPA: hashed assets cached for good and sent compressed, and index.html for every other page GET so
 * that deep links work. index.html is templated per request with the CSP style nonce, which
 * Radix's injected <style> elements read (via get-nonce), so the CSP needs no 'unsafe-inline'.
 * Without a build, unknown paths get the API's 404 and the log says how to build.
 */
export const spaPlugin = fp(async (app: FastifyInstance, opts: { root: string }) => {
  const root = resolve(opts.root);
  const indexFile = join(root, 'index.html');
  const index = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;
  if (index) {
    const assets = join(root, 'assets');
    await app.register(fastifyStatic, {
      root,
      index: false,
      wildcard: false,
      // The build writes .br and .gz copies (vite-plugins/precompress.ts).
      preCompressed: true,
      setHeaders(res, path) {
        if (path.startsWith(assets)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  } else {
    app.log.warn({ root }, 'no built SPA found (npm run build): serving the API only');
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isPage = request.method === 'GET' && !isApiPath(path) && !/\.[a-z0-9]+$/i.test(path);
    if (!index || !isPage) return sendNotFound(request, reply);
    const nonce = styleNonce(request, reply);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(index.replace('<head>', `<head>\n    <meta property="csp-nonce" content="${nonce}" />`));
  });
});
