import type { Clock } from '../clock';
import { auditId, opaqueTokenId } from '../ids';
import { tokenNotFound, unrecognizedToken } from './errors';
import { renderToken } from './render';
import { resolveScope, type ScopeRequest } from './scope';
import type { IdentityStore, TokenRecord, User } from './store';
import type { KeystoneToken } from './wire';

export interface IssuedToken {
  id: string;
  token: KeystoneToken;
}

/** What a rescope carries from the old token: its expiry and the audit id of the chain's first token. */
export interface TokenChain {
  expiresAt: number;
  auditId: string;
}

/** What a new token stands for, once every auth method has passed. */
export interface TokenGrant {
  user: User;
  methods: string[];
  scope: ScopeRequest;
  chain?: TokenChain | undefined;
  applicationCredentialId?: string | undefined;
}

export interface TokenService {
  /** Throws KeystoneError `unauthorized` when the scope is not allowed. */
  issue(grant: TokenGrant): IssuedToken;
  /** The record and its freshly rendered body; throws `not_found` when unknown, revoked or expired. */
  live(tokenId: string, allowExpired?: boolean): { record: TokenRecord; token: KeystoneToken };
}

/** Keystone's `allow_expired_window` default: how long past expiry `allow_expired` still accepts a token. */
const allowExpiredWindowMs = 48 * 3600 * 1000;

export function createTokenService(store: IdentityStore, clock: Clock, lifetimeMs: number): TokenService {
  // Tokens are kept for the allow_expired window after expiry only, so a long demo does not grow forever.
  function prune(now: number): void {
    for (const [id, record] of store.tokens) {
      if (record.expiresAt + allowExpiredWindowMs <= now) store.tokens.delete(id);
    }
  }

  return {
    issue({ user, methods, scope, chain, applicationCredentialId }) {
      const project = resolveScope(store, user, scope);
      const now = clock.now();
      prune(now);
      const record: TokenRecord = {
        id: opaqueTokenId(),
        userId: user.id,
        projectId: project?.id,
        ...(applicationCredentialId === undefined ? {} : { applicationCredentialId }),
        methods,
        auditIds: chain ? [auditId(), chain.auditId] : [auditId()],
        issuedAt: now,
        expiresAt: chain?.expiresAt ?? now + lifetimeMs,
        revoked: false,
      };
      store.tokens.set(record.id, record);
      return { id: record.id, token: renderToken(store, record) };
    },
    live(tokenId, allowExpired = false) {
      const record = store.tokens.get(tokenId);
      if (!record) throw unrecognizedToken();
      if (record.revoked) throw tokenNotFound();
      const deadline = record.expiresAt + (allowExpired ? allowExpiredWindowMs : 0);
      if (clock.now() >= deadline) throw tokenNotFound();
      return { record, token: renderToken(store, record) };
    },
  };
}
