/**
 * Failure injection for tests: arm a failure on a server and the next task of that action fails
 * midway, as a real compute host's would: a fault, a failed event, and the vm_state Nova leaves.
 * It lives in the server's metadata so that anything able to set metadata (a test holding the
 * cloud, or a client over HTTP) can arm it; it is removed when it fires.
 */
import type { Server } from '../model';

export const FAIL_KEY = 'simulator:fail';
export const FAIL_MESSAGE_KEY = 'simulator:fail-message';

/** The failure of one task, worded as Nova records it. */
export interface TaskFailure {
  /** The fault's message and the event's `details`. */
  message: string;
  /** What admins see as the event's `traceback` and the fault's `details`. */
  traceback: string;
}

/**
 * Makes the next `action` on the server fail midway. `action` is Nova's instance action name
 * (`reboot`, `stop`, `resize`, `createImage`, `confirmResize`, …) or `*` for whichever comes next.
 */
export function armFailure(server: Server, action: string, message?: string): void {
  server.metadata[FAIL_KEY] = action;
  if (message !== undefined) server.metadata[FAIL_MESSAGE_KEY] = message;
  else delete server.metadata[FAIL_MESSAGE_KEY];
}

/** The armed failure if it is meant for `action`, removed from the server so it fires once. */
export function takeFailure(server: Server, action: string): TaskFailure | undefined {
  const armed = server.metadata[FAIL_KEY];
  if (armed !== action && armed !== '*') return undefined;
  const message = server.metadata[FAIL_MESSAGE_KEY] ?? `Simulated failure of ${action} on the compute host`;
  delete server.metadata[FAIL_KEY];
  delete server.metadata[FAIL_MESSAGE_KEY];
  return failure(message);
}

/** A failure with a traceback shaped like the ones Nova stores for compute errors. */
export function failure(message: string, exception = 'nova.exception.NovaException'): TaskFailure {
  const traceback = [
    'Traceback (most recent call last):',
    '  File "/usr/lib/python3/dist-packages/nova/compute/manager.py", line 10523, in decorated_function',
    '    return function(self, context, *args, **kwargs)',
    `${exception}: ${message}`,
  ].join('\n');
  return { message, traceback };
}
