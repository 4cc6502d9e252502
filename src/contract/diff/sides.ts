// The two clouds the differential check talks to: the real one from the environment, and the
// simulator started in-process on a virtual clock, so its tasks end as soon as the check moves
// its time instead of after seconds of waiting.
import { simulatorCloudConfig } from '../../server/plugins/config';
import { createClock, type Simulator, startSimulator } from '../../simulator';
import { type CloudClient, connect, type Credentials, realTargetFrom, type Reply, type ServiceType } from '../target';

export type SideName = 'real' | 'sim';

export interface Side {
  name: SideName;
  client: CloudClient;
  /** Nova's maximum microversion, from its version document. */
  maxVersion: string;
  /** A Nova call at a microversion (none: no header, so 2.1). */
  nova(path: string, init?: { method?: string; body?: unknown; version?: string; headers?: Record<string, string> }): Promise<Reply<unknown>>;
  call(type: ServiceType, path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<Reply<unknown>>;
  /**
   * Simulator only: moves the clock to each step of the server's task in flight and reads the
   * server there, so every state a client could see is seen, however quick.
   */
  walk?<T>(serverId: string, read: () => Promise<T>): Promise<T[]>;
}

/** The real cloud: STACKDECK_TEST_CLOUD when set, else the OS_* variables. */
export function realTarget(env: Record<string, string | undefined> = process.env) {
  const target = realTargetFrom(env.STACKDECK_TEST_CLOUD || !env.OS_AUTH_URL ? env : { ...env, STACKDECK_TEST_CLOUD: 'env' });
  if (!target) throw new Error('npm run test:diff needs a real cloud: source `real-openstack.sh env demo` (OS_*) or set STACKDECK_TEST_CLOUD');
  return target;
}

export async function openReal(env: Record<string, string | undefined> = process.env): Promise<Side> {
  const { cloud, credentials } = realTarget(env);
  return side('real', await connect(cloud, credentials));
}

export const simulatorCredentials: Credentials = { username: 'demo', password: 'demo', domain: 'Default', project: 'demo' };

export async function openSimulator(): Promise<{ side: Side; simulator: Simulator }> {
  const clock = createClock({ virtual: true });
  const simulator = await startSimulator({ clock, computeProfile: 'fast' });
  const base = await side('sim', await connect(simulatorCloudConfig(simulator.authUrl), simulatorCredentials));
  const server = (id: string) => {
    const found = simulator.cloud.compute.servers.get(id);
    if (!found) throw new Error(`the simulator has no server ${id}`);
    return found;
  };
  return {
    simulator,
    side: {
      ...base,
      async walk(id, read) {
        const seen = [await read()];
        for (const at of server(id).pendingSteps.map((step) => step.at)) {
          clock.advance(Math.max(0, at - clock.now()));
          seen.push(await read());
        }
        return seen;
      },
    },
  };
}

async function side(name: SideName, client: CloudClient): Promise<Side> {
  const root = await client.call<{ version?: { version?: string } }>('compute', '/');
  const maxVersion = root.body.version?.version;
  if (!maxVersion) throw new Error(`${name}: Nova's version document has no maximum (${root.status})`);
  return {
    name,
    client,
    maxVersion,
    nova: (path, { version, headers, ...init } = {}) =>
      client.call('compute', path, { ...init, headers: { ...(version && { 'openstack-api-version': `compute ${version}` }), ...headers } }),
    call: (type, path, init) => client.call(type, path, init),
  };
}
