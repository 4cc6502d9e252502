// Test helpers: raw Keystone calls over HTTP, as a client sends them.
import { tokenBodySchema } from '../../domain/identity';
import type { KeystoneToken } from '../core/identity/wire';

export const demoUser = { name: 'demo', domain: { name: 'Default' }, password: 'demo' };

export function passwordAuth(user: object, scope?: unknown): object {
  return methodsAuth({ password: { user } }, scope);
}

/** A body with any mix of methods, e.g. `{ password: { user }, totp: { user } }`; the keys are the methods. */
export function methodsAuth(identity: Record<string, unknown>, scope?: unknown): object {
  return {
    auth: {
      identity: { methods: Object.keys(identity), ...identity },
      ...(scope === undefined ? {} : { scope }),
    },
  };
}

export async function postToken(
  authUrl: string,
  body: unknown,
  query = '',
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${authUrl}/auth/tokens${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * The new token's id and body; throws when Keystone refuses or when the body does not read with
 * the schema the BFF reads tokens with.
 */
export async function issueToken(
  authUrl: string,
  body: unknown,
  query = '',
  headers: Record<string, string> = {},
): Promise<{ id: string; token: KeystoneToken }> {
  const response = await postToken(authUrl, body, query, headers);
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  const id = response.headers.get('x-subject-token');
  if (!id) throw new Error('no X-Subject-Token');
  return { id, token: readToken(await response.json()) };
}

export function readToken(json: unknown): KeystoneToken {
  tokenBodySchema.parse(json);
  return (json as { token: KeystoneToken }).token;
}

export function tokenHeaders(caller: string, subject: string): Record<string, string> {
  return { 'x-auth-token': caller, 'x-subject-token': subject };
}
