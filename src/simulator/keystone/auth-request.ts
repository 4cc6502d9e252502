import { z } from 'zod';
import { KeystoneError } from '../core/identity/errors';
import type { AuthAttempt, PasswordCredentials } from '../core/identity/keystone';
import type { UserRef } from '../core/identity/lookup';
import type { ScopeRequest } from '../core/identity/scope';

const id = z.string().min(1);
const domainRef = z.union([z.object({ id }), z.object({ name: id })]);
const userRef = z.union([z.object({ id }), z.object({ name: id, domain: domainRef })]);
const passwordUser = z.union([
  z.object({ id, password: z.string() }),
  z.object({ name: id, domain: domainRef, password: z.string() }),
]);
const totpUser = z.intersection(userRef, z.object({ passcode: z.string() }));
const applicationCredential = z.union([
  z.object({ id, secret: z.string() }),
  z.object({ name: id, secret: z.string(), user: userRef }),
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
      totp: z.object({ user: totpUser }).optional(),
      application_credential: applicationCredential.optional(),
    }),
    scope: scope.optional(),
  }),
});
type Identity = z.infer<typeof authRequestSchema>['auth']['identity'];

/**
 * The core's auth attempt from a request body and its `Openstack-Auth-Receipt` header. Throws
 * KeystoneError `bad_request` for a body Keystone's validation refuses, including a listed method
 * without its data.
 */
export function parseAuthRequest(body: unknown, receipt: string | undefined): AuthAttempt {
  const parsed = authRequestSchema.safeParse(body);
  if (!parsed.success) throw new KeystoneError('bad_request', invalidInput(parsed.error));
  const { identity } = parsed.data.auth;
  const missing = methodsWithData.find((method) => identity.methods.includes(method) && identity[method] === undefined);
  if (missing) throw new KeystoneError('bad_request', `Expecting to find ${missing} in identity.`);
  return {
    methods: identity.methods,
    ...(identity.password && { password: toCredentials(identity.password.user) }),
    ...(identity.token && { token: identity.token.id }),
    ...(identity.totp && { totp: toTotp(identity.totp.user) }),
    ...(identity.application_credential && { applicationCredential: identity.application_credential }),
    scope: toScopeRequest(parsed.data.auth.scope),
    receipt,
  };
}

/** The methods whose data sits under their own name in `identity`. */
const methodsWithData = ['password', 'token', 'totp', 'application_credential'] as const satisfies (keyof Identity)[];

function toCredentials(user: z.infer<typeof passwordUser>): PasswordCredentials {
  if ('id' in user) return { userId: user.id, password: user.password };
  const domain = 'id' in user.domain ? { domainId: user.domain.id } : { domainName: user.domain.name };
  return { userName: user.name, ...domain, password: user.password };
}

function toTotp(user: z.infer<typeof totpUser>): { user: UserRef; passcode: string } {
  const ref: UserRef = 'id' in user ? { id: user.id } : { name: user.name, domain: user.domain };
  return { user: ref, passcode: user.passcode };
}

function toScopeRequest(requested: z.infer<typeof scope> | undefined): ScopeRequest {
  if (requested === undefined) return 'default';
  if (requested === 'unscoped' || !('system' in requested)) return requested;
  return { system: 'all' };
}

function invalidInput(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid input.';
  return `Invalid input for field '${issue.path.join('.') || 'body'}': ${issue.message}`;
}
