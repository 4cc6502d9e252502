import { createClock, type Clock } from './clock';
import { createKeystone, type Keystone } from './identity/keystone';
import { createIdentityStore, type IdentityStore } from './identity/store';
import { seedIdentity } from './seed';

export interface CloudOptions {
  /** Wall time by default; pass `createClock({ virtual: true })` to move time in tests. */
  clock?: Clock;
  /** Keystone's `[token] expiration`, 3600 s by default. */
  tokenLifetimeSeconds?: number;
}

/** The whole simulated cloud without HTTP: its state, its clock and one service object per API. */
export interface SimulatedCloud {
  clock: Clock;
  store: { identity: IdentityStore };
  keystone: Keystone;
}

export function createCloud(options: CloudOptions = {}): SimulatedCloud {
  const clock = options.clock ?? createClock();
  const identity = createIdentityStore();
  seedIdentity(identity);
  return {
    clock,
    store: { identity },
    keystone: createKeystone({ store: identity, clock, tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600 }),
  };
}
