import { createCloud, type CloudOptions, type SimulatedCloud } from './core/cloud';
import { createFaultsAdminApp } from './faults/admin';
import { installFaultGate } from './faults/gate';
import { serviceTypes, type SimulatorFaults } from './faults/model';
import { createGlanceApp } from './glance/app';
import { RequestJournal } from './http/journal';
import { listenOnLoopback } from './http/loopback';
import { createKeystoneApp } from './keystone/app';
import { createNeutronApp, type NeutronAppOptions } from './neutron/app';
import { createNovaApp } from './nova/app';

export { createClock, type Clock, type VirtualClock } from './core/clock';
export { createCloud, type CloudOptions, type SimulatedCloud } from './core/cloud';
export type { ServiceFaults, SimulatorFaults } from './faults/model';
export type { KeystoneFault } from './keystone/faults';
export type { JournalEntry, RequestJournal } from './http/journal';

export interface SimulatorOptions extends CloudOptions {
  /** Nova's maximum microversion, "2.100" by default. */
  novaMaxVersion?: string;
  faults?: SimulatorFaults;
  /** Neutron's `pagination_max_limit` and the listing extensions it leaves out. */
  neutron?: NeutronAppOptions;
  /** Keystone's loopback port, for a client started before the simulator (the e2e specs); ephemeral by default. */
  keystonePort?: number | undefined;
  /** The faults endpoint's loopback port, for a test that changes faults of a simulator it did not start (e2e); ephemeral by default. */
  faultsPort?: number | undefined;
}

export interface SimulatorEndpoints {
  /** Keystone with `/v3`, as in the catalog. */
  identity: string;
  /** Nova with `/v2.1`. */
  compute: string;
  /** Neutron without a version, as real catalogs list it. */
  network: string;
  /** Glance without a version. */
  image: string;
}

export interface Simulator {
  /** What OS_AUTH_URL should be: Keystone's `/v3`. */
  authUrl: string;
  endpoints: SimulatorEndpoints;
  cloud: SimulatedCloud;
  /** Live: set or change a field at any time and the next request sees it. */
  faults: SimulatorFaults;
  /** The admin endpoint on its own loopback port: GET, PUT and DELETE the faults as JSON. */
  faultsUrl: string;
  /** The latest requests every service received, for tests that check what a client asked. */
  requests: RequestJournal;
  /** Stops every listener. */
  close(): Promise<void>;
}

/** Starts Keystone, Nova, Neutron and Glance over one simulated cloud, each on its own loopback port. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const cloud = createCloud(options);
  const faults: SimulatorFaults = { ...options.faults };
  const apps = {
    identity: createKeystoneApp(cloud, { fault: () => faults.keystone }),
    compute: createNovaApp(cloud, { maxVersion: options.novaMaxVersion }),
    network: createNeutronApp(cloud, options.neutron),
    image: createGlanceApp(cloud),
  };
  const requests = new RequestJournal();
  for (const service of serviceTypes) {
    installFaultGate(apps[service].server, service, faults);
    requests.record(apps[service], service);
  }
  const admin = createFaultsAdminApp(faults);
  const close = async (): Promise<void> => {
    await Promise.all([...Object.values(apps), admin].map((app) => app.close()));
  };

  const listening = [
    listenOnLoopback(apps.identity, options.keystonePort),
    listenOnLoopback(apps.compute),
    listenOnLoopback(apps.network),
    listenOnLoopback(apps.image),
    listenOnLoopback(admin, options.faultsPort),
  ] as const;
  // Let every listener settle before closing them all, so none is left half-started.
  const failure = (await Promise.allSettled(listening)).find((result) => result.status === 'rejected');
  if (failure) {
    await close();
    throw failure.reason;
  }
  const [identity, compute, network, image, adminOrigin] = await Promise.all(listening);
  const endpoints: SimulatorEndpoints = { identity: `${identity}/v3`, compute: `${compute}/v2.1`, network, image };
  cloud.keystone.setServiceUrls(endpoints);
  return { authUrl: endpoints.identity, endpoints, cloud, faults, faultsUrl: `${adminOrigin}/faults`, requests, close };
}
