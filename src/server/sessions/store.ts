import type { CatalogEntry } from '../../domain/identity';

interface Ref {
  id: string;
  name: string;
}

/** What the BFF keeps for one signed-in browser. The token never leaves the server. */
export interface Session {
  id: string;
  cloudId: string;
  token: string;
  expiresAt: string;
  user: Ref & { domain: Ref };
  project: Ref;
  roles: string[];
  catalog: CatalogEntry[];
  region: string;
  regions: string[];
  projects: Ref[];
  /** When the user signed in: a project or region switch keeps it, so the maximum age holds across them. */
  createdAt: string;
  /** The user's last request that counts as activity, refreshed at most once a minute. */
  lastSeenAt: string;
}

/** A session as sign-in makes it, before the session lifecycle stamps its times. */
export type NewSession = Omit<Session, 'createdAt' | 'lastSeenAt'>;

/**
 * Where sessions live. In memory for one BFF process; a Redis store implements the same
 * interface when the BFF scales out.
 */
export interface SessionStore {
  /**
   * Whether sessions outlive this process (a shared store): if not, ending the process ends them,
   * and their tokens are revoked at shutdown.
   */
  readonly persistent: boolean;
  get(id: string): Promise<Session | undefined>;
  /** Keeps the session until `expiresAt`, after which `get` no longer returns it. */
  set(session: Session): Promise<void>;
  delete(id: string): Promise<void>;
  /** Every session held, for the sweep of idle ones and "sign out everywhere". */
  list(): Promise<Session[]>;
  close(): Promise<void>;
}

export class MemorySessionStore implements SessionStore {
  readonly persistent = false;
  private readonly sessions = new Map<string, Session>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly now: () => number = Date.now) {
    // Expired sessions are also dropped on read; the sweep bounds memory for abandoned ones.
    this.sweeper = setInterval(() => this.sweep(), 60_000).unref();
  }

  async get(id: string): Promise<Session | undefined> {
    const session = this.sessions.get(id);
    if (session && Date.parse(session.expiresAt) <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  async set(session: Session): Promise<void> {
    this.sessions.set(session.id, session);
  }

  async delete(id: string): Promise<void> {
    this.sessions.delete(id);
  }

  async list(): Promise<Session[]> {
    this.sweep();
    return [...this.sessions.values()];
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) if (Date.parse(s.expiresAt) <= now) this.sessions.delete(id);
  }
}
