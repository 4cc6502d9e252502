interface Entry {
  value: Promise<unknown>;
  expires: number;
}

/**
 * Small per-session caches (flavors, image names): one session's names are not another's, since
 * visibility differs by project. Concurrent loads of one key share one upstream call; a failed
 * load is not kept. Bounded, oldest session first out.
 */
export class SessionCache {
  private readonly sessions = new Map<string, Map<string, Entry>>();

  constructor(
    private readonly maxSessions = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(sessionId: string, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    let entries = this.sessions.get(sessionId);
    if (entries) {
      // Re-insert to keep the map in least-recently-used order.
      this.sessions.delete(sessionId);
    } else {
      entries = new Map();
      if (this.sessions.size >= this.maxSessions) this.sessions.delete(this.sessions.keys().next().value as string);
    }
    this.sessions.set(sessionId, entries);

    const hit = entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value as Promise<T>;
    const value = load();
    const cache = entries;
    cache.set(key, { value, expires: this.now() + ttlMs });
    value.catch(() => cache.delete(key));
    return value;
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }
}
