// Servers the suites create for themselves on the target, found by nothing but their own ids,
// and deleted afterwards: a real cloud's seeded servers are never changed.
import type { CloudClient, Reply } from './target';

/** Creation needs `networks` from 2.37; both the simulator and Zed accept it. */
const createVersion = '2.37';

interface Flavor {
  id: string;
  name: string;
  disk: number;
  ram: number;
  vcpus: number;
}
interface Image {
  id: string;
  name: string;
  status: string;
  min_disk?: number;
}

export interface BootChoices {
  image: Image;
  /** Flavors the image and the quota fit, smallest first: [0] to boot. */
  flavors: Flavor[];
  /** Two flavors to resize a server booted with flavors[0] to, one after the other. */
  resizeTo: [Flavor, Flavor];
  /** A network of the project with a subnet, or none (servers then boot without addresses). */
  networkId: string | undefined;
}

export async function bootChoices(client: CloudClient): Promise<BootChoices> {
  const images = (await client.call<{ images: Image[] }>('image', '/images?status=active&limit=100')).body.images ?? [];
  const image = images.sort((a, b) => (a.min_disk ?? 0) - (b.min_disk ?? 0))[0];
  if (!image) throw new Error('the test cloud has no active image to boot from');
  const quota = (await client.call<{ limits: { absolute: Record<string, number> } }>('compute', '/limits')).body.limits.absolute;
  // -1 is Nova's "unlimited"; a flavor over the quota (or made to fail scheduling) could never be booted or resized to.
  const fits = (need: number, max: number | undefined) => max === undefined || max < 0 || need <= max;
  const flavors = ((await client.call<{ flavors: Flavor[] }>('compute', '/flavors/detail')).body.flavors ?? [])
    .filter((f) => f.disk >= (image.min_disk ?? 0) && f.disk > 0 && fits(f.vcpus, quota.maxTotalCores) && fits(f.ram, quota.maxTotalRAMSize))
    // Fewest vCPUs first: a flavor no host can hold (the harness seeds one to provoke NoValidHost) sorts last.
    .sort((a, b) => a.vcpus - b.vcpus || a.ram - b.ram || a.disk - b.disk);
  const [, first, ...later] = flavors;
  // Nova cannot shrink a disk, so the second resize needs at least the first one's.
  const second = later.find((f) => first && f.disk >= first.disk);
  if (!first || !second) throw new Error('the test cloud needs three flavors that fit its smallest image (to boot, resize and resize again)');
  const networks = (await client.call<{ networks: Array<{ id: string; subnets: string[]; 'router:external'?: boolean; project_id: string }> }>('network', '/networks?limit=200')).body.networks ?? [];
  const network = networks.find((n) => n.project_id === client.projectId && n.subnets.length > 0 && !n['router:external']);
  return { image, flavors, resizeTo: [first, second], networkId: network?.id };
}

/** A name no seeded server has, readable in the cloud's own dashboard if a run is interrupted. */
export function testServerName(label: string): string {
  return `stackdeck-test-${label}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The body that boots `name` from the choices: their image, a flavor, their network or none. */
export function serverRequest(choices: BootChoices, name: string, flavorIndex = 0) {
  const flavor = choices.flavors[flavorIndex] ?? choices.flavors[0];
  return { server: { name, imageRef: choices.image.id, flavorRef: flavor?.id, networks: choices.networkId ? [{ uuid: choices.networkId }] : 'none' } };
}

/**
 * POSTs a create body as it is, for checks that compare Nova's answer. The caller deletes a server
 * it made (deleteServers), also when it expected a refusal and the cloud accepted.
 */
export function postServer(client: CloudClient, body: unknown, version = createVersion): Promise<Reply<{ server?: { id: string } }>> {
  return client.call('compute', '/servers', { method: 'POST', headers: { 'openstack-api-version': `compute ${version}` }, body });
}

export async function createServer(client: CloudClient, choices: BootChoices, name: string, flavorIndex = 0): Promise<string> {
  const reply = await postServer(client, serverRequest(choices, name, flavorIndex));
  if (reply.status !== 202 || !reply.body.server) throw new Error(`creating ${name}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.server.id;
}

interface NovaServer {
  id: string;
  name: string;
  status: string;
  'OS-EXT-STS:task_state': string | null;
}

/** Polls Nova until `done` holds; throws with the last state seen when it does not within the limit. */
export async function waitForServer(client: CloudClient, id: string, done: (s: NovaServer | undefined) => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: NovaServer | undefined;
  for (;;) {
    const reply = await client.call<{ server?: NovaServer }>('compute', `/servers/${encodeURIComponent(id)}`);
    last = reply.status === 404 ? undefined : reply.body.server;
    if (done(last)) return;
    if (Date.now() > deadline) throw new Error(`server ${id} did not settle: last seen ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export const isIdle = (status: string) => (s: NovaServer | undefined) => s?.status === status && s['OS-EXT-STS:task_state'] === null;

/** Creates servers side by side and waits until all are ACTIVE. */
export async function createActiveServers(client: CloudClient, choices: BootChoices, names: string[]): Promise<string[]> {
  const ids = await Promise.all(names.map((name) => createServer(client, choices, name)));
  await Promise.all(ids.map((id) => waitForServer(client, id, isIdle('ACTIVE'))));
  return ids;
}

/** Deletes and waits until Nova no longer lists them, so a following run starts clean. */
export async function deleteServers(client: CloudClient, ids: readonly string[]): Promise<void> {
  await Promise.all(
    ids.map(async (id) => {
      // A locked server refuses deletion; the suites unlock, but an interrupted test may not have.
      await client.call('compute', `/servers/${encodeURIComponent(id)}/action`, { method: 'POST', body: { unlock: null } });
      await client.call('compute', `/servers/${encodeURIComponent(id)}`, { method: 'DELETE' });
      await waitForServer(client, id, (s) => s === undefined);
    }),
  );
}
