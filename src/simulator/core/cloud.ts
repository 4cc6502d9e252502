import { createClock, type Clock } from './clock';
import type { ComputeProfile } from './compute/actions/plans';
import { type ComputeStore, createComputeStore } from './compute/model';
import { createKeystone, type Keystone } from './identity/keystone';
import { createIdentityStore, type IdentityStore } from './identity/store';
import { createImageStore, type ImageStore } from './image/model';
import { createNetworkStore, type NetworkStore } from './network/model';
import { seedIdentity } from './seed';
import { type ResourceSeedOptions, seedResources } from './seed-resources';

export interface CloudOptions {
  /** Wall time by default; pass `createClock({ virtual: true })` to move time in tests. */
  clock?: Clock;
  /** Keystone's `[token] expiration`, 3600 s by default. */
  tokenLifetimeSeconds?: number;
  /** How many servers, networks and projects to generate, and the generator's seed. */
  seed?: ResourceSeedOptions;
  /** How long Nova's tasks take: `fast` (default, seconds), `realistic` (minutes), `progress` (realistic, with moving progress). */
  computeProfile?: ComputeProfile;
}

/** The whole simulated cloud without HTTP: its state, its clock and one service object per API. */
export interface SimulatedCloud {
  clock: Clock;
  /** Keystone's state. */
  store: IdentityStore;
  compute: ComputeStore;
  /** Read whenever a task starts, so it may be switched at run time. */
  computeProfile: ComputeProfile;
  network: NetworkStore;
  images: ImageStore;
  keystone: Keystone;
}

export function createCloud(options: CloudOptions = {}): SimulatedCloud {
  const clock = options.clock ?? createClock();
  const store = createIdentityStore();
  seedIdentity(store);
  const compute = createComputeStore();
  const network = createNetworkStore();
  const images = createImageStore();
  seedResources({ identity: store, compute, network, images }, clock.now(), options.seed);
  return {
    clock,
    store,
    compute,
    computeProfile: options.computeProfile ?? 'fast',
    network,
    images,
    keystone: createKeystone({ store, clock, tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600 }),
  };
}
