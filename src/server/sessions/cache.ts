interface Entry {
  value: Promise<unknown>;
  expires: number;
}

/**
 * Small per-session caches (flavors, image names): one session's names are not another's, since
 * visibility differs by project and each region has its own services. A project or region switch
 * makes a new session (routes/auth.ts), so nothing cached crosses either. Concurrent loads of one key share one upstream call; a failed
 * load is not kept. Bounded, oldest session first out.
 */
export class SessionCache {
  private readonly sessions = new Map<string, Map<string, Entry>>();

  constructor(
    private readonly maxSessions = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(sessionId: string, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const entries = this.entries(sessionId);
    return (this.fresh(entries, key) ?? this.put(entries, key, ttlMs, load())) as Promise<T>;
  }

  /**
   * `get` for several keys of one kind (`image:<id>`): `load` is called once, with the ids not
   * cached, so that one upstream call can answer them all; it gives a promise for each of those
   * ids. The answers are in the order of `ids`.
   */
  getMany<T>(sessionId: string, kind: string, ids: readonly string[], ttlMs: number, load: (missing: string[]) => ReadonlyMap<string, Promise<T>>): Promise<T>[] {
    const entries = this.entries(sessionId);
    const missing = ids.filter((id) => !this.fresh(entries, `${kind}:${id}`));
    const loaded = missing.length > 0 ? load(missing) : undefined;
    for (const id of missing) this.put(entries, `${kind}:${id}`, ttlMs, loaded?.get(id) ?? Promise.reject(new Error(`${kind} ${id} was not loaded`)));
    return ids.map((id) => this.fresh(entries, `${kind}:${id}`) as Promise<T>);
  }

  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
  }

  /** The session's entries, moved to the newest end of the least-recently-used order. */
  private entries(sessionId: string): Map<string, Entry> {
    let entries = this.sessions.get(sessionId);
    if (entries) {
      this.sessions.delete(sessionId);
    } else {
      entries = new Map();
      if (this.sessions.size >= this.maxSessions) this.sessions.delete(this.sessions.keys().next().value as string);
    }
    this.sessions.set(sessionId, entries);
    return entries;
  }

  private fresh(entries: Map<string, Entry>, key: string): Promise<unknown> | undefined {
    const hit = entries.get(key);
    return hit && hit.expires > this.now() ? hit.value : undefined;
  }

  private put(entries: Map<string, Entry>, key: string, ttlMs: number, value: Promise<unknown>): Promise<unknown> {
    entries.set(key, { value, expires: this.now() + ttlMs });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  }
}
