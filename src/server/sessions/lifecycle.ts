import type { NewSession, Session, SessionStore } from './store';

/** Why a session ended: what the logs say, and whether its token still needs revoking. */
export type SessionEnd = 'signed_out' | 'signed_out_everywhere' | 'idle' | 'max_age' | 'token_expired' | 'shutdown';

export interface SessionPolicy {
  /** Without a request that counts as activity for this long, the session ends (Horizon's SESSION_TIMEOUT). */
  idleTimeoutMs: number;
  /** However active, a session ends this long after sign-in. */
  maxAgeMs: number;
  /** The cookie outlives the browser (until the session's end) instead of ending with it. */
  persistentCookie: boolean;
}

export interface SessionHooks {
  /** Revokes the session's Keystone token; never throws (a token also expires on its own). */
  revoke(session: Session): Promise<void>;
  /** The session is gone, for `reason`: what it owns (its tasks, its caches) goes with it. */
  ended(session: Session, reason: SessionEnd): void;
  /** A scope change replaced the session `from` by `to`: what it owns goes along or goes. */
  move(from: string, to: Session): void;
}

/** A write per request would cost more than the minute of idle time it could add. */
const refreshEveryMs = 60_000;
/** How often ended sessions are looked for, so their tokens are revoked even if nobody comes back. */
const sweepEveryMs = 60_000;
/** A shutdown waits this long at most for Keystone to revoke the tokens of the sessions it ends. */
const shutdownRevokeMs = 5_000;

/**
 * Every session's life, from sign-in to its end, whichever comes first: sign-out (here or
 * everywhere), the idle timeout with sliding refresh, the maximum age, the Keystone token's
 * expiry, or the shutdown of a BFF whose sessions die with it (OWASP ASVS 3.3). Whenever a session
 * ends with its token still valid, the token is revoked, so a session never outlives its end at
 * Keystone.
 */
export class SessionLifecycle {
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    readonly store: SessionStore,
    readonly policy: SessionPolicy,
    private readonly hooks: SessionHooks,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => void this.sweep(), sweepEveryMs).unref();
  }

  /** Keeps a session that has just signed in. */
  async open(fresh: NewSession): Promise<Session> {
    const now = new Date(this.now()).toISOString();
    const session: Session = { ...fresh, createdAt: now, lastSeenAt: now };
    await this.store.set(session);
    return session;
  }

  /**
   * The session behind a cookie, or undefined when there is none or it has ended (and is ended
   * now). `activity` slides the idle timeout: a user's request does, a background poll does not.
   */
  async resume(id: string, { activity }: { activity: boolean }): Promise<Session | undefined> {
    const session = await this.store.get(id);
    if (!session) return undefined;
    const ended = this.endOf(session);
    if (ended) {
      await this.finish(session, ended);
      return undefined;
    }
    if (activity && this.now() - Date.parse(session.lastSeenAt) >= refreshEveryMs) {
      const refreshed = { ...session, lastSeenAt: new Date(this.now()).toISOString() };
      await this.store.set(refreshed);
      return refreshed;
    }
    return session;
  }

  /** A scope switch: the new session (new id) keeps the old one's sign-in time, so its maximum age still holds. */
  async replace(previous: Session, next: NewSession): Promise<Session> {
    const session: Session = { ...next, createdAt: previous.createdAt, lastSeenAt: new Date(this.now()).toISOString() };
    await this.store.set(session);
    await this.store.delete(previous.id);
    this.hooks.move(previous.id, session);
    return session;
  }

  /** Ends one session (its token revoked); nothing happens for an id that is already gone. */
  async end(id: string, reason: SessionEnd): Promise<void> {
    const session = await this.store.get(id);
    if (session) await this.finish(session, reason);
  }

  /** "Sign out everywhere": every session of this user on this cloud, this one included. Returns how many ended. */
  async endEverywhere(of: Session): Promise<number> {
    const mine = (await this.store.list()).filter((s) => s.cloudId === of.cloudId && s.user.id === of.user.id);
    await Promise.all(mine.map((s) => this.finish(s, 'signed_out_everywhere')));
    return mine.length;
  }

  /**
   * When the session ends at the latest: its token's expiry or its maximum age. The idle timeout
   * comes sooner without activity; the browser learns of it on its next request.
   */
  hardEnd(session: Session): Date {
    return new Date(Math.min(Date.parse(session.expiresAt), Date.parse(session.createdAt) + this.policy.maxAgeMs));
  }

  /** Ends every session whose time is up. Runs every minute; tests call it after moving the clock. */
  async sweep(): Promise<void> {
    for (const session of await this.store.list()) {
      const ended = this.endOf(session);
      if (ended) await this.finish(session, ended);
    }
  }

  /** At shutdown: sessions that die with this process end now, and their tokens are revoked (within a few seconds). */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    if (this.store.persistent) return;
    const all = await this.store.list();
    const revoked = Promise.all(all.map((s) => this.finish(s, 'shutdown')));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([revoked, new Promise<void>((resolve) => (timer = setTimeout(resolve, shutdownRevokeMs)))]);
    clearTimeout(timer);
  }

  private endOf(session: Session): SessionEnd | undefined {
    const now = this.now();
    if (Date.parse(session.expiresAt) <= now) return 'token_expired';
    if (Date.parse(session.createdAt) + this.policy.maxAgeMs <= now) return 'max_age';
    if (Date.parse(session.lastSeenAt) + this.policy.idleTimeoutMs <= now) return 'idle';
    return undefined;
  }

  private async finish(session: Session, reason: SessionEnd): Promise<void> {
    await this.store.delete(session.id);
    this.hooks.ended(session, reason);
    if (reason !== 'token_expired') await this.hooks.revoke(session);
  }
}
