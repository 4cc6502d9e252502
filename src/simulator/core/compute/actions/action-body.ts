import { ComputeError, invalidRequest } from './errors';

export interface ActionBody {
  /** The action's name: the body's single key, e.g. `os-stop`. */
  key: string;
  /** The whole decoded body, which the action's schema validates. */
  body: Record<string, unknown>;
}

/**
 * nova/api/openstack/wsgi.py::action_peek on the raw body text: it must decode and have exactly
 * one key. Python's `len()` and `.keys()` on what JSON decoded decide the edge cases, so a body
 * that is a one-item list or a number falls through to the 404 Nova's dispatcher gives.
 */
export function peekAction(text: string): ActionBody {
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch {
    throw invalidRequest('Malformed request body');
  }
  if (typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded)) {
    const keys = Object.keys(decoded);
    if (keys.length !== 1) throw invalidRequest('Malformed request body');
    return { key: keys[0] as string, body: decoded as Record<string, unknown> };
  }
  if ((typeof decoded === 'string' || Array.isArray(decoded)) && decoded.length !== 1) throw invalidRequest('Malformed request body');
  throw new ComputeError(404, 'The resource could not be found.');
}
