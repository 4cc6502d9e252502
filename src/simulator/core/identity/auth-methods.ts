import type { Clock } from '../clock';
import { forbiddenAction, KeystoneError, tokenNotFound, unauthorized } from './errors';
import { applicationCredentialRoles, findDomain, findUser, type DomainRef, type UserRef } from './lookup';
import type { ApplicationCredential, IdentityStore, User } from './store';
import type { TokenChain, TokenService } from './tokens';
import { verifyTotp } from './totp';

/** A user by id, or by name within a domain given by id or name (as in a Keystone password body). */
export interface PasswordCredentials {
  password: string;
  userId?: string;
  userName?: string;
  domainId?: string;
  domainName?: string;
}

export type ApplicationCredentialRef = { id: string } | { name: string; user: UserRef };

/** The `identity` part of a token request, method by method, as far as the simulator supports them. */
export interface IdentityClaims {
  password?: PasswordCredentials;
  /** The `token` method: the id of the token to trade. */
  token?: string;
  totp?: { user: UserRef; passcode: string };
  applicationCredential?: ApplicationCredentialRef & { secret: string };
}

/** What one auth method proved, as a Keystone auth plugin puts it into the auth context. */
export interface MethodProof {
  userId: string;
  /** Methods proven: the token method also carries its token's own methods forward. */
  methods: string[];
  chain?: TokenChain;
  applicationCredential?: ApplicationCredential;
}

export interface MethodContext {
  store: IdentityStore;
  clock: Clock;
  tokens: TokenService;
  /** Whether the request has a `scope` key: an application credential's token may not choose one. */
  scopeRequested: boolean;
}

/** The user, or null for a wrong password, an unknown or disabled user or domain (all alike). */
export function checkPassword(store: IdentityStore, credentials: PasswordCredentials): User | null {
  const ref = passwordUserRef(credentials);
  const user = ref && findUser(store, ref);
  return user && store.passwords.get(user.id) === credentials.password ? user : null;
}

/** Runs one auth method, as Keystone's plugin of that name; throws KeystoneError when it fails. */
export async function proveMethod(context: MethodContext, method: string, claims: IdentityClaims): Promise<MethodProof> {
  switch (method) {
    case 'password':
      return provePassword(context, claims.password);
    case 'totp':
      return proveTotp(context, claims.totp);
    case 'application_credential':
      return proveApplicationCredential(context, claims.applicationCredential);
    case 'token':
      return proveToken(context, claims.token);
    default:
      throw unauthorized(`Attempted to authenticate with an unsupported method: ${method}`);
  }
}

function provePassword({ store }: MethodContext, credentials: PasswordCredentials | undefined): MethodProof {
  const user = credentials && checkPassword(store, credentials);
  if (!user) throw unauthorized('Invalid username or password');
  return { userId: user.id, methods: ['password'] };
}

async function proveTotp({ store, clock }: MethodContext, claim: IdentityClaims['totp']): Promise<MethodProof> {
  const user = claim && findUser(store, claim.user);
  const secret = user && store.totpSecrets.get(user.id);
  if (!user || !secret || !(await verifyTotp(secret, claim.passcode, clock.now()))) {
    throw unauthorized('Invalid username or TOTP passcode');
  }
  return { userId: user.id, methods: ['totp'] };
}

/**
 * As Keystone: an unknown credential id is a 404 (its lookup runs before the plugin), an unknown
 * user name too; a wrong secret, a disabled user or a credential whose roles the user no longer
 * holds is a 401. The token is always scoped to the credential's project.
 */
function proveApplicationCredential(
  { store, scopeRequested }: MethodContext,
  claim: IdentityClaims['applicationCredential'],
): MethodProof {
  if (!claim) throw unauthorized('No application credential');
  if (scopeRequested) {
    throw new KeystoneError(
      'unauthorized',
      'Error authenticating with application credential: Application credentials cannot request a scope.',
      { disclosed: true },
    );
  }
  const credential = findApplicationCredential(store, claim);
  const user = findUser(store, { id: credential.userId });
  if (store.applicationCredentialSecrets.get(credential.id) !== claim.secret || !user) {
    throw unauthorized('Invalid application credential ID or secret');
  }
  if (applicationCredentialRoles(store, credential).length === 0) {
    throw unauthorized(`User ${user.id} has no access to project ${credential.projectId}`);
  }
  return { userId: user.id, methods: ['application_credential'], applicationCredential: credential };
}

function findApplicationCredential(store: IdentityStore, ref: ApplicationCredentialRef): ApplicationCredential {
  if ('id' in ref) {
    const credential = store.applicationCredentials.get(ref.id);
    if (!credential) throw new KeystoneError('not_found', `Could not find Application Credential: ${ref.id}.`);
    return credential;
  }
  const userId = 'id' in ref.user ? ref.user.id : userIdByName(store, ref.user.name, ref.user.domain);
  const matches = [...store.applicationCredentials.values()].filter((c) => c.userId === userId && c.name === ref.name);
  const [credential] = matches;
  if (!credential || matches.length > 1) throw unauthorized(`Could not find application credential: ${ref.name}`);
  return credential;
}

function userIdByName(store: IdentityStore, name: string, domainRef: DomainRef): string {
  const domain = findDomain(store, domainRef);
  if (!domain) throw unauthorized('Could not find the user’s domain');
  const user = [...store.users.values()].find((u) => u.name === name && u.domainId === domain.id);
  if (!user) throw new KeystoneError('not_found', `Could not find user: ${name}.`);
  return user.id;
}

/**
 * The `token` method (rescoping): the new token keeps the old one's expiry and audit chain. A token
 * made by an application credential may be traded only for the same scope (no `scope` key).
 */
function proveToken({ store, tokens, scopeRequested }: MethodContext, tokenId: string | undefined): MethodProof {
  if (tokenId === undefined) throw unauthorized('No token to rescope');
  const { record } = tokens.live(tokenId);
  const [ownAuditId, chainAuditId = ownAuditId] = record.auditIds;
  const proof: MethodProof = {
    userId: record.userId,
    methods: ['token', ...record.methods],
    chain: { expiresAt: record.expiresAt, auditId: chainAuditId },
  };
  if (record.applicationCredentialId === undefined) return proof;
  if (scopeRequested) {
    // Keystone's action text ends with a period of its own, so its message ends with two.
    throw forbiddenAction('Using an application credential token to create a scoped token is not allowed.');
  }
  const applicationCredential = store.applicationCredentials.get(record.applicationCredentialId);
  if (!applicationCredential) throw tokenNotFound();
  return { ...proof, applicationCredential };
}

function passwordUserRef(credentials: PasswordCredentials): UserRef | undefined {
  const { userId, userName, domainId, domainName } = credentials;
  if (userId !== undefined) return { id: userId };
  if (userName === undefined) return undefined;
  if (domainId !== undefined) return { name: userName, domain: { id: domainId } };
  if (domainName !== undefined) return { name: userName, domain: { name: domainName } };
  return undefined;
}
