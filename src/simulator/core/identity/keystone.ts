import type { Clock } from '../clock';
import { auditId, opaqueTokenId } from '../ids';
import { KeystoneError, tokenNotFound } from './errors';
import { findUser, projectsOf, type UserRef } from './lookup';
import { renderCatalog, renderToken } from './render';
import { resolveScope, type ScopeRequest } from './scope';
import type { IdentityStore, Project, ServiceType, TokenRecord, User } from './store';
import type { KeystoneCatalogEntry, KeystoneToken } from './wire';

/** A user by id, or by name within a domain given by id or name (as in a Keystone password body). */
export interface PasswordCredentials {
  password: string;
  userId?: string;
  userName?: string;
  domainId?: string;
  domainName?: string;
}

export interface IssuedToken {
  id: string;
  token: KeystoneToken;
}

export interface TokenRequest {
  userId: string;
  methods?: string[];
  scope?: ScopeRequest;
}

export interface Keystone {
  /** The user, or null for a wrong password, an unknown or disabled user or domain (all alike). */
  authenticatePassword(credentials: PasswordCredentials): User | null;
  /** Projects where the user has a role, disabled ones included, as GET /v3/auth/projects lists them. */
  projectsOf(userId: string): Project[];
  /** Throws KeystoneError `unauthorized` when the scope is not allowed. */
  issueToken(request: TokenRequest): IssuedToken;
  /** The `token` method: a new token that keeps the old one's expiry. Throws `not_found` for a bad token. */
  rescopeToken(tokenId: string, scope?: ScopeRequest): IssuedToken;
  /** The token's body; throws `not_found` when it is unknown, revoked or expired. */
  validateToken(tokenId: string, options?: { allowExpired?: boolean }): KeystoneToken;
  revokeToken(tokenId: string): void;
  catalog(): KeystoneCatalogEntry[];
  /** Points every region's endpoints of these services at the given URLs (once the listeners run). */
  setServiceUrls(urls: Partial<Record<ServiceType, string>>): void;
}

export interface KeystoneOptions {
  store: IdentityStore;
  clock: Clock;
  tokenLifetimeSeconds: number;
}

/** Keystone's `allow_expired_window` default: how long past expiry `allow_expired` still accepts a token. */
const allowExpiredWindowMs = 48 * 3600 * 1000;

export function createKeystone({ store, clock, tokenLifetimeSeconds }: KeystoneOptions): Keystone {
  if (!(tokenLifetimeSeconds > 0)) throw new RangeError(`Token lifetime must be positive: ${tokenLifetimeSeconds}`);
  const lifetimeMs = tokenLifetimeSeconds * 1000;

  function liveRecord(tokenId: string, allowExpired = false): { record: TokenRecord; token: KeystoneToken } {
    const record = store.tokens.get(tokenId);
    if (!record || record.revoked) throw tokenNotFound();
    const deadline = record.expiresAt + (allowExpired ? allowExpiredWindowMs : 0);
    if (clock.now() >= deadline) throw tokenNotFound();
    return { record, token: renderToken(store, record) };
  }

  // Tokens are kept for the allow_expired window after expiry only, so a long demo does not grow forever.
  function pruneTokens(now: number): void {
    for (const [id, record] of store.tokens) {
      if (record.expiresAt + allowExpiredWindowMs <= now) store.tokens.delete(id);
    }
  }

  function issue(
    user: User,
    methods: string[],
    scope: ScopeRequest,
    chain?: { expiresAt: number; auditId: string },
  ): IssuedToken {
    const project = resolveScope(store, user, scope);
    const now = clock.now();
    pruneTokens(now);
    const record: TokenRecord = {
      id: opaqueTokenId(),
      userId: user.id,
      projectId: project?.id,
      methods,
      auditIds: chain ? [auditId(), chain.auditId] : [auditId()],
      issuedAt: now,
      expiresAt: chain?.expiresAt ?? now + lifetimeMs,
      revoked: false,
    };
    store.tokens.set(record.id, record);
    return { id: record.id, token: renderToken(store, record) };
  }

  return {
    authenticatePassword(credentials) {
      const ref = userRef(credentials);
      const user = ref && findUser(store, ref);
      return user && store.passwords.get(user.id) === credentials.password ? user : null;
    },

    projectsOf: (userId) => projectsOf(store, userId),

    issueToken({ userId, methods = ['password'], scope = 'default' }) {
      const user = findUser(store, { id: userId });
      if (!user) throw new KeystoneError('unauthorized', `User ${userId} is unknown or disabled`);
      return issue(user, methods, scope);
    },

    rescopeToken(tokenId, scope = 'default') {
      const { record } = liveRecord(tokenId);
      const user = findUser(store, { id: record.userId });
      if (!user) throw tokenNotFound();
      // Keystone builds the method list from a set, and the audit chain keeps only its first id.
      const methods = [...new Set(['token', ...record.methods])];
      const [ownAuditId, chainAuditId = ownAuditId] = record.auditIds;
      return issue(user, methods, scope, { expiresAt: record.expiresAt, auditId: chainAuditId });
    },

    validateToken: (tokenId, options = {}) => liveRecord(tokenId, options.allowExpired).token,

    revokeToken(tokenId) {
      liveRecord(tokenId).record.revoked = true;
    },

    catalog: () => renderCatalog(store),

    setServiceUrls(urls) {
      for (const endpoint of store.endpoints.values()) {
        const type = store.services.get(endpoint.serviceId)?.type;
        const url = type && urls[type];
        if (url) endpoint.url = url;
      }
    },
  };
}

function userRef(credentials: PasswordCredentials): UserRef | undefined {
  const { userId, userName, domainId, domainName } = credentials;
  if (userId !== undefined) return { id: userId };
  if (userName === undefined) return undefined;
  if (domainId !== undefined) return { name: userName, domain: { id: domainId } };
  if (domainName !== undefined) return { name: userName, domain: { name: domainName } };
  return undefined;
}
