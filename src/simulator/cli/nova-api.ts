// Test helper: Nova over plain HTTP, to pick servers for the CLI suite and to wait between its
// steps (the client's `--wait` exists for reboot and resize only, and each CLI call costs 2 s).
import { findEndpoint } from '../../domain/identity';
import { issueToken, passwordAuth } from '../testing/keystone-client';

export interface NovaServer {
  id: string;
  name: string;
  status: string;
  locked: boolean;
  'OS-EXT-STS:task_state': string | null;
  flavor: { original_name: string; vcpus: number; ram: number; disk: number };
}

export interface NovaFlavor {
  id: string;
  name: string;
  vcpus: number;
  ram: number;
  disk: number;
}

export interface NovaApi {
  servers(): Promise<NovaServer[]>;
  server(id: string): Promise<NovaServer>;
  flavors(): Promise<NovaFlavor[]>;
  /** Polls until the server shows the status with no task running; throws after `timeoutMs`. */
  waitFor(id: string, status: string, timeoutMs?: number): Promise<NovaServer>;
}

/** Signs in with an `OS_*` environment as the CLI would, and talks to the catalog's Nova. */
export async function connectNova(environment: Record<string, string>): Promise<NovaApi> {
  const { OS_AUTH_URL: authUrl = '', OS_USERNAME: name, OS_PASSWORD: password, OS_PROJECT_NAME: project } = environment;
  const domain = { name: environment.OS_USER_DOMAIN_NAME };
  const scope = { project: { name: project, domain: { name: environment.OS_PROJECT_DOMAIN_NAME } } };
  const { id: token, token: body } = await issueToken(authUrl, passwordAuth({ name, domain, password }, scope));
  const nova = findEndpoint(body.catalog ?? [], { type: 'compute', region: environment.OS_REGION_NAME });
  if (!nova) throw new Error('No compute endpoint in the catalog');

  // 2.47 embeds the flavor in the server; 2.9 shows `locked`.
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${nova}${path}`, {
      headers: { 'x-auth-token': token, 'openstack-api-version': 'compute 2.47' },
    });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const server = async (id: string) => (await get<{ server: NovaServer }>(`/servers/${id}`)).server;

  return {
    servers: async () => (await get<{ servers: NovaServer[] }>('/servers/detail')).servers,
    server,
    flavors: async () => (await get<{ flavors: NovaFlavor[] }>('/flavors/detail')).flavors,
    async waitFor(id, status, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = await server(id);
        if (current.status === status && current['OS-EXT-STS:task_state'] === null) return current;
        if (Date.now() > deadline) throw new Error(`Server ${id} is still ${current.status} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}
