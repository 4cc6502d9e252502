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
  /** The in-memory state every service reads and changes. */
  store: IdentityStore;
  keystone: Keystone;
}

export function createCloud(options: CloudOptions = {}): SimulatedCloud {
  const clock = options.clock ?? createClock();
  const store = createIdentityStore();
  seedIdentity(store);
  return {
    clock,
    store,
    keystone: createKeystone({ store, clock, tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600 }),
  };
}
