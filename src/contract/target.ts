// The cloud the contract suites run against: the simulator by default, or a real OpenStack named
// by STACKDECK_TEST_CLOUD (`env` for the OS_* variables, anything else for a clouds.yaml entry).
import { type CatalogEntry, findEndpoint, type Interface, tokenBodySchema, withApiVersion } from '../domain/identity';
import { readCloudsYamlEntry } from '../server/clouds-yaml';
import { type CloudConfig, loadConfig, simulatorCloudConfig } from '../server/plugins/config';
import { type Simulator, type SimulatorOptions, startSimulator } from '../simulator';
import { type Reply, readReply } from '../simulator/testing/service-session';

export type { Reply };

export interface Credentials {
  username: string;
  password: string;
  domain: string;
  /** A project name; the user's default project when absent. */
  project?: string | undefined;
}

export interface TestCloud {
  kind: 'simulator' | 'real';
  /** For messages: "the simulator" or the cloud's name. */
  label: string;
  cloud: CloudConfig;
  credentials: Credentials;
  /** Only for the simulator, and only to shape it (faults); tests read the cloud through its APIs. */
  simulator?: Simulator;
  close(): Promise<void>;
}

/** The target's description without starting anything: real clouds only (the simulator needs starting). */
export function realTargetFrom(env: Record<string, string | undefined> = process.env): { cloud: CloudConfig; credentials: Credentials } | undefined {
  const name = env.STACKDECK_TEST_CLOUD;
  if (!name || name === 'simulator') return undefined;
  if (name === 'env') {
    const cloud = loadConfig({ ...env, OS_CLOUD: undefined }).clouds[0];
    if (!cloud) throw new Error('STACKDECK_TEST_CLOUD=env needs OS_AUTH_URL (and OS_USERNAME, OS_PASSWORD)');
    return { cloud, credentials: credentials(env.OS_USERNAME, env.OS_PASSWORD, env.OS_USER_DOMAIN_NAME, env.OS_PROJECT_NAME) };
  }
  const entry = readCloudsYamlEntry(name, env);
  const cloud = loadConfig({ ...env, OS_AUTH_URL: undefined, OS_CLOUD: name }).clouds[0];
  if (!cloud) throw new Error(`clouds.yaml entry ${name} has no auth_url`);
  const auth = entry.auth;
  return { cloud, credentials: credentials(auth.username, auth.password, auth.user_domain_name ?? auth.domain_name, auth.project_name) };
}

function credentials(username: string | undefined, password: string | undefined, domain: string | undefined, project: string | undefined): Credentials {
  if (!username || !password) throw new Error('The test cloud needs a user name and a password (OS_USERNAME/OS_PASSWORD or auth.username/auth.password)');
  return { username, password, domain: domain ?? 'Default', project };
}

/** Opens the target; a simulator is started with `options` and closed by `close()`. */
export async function openTestCloud(options: SimulatorOptions = {}): Promise<TestCloud> {
  const real = realTargetFrom();
  if (real) return { kind: 'real', label: real.cloud.name, ...real, close: async () => {} };
  const simulator = await startSimulator(options);
  return {
    kind: 'simulator',
    label: 'the simulator',
    cloud: simulatorCloudConfig(simulator.authUrl),
    credentials: { username: 'demo', password: 'demo', domain: 'Default', project: 'demo' },
    simulator,
    close: () => simulator.close(),
  };
}

export type ServiceType = 'compute' | 'network' | 'image' | 'identity';

/**
 * Direct calls to the target's services with the test user's token, for what the BFF does not do:
 * creating and deleting test servers, and the differential check's raw requests.
 */
export interface CloudClient {
  token: string;
  projectId: string;
  userId: string;
  endpoint(type: ServiceType): string;
  call<T = unknown>(type: ServiceType, path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<Reply<T>>;
}

export async function connect(cloud: CloudConfig, who: Credentials): Promise<CloudClient> {
  const authUrl = cloud.authUrl.replace(/\/+$/, '').replace(/(?<!\/v3)$/, '/v3');
  const scope = who.project ? { scope: { project: { name: who.project, domain: { name: who.domain } } } } : {};
  const response = await fetch(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: who.username, domain: { name: who.domain }, password: who.password } } }, ...scope } }),
  });
  if (response.status !== 201) throw new Error(`Keystone refused the test user (${response.status}): ${await response.text()}`);
  const token = response.headers.get('x-subject-token') ?? '';
  const body = tokenBodySchema.parse(await response.json()).token;
  const catalog: CatalogEntry[] = body.catalog ?? [];
  const endpoint = (type: ServiceType) => {
    const url = findEndpoint(catalog, { type, region: cloud.region, interface: cloud.interface as Interface });
    if (!url) throw new Error(`no ${type} endpoint in the catalog`);
    return withApiVersion(type, url);
  };
  return {
    token,
    projectId: body.project?.id ?? '',
    userId: body.user.id,
    endpoint,
    async call(type, path, { method = 'GET', body: payload, headers = {} } = {}) {
      const url = path.startsWith('http') ? path : `${endpoint(type)}${path}`;
      const sent: Record<string, string> = { 'x-auth-token': token, accept: 'application/json', ...headers };
      if (payload !== undefined) sent['content-type'] = 'application/json';
      return readReply(await fetch(url, { method, headers: sent, body: payload === undefined ? undefined : JSON.stringify(payload) }));
    },
  };
}
