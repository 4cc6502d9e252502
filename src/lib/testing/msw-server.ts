import { setupServer } from 'msw/node';
import type { SimulatedCloud } from '../../simulator/core/cloud';
import { createBffHandlers, type BffHandlers } from '../../simulator/msw/bff-handlers';

/** The one msw server of the SPA tests; a test adds its own handlers with `server.use(...)`. */
export const server = setupServer();

let current: BffHandlers | undefined;

/**
 * Replaces the simulated BFF with a fresh one: no session or state leaks between tests. A test
 * that needs another cloud (more servers) passes its own.
 */
export function resetBff(cloud?: SimulatedCloud): BffHandlers {
  current = createBffHandlers(cloud);
  server.resetHandlers(...current.handlers);
  return current;
}

/** The simulated BFF of the running test, e.g. to look at its session. */
export function bff(): BffHandlers {
  if (!current) throw new Error('bff() is only available inside a test');
  return current;
}
