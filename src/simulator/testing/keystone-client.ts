// Test helpers: raw Keystone calls over HTTP, as a client sends them.
import { tokenBodySchema } from '../../domain/identity';
import type { KeystoneToken } from '../core/identity/wire';

export const demoUser = { name: 'demo', domain: { name: 'Default' }, password: 'demo' };

export function passwordAuth(user: object, scope?: unknown): object {
  return {
    auth: {
      identity: { methods: ['password'], password: { user } },
      ...(scope === undefined ? {} : { scope }),
    },
  };
}

export async function postToken(authUrl: string, body: unknown, query = ''): Promise<Response> {
  return fetch(`${authUrl}/auth/tokens${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
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
): Promise<{ id: string; token: KeystoneToken }> {
  const response = await postToken(authUrl, body, query);
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
