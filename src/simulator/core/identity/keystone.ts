import type { Clock } from '../clock';
import { checkPassword, type PasswordCredentials } from './auth-methods';
import { authenticate, type AuthAttempt, type AuthOutcome } from './authenticate';
import { unauthorized } from './errors';
import { findUser, projectsOf } from './lookup';
import { createReceiptService } from './mfa';
import { renderCatalog } from './render';
import type { ScopeRequest } from './scope';
import type { IdentityStore, Project, ServiceType, User } from './store';
import { createTokenService, type IssuedToken } from './tokens';
import type { KeystoneCatalogEntry, KeystoneToken } from './wire';

export type { ApplicationCredentialRef, PasswordCredentials } from './auth-methods';
export type { AuthAttempt, AuthOutcome } from './authenticate';
export type { IssuedToken } from './tokens';

export interface TokenRequest {
  userId: string;
  methods?: string[];
  scope?: ScopeRequest;
}

export interface Keystone {
  /** The user, or null for a wrong password, an unknown or disabled user or domain (all alike). */
  authenticatePassword(credentials: PasswordCredentials): User | null;
  /**
   * POST /v3/auth/tokens: a token, or a receipt when a multi-factor user needs another method.
   * Throws KeystoneError when a method fails or the scope is not allowed. Async because TOTP
   * checks use Web Crypto.
   */
  authenticate(attempt: AuthAttempt): Promise<AuthOutcome>;
  /** Projects where the user has a role, disabled ones included, as GET /v3/auth/projects lists them. */
  projectsOf(userId: string): Project[];
  /** Every project, as GET /v3/projects lists them for an admin. */
  projects(): Project[];
  /** A token for a user already authenticated (the msw BFF's login). Throws `unauthorized` for a bad scope. */
  issueToken(request: TokenRequest): IssuedToken;
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

export function createKeystone({ store, clock, tokenLifetimeSeconds }: KeystoneOptions): Keystone {
  if (!(tokenLifetimeSeconds > 0)) throw new RangeError(`Token lifetime must be positive: ${tokenLifetimeSeconds}`);
  const tokens = createTokenService(store, clock, tokenLifetimeSeconds * 1000);
  const receipts = createReceiptService(store, clock);

  return {
    authenticatePassword: (credentials) => checkPassword(store, credentials),
    authenticate: (attempt) => authenticate({ store, clock, tokens, receipts }, attempt),
    projectsOf: (userId) => projectsOf(store, userId),
    projects: () => [...store.projects.values()],
    issueToken({ userId, methods = ['password'], scope = 'default' }) {
      const user = findUser(store, { id: userId });
      if (!user) throw unauthorized(`User ${userId} is unknown or disabled`);
      return tokens.issue({ user, methods, scope });
    },
    validateToken: (tokenId, options = {}) => tokens.live(tokenId, options.allowExpired).token,
    revokeToken(tokenId) {
      tokens.live(tokenId).record.revoked = true;
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
