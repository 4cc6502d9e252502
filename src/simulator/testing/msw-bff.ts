// Test helpers for the msw handler tests: the simulated BFF behind msw, signed in as a browser would be.
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, beforeAll, expect } from 'vitest';
import type { SimulatedCloud } from '../core/cloud';
import { createBffHandlers, type BffHandlers } from '../msw/bff-handlers';

/** msw answers whatever origin the handlers are asked on; this one names no real host. */
export const base = 'http://stackdeck.test';
/** The header the BFF's CSRF check asks of every unsafe request. */
export const csrf = { 'x-requested-with': 'stackdeck' };

/** One msw server for a test file, listening while its tests run; a request no handler answers fails the test. */
export function listeningServer(): SetupServer {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());
  return server;
}

/** A fresh BFF over `cloud` behind `server`, with demo signed in, so no session leaks between tests. */
export async function signedInBff(server: SetupServer, cloud: SimulatedCloud): Promise<BffHandlers> {
  const bff = createBffHandlers(cloud);
  server.resetHandlers(...bff.handlers);
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...csrf },
    body: JSON.stringify({ username: 'demo', password: 'demo' }),
  });
  expect(response.status).toBe(200);
  return bff;
}
