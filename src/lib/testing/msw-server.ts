import { setupServer } from 'msw/node';
import { createBffHandlers, type BffHandlers } from '../../simulator/msw/bff-handlers';

/** The one msw server of the SPA tests; a test adds its own handlers with `server.use(...)`. */
export const server = setupServer();

let current: BffHandlers | undefined;

/** Replaces the simulated BFF with a fresh one: no session or state leaks between tests. */
export function resetBff(): BffHandlers {
  current = createBffHandlers();
  server.resetHandlers(...current.handlers);
  return current;
}

/** The simulated BFF of the running test, e.g. to look at its session. */
export function bff(): BffHandlers {
  if (!current) throw new Error('bff() is only available inside a test');
  return current;
}
