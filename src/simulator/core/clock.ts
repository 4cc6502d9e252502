/** Milliseconds since the epoch, as `Date.now()`; every time the simulator uses comes from here. */
export interface Clock {
  now(): number;
}

/**
 * A clock that runs with wall time plus an offset that tests move forward. It stays anchored to
 * wall time because real clients (keystoneauth re-authenticates under 120 s of token life) compare
 * the simulator's timestamps with their own clock.
 */
export interface VirtualClock extends Clock {
  advance(ms: number): void;
}

export function createClock(options: { virtual: true }): VirtualClock;
export function createClock(options?: { virtual?: boolean }): Clock;
export function createClock(options: { virtual?: boolean } = {}): Clock | VirtualClock {
  if (!options.virtual) return { now: () => Date.now() };
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms: number) {
      if (!(ms >= 0)) throw new RangeError(`A clock only moves forward, not by ${ms} ms`);
      offset += ms;
    },
  };
}
