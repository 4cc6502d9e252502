import { beforeEach, describe, expect, it } from 'vitest';
import { errorBodySchema, networkDetailSchema, networkListSchema, networkPortListSchema, type NetworkList, type NetworkPortList } from '../../domain/api';
import { createClock } from '../core/clock';
import { createCloud } from '../core/cloud';
import type { Network } from '../core/network/model';
import { projectIds } from '../core/seed';
import { base, csrf, listeningServer, signedInBff } from '../testing/msw-bff';
import type { BffHandlers } from './bff-handlers';
import { nameScanWindow } from './networks-handlers';

const clock = createClock({ virtual: true });
const server = listeningServer();
let bff: BffHandlers;

beforeEach(async () => {
  bff = await signedInBff(server, createCloud({ clock, seed: { servers: 120, networks: 600 } }));
});

async function list(query: Record<string, string>): Promise<NetworkList> {
  const response = await fetch(`${base}/api/networks?${new URLSearchParams(query)}`);
  expect(response.status).toBe(200);
  return networkListSchema.parse(await response.json());
}

async function all(query: Record<string, string>): Promise<{ items: NetworkList['items']; pages: NetworkList[] }> {
  const pages: NetworkList[] = [];
  let marker: string | null = null;
  do {
    const page: NetworkList = await list({ ...query, ...(marker && { marker }) });
    pages.push(page);
    marker = page.next;
  } while (marker && pages.length < 100);
  return { items: pages.flatMap((p) => p.items), pages };
}

/** What a demo member may see, read from the simulator's state. */
const visible = (): Network[] => [...bff.cloud.network.networks.values()].filter((n) => n.projectId === projectIds.demo || n.shared || n.external);
const byName = (a: Network, b: Network) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1);

describe('the networks msw handlers', () => {
  it('pages through the visible networks, each once, in name order, with their subnets’ CIDRs', async () => {
    const { items, pages } = await all({ limit: '50' });
    expect(pages.length).toBeGreaterThan(1);
    expect(items.map((n) => n.id)).toEqual(visible().sort(byName).map((n) => n.id));
    const publicNet = items.find((n) => n.name === 'public');
    expect(publicNet).toMatchObject({ shared: true, external: true, status: 'ACTIVE', adminStateUp: true });
    expect(publicNet?.subnets.map((s) => s.cidr)).toEqual(['203.0.113.0/24', '2001:db8:ffff::/64']);
    expect(pages.every((p) => p.search === undefined && p.partial === undefined)).toBe(true);

    const desc = await all({ limit: '50', dir: 'desc' });
    expect(desc.items.map((n) => n.id)).toEqual(items.map((n) => n.id).reverse());
  });

  it('filters by shared, external and status, and refuses a filter that is not a yes or no', async () => {
    const shared = await all({ shared: 'true', limit: '200' });
    expect(shared.items.map((n) => n.id).sort()).toEqual(visible().filter((n) => n.shared).map((n) => n.id).sort());
    const internal = await all({ external: 'false', limit: '200' });
    expect(internal.items.every((n) => !n.external)).toBe(true);
    expect(internal.items).toHaveLength(visible().length - 1);
    expect((await all({ status: 'down' })).items).toEqual([]);

    const response = await fetch(`${base}/api/networks?shared=maybe`);
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(await response.json()).error.message).toMatch(/shared/);
  });

  it('searches by id, by CIDR exactly, by an address in a subnet and by part of a name, saying how', async () => {
    const target = visible().find((n) => n.name.startsWith('backend-'));
    if (!target) throw new Error('the seed has no backend network');
    const v4 = [...bff.cloud.network.subnets.values()].find((s) => s.networkId === target.id && s.ipVersion === 4);

    const byId = await list({ q: target.id });
    expect(byId.items.map((n) => n.id)).toEqual([target.id]);
    expect(byId.search).toEqual({ kind: 'id', partialName: false });

    const byCidr = await list({ q: v4?.cidr ?? '' });
    expect(byCidr.items.map((n) => n.id)).toEqual([target.id]);
    expect(byCidr.search?.kind).toBe('cidr');
    // A CIDR is exact: the /16 around it is another search.
    expect((await list({ q: (v4?.cidr ?? '').replace(/\/24$/, '/16') })).items).toEqual([]);

    const address = (v4?.cidr ?? '').replace(/0\/24$/, '77');
    const byIp = await list({ q: address });
    expect(byIp.items.map((n) => n.id)).toEqual([target.id]);
    expect(byIp.search).toEqual({ kind: 'ip', partialName: false });

    const { items, pages } = await all({ q: 'BACKEND', limit: '200' });
    expect(items.map((n) => n.id).sort()).toEqual(visible().filter((n) => n.name.includes('backend')).map((n) => n.id).sort());
    expect(pages[0]?.search).toEqual({ kind: 'name', partialName: true });
  });

  it('scans names a bounded number of networks at a time, partial until the end', async () => {
    bff = await signedInBff(server, createCloud({ clock, seed: { servers: 10, networks: 1500, projects: 1 } }));
    expect(visible().length).toBeGreaterThan(nameScanWindow * 2);
    const { items, pages } = await all({ q: 'data-prod', limit: '100' });
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.slice(0, -1).every((p) => p.partial === true && p.next !== null)).toBe(true);
    expect(pages.at(-1)).toMatchObject({ next: null });
    expect(pages.at(-1)?.partial).toBeUndefined();
    expect(items.map((n) => n.id).sort()).toEqual(visible().filter((n) => n.name.includes('data-prod')).map((n) => n.id).sort());
  });

  it('details a network with its subnets, and 404s another project’s or an unknown one in words', async () => {
    const privateNet = visible().find((n) => n.name === 'private' && n.projectId === projectIds.demo);
    const detail = networkDetailSchema.parse(await (await fetch(`${base}/api/networks/${privateNet?.id}`)).json());
    expect(detail).toMatchObject({ name: 'private', mtu: 1450, portSecurityEnabled: true, availabilityZones: ['nova'] });
    expect(detail.subnets.map((s) => [s.cidr, s.ipVersion, s.enableDhcp])).toEqual([
      ['10.10.0.0/16', 4, true],
      ['fd00:1::/64', 6, true],
    ]);
    expect(detail.subnets[0]).toMatchObject({ gatewayIp: '10.10.0.1', dnsNameservers: ['9.9.9.9'], allocationPools: [{ start: '10.10.0.2', end: '10.10.255.254' }] });

    const foreign = [...bff.cloud.network.networks.values()].find((n) => n.projectId !== projectIds.demo && !n.shared && !n.external);
    for (const id of [foreign?.id, '00000000-0000-4000-8000-000000000000', 'not-a-network']) {
      const response = await fetch(`${base}/api/networks/${id}`);
      expect(response.status).toBe(404);
      expect(errorBodySchema.parse(await response.json()).error).toMatchObject({ code: 'network.not_found', message: 'This network no longer exists, or it belongs to another project.' });
      expect((await fetch(`${base}/api/networks/${id}/ports`)).status).toBe(404);
    }
  });

  it('pages a network’s ports with their owners in words and their servers, a deleted one as such', async () => {
    const privateNet = visible().find((n) => n.name === 'private' && n.projectId === projectIds.demo);
    const ports = async (): Promise<NetworkPortList['items']> => {
      const items: NetworkPortList['items'] = [];
      let marker: string | null = null;
      do {
        const response = await fetch(`${base}/api/networks/${privateNet?.id}/ports?${new URLSearchParams({ limit: '20', ...(marker && { marker }) })}`);
        const page: NetworkPortList = networkPortListSchema.parse(await response.json());
        items.push(...page.items);
        marker = page.next;
      } while (marker);
      return items;
    };
    const first = await ports();
    const expected = [...bff.cloud.network.ports.values()].filter((p) => p.networkId === privateNet?.id && p.projectId === projectIds.demo);
    expect(first.map((p) => p.id)).toEqual(expected.map((p) => p.id).sort());
    expect(first.find((p) => p.deviceOwner === 'network:dhcp')).toMatchObject({ deviceOwnerLabel: 'DHCP', server: null });

    const onServer = first.find((p) => p.server !== null);
    const stored = bff.cloud.compute.servers.get(onServer?.server?.id ?? '');
    expect(onServer).toMatchObject({ deviceOwnerLabel: 'Server', server: { name: stored?.name, deleted: false } });
    if (stored) stored.deletedAt = clock.now();
    const after = (await ports()).find((p) => p.id === onServer?.id);
    expect(after?.server).toEqual({ id: stored?.id, name: 'deleted server', deleted: true });
  });

  it('answers 401 when signed out', async () => {
    await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: csrf });
    const response = await fetch(`${base}/api/networks`);
    expect(response.status).toBe(401);
  });
});
