import { z } from 'zod';
import { KeystoneError } from '../core/identity/errors';
import type { PasswordCredentials } from '../core/identity/keystone';
import type { ScopeRequest } from '../core/identity/scope';

const id = z.string().min(1);
const domainRef = z.union([z.object({ id }), z.object({ name: id })]);
const passwordUser = z.union([
  z.object({ id, password: z.string() }),
  z.object({ name: id, domain: domainRef, password: z.string() }),
]);
const scope = z.union([
  z.literal('unscoped'),
  z.object({ project: z.union([z.object({ id }), z.object({ name: id, domain: domainRef })]) }),
  z.object({ domain: domainRef }),
  z.object({ system: z.object({ all: z.literal(true) }) }),
]);

/** The body of POST /v3/auth/tokens, for the methods the simulator supports. */
const authRequestSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).min(1),
      password: z.object({ user: passwordUser }).optional(),
      token: z.object({ id }).optional(),
    }),
    scope: scope.optional(),
  }),
});

export type AuthRequest =
  | { method: 'password'; credentials: PasswordCredentials; scope: ScopeRequest }
  | { method: 'token'; tokenId: string; scope: ScopeRequest };

/** Throws KeystoneError: `bad_request` for a body Keystone's schema refuses, `unauthorized` for a method it lacks. */
export function parseAuthRequest(body: unknown): AuthRequest {
  const parsed = authRequestSchema.safeParse(body);
  if (!parsed.success) throw new KeystoneError('bad_request', invalidInput(parsed.error));
  const { identity } = parsed.data.auth;
  const scopeRequest = toScopeRequest(parsed.data.auth.scope);

  // Keystone runs every listed method (MFA); the simulator has no multi-method users yet.
  const [method, ...others] = identity.methods;
  if (others.length > 0) throw new KeystoneError('unauthorized', 'Only one auth method at a time is supported');
  if (method === 'password') {
    if (!identity.password) throw missing('password');
    return { method, credentials: toCredentials(identity.password.user), scope: scopeRequest };
  }
  if (method === 'token') {
    if (!identity.token) throw missing('token');
    return { method, tokenId: identity.token.id, scope: scopeRequest };
  }
  throw new KeystoneError('unauthorized', `Attempted to authenticate with an unsupported method: ${method}`);
}

function toCredentials(user: z.infer<typeof passwordUser>): PasswordCredentials {
  if ('id' in user) return { userId: user.id, password: user.password };
  const domain = 'id' in user.domain ? { domainId: user.domain.id } : { domainName: user.domain.name };
  return { userName: user.name, ...domain, password: user.password };
}

function toScopeRequest(requested: z.infer<typeof scope> | undefined): ScopeRequest {
  if (requested === undefined) return 'default';
  if (requested === 'unscoped' || !('system' in requested)) return requested;
  return { system: 'all' };
}

function missing(method: string): KeystoneError {
  return new KeystoneError('bad_request', `Expecting to find ${method} in identity.`);
}

function invalidInput(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid input.';
  return `Invalid input for field '${issue.path.join('.') || 'body'}': ${issue.message}`;
}
