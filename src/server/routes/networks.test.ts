// The networks routes against the simulated Neutron (issue 7): paging and its edge cases, the
// fields and batches asked of Neutron (from the simulator's request journal), each search form,
// filters, clouds without the listing extensions or with pagination_max_limit, detail and ports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, networkDetailSchema, networkListSchema, networkPortListSchema } from '../../domain/api';
import type { Network } from '../../simulator/core/network/model';
import { projectIds } from '../../simulator/core/seed';
import { demoUser, issueToken, passwordAuth } from '../../simulator/testing/keystone-client';
import { summaryFields } from '../networks/list';
import { collectPages } from '../testing/pages';
import { csrf, type Stack, sessionCookieFrom, startStack } from '../testing/stack';

interface Client {
  stack: Stack;
  cookie: string;
}

async function start(options: Parameters<typeof startStack>[1] = {}): Promise<Client> {
  const stack = await startStack({ STACKDECK_LOGIN_RATE_LIMIT: '1000' }, { seed: { servers: 80, networks: 120, seed: 7 }, ...options });
  const res = await stack.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username: 'demo', password: 'demo' } });
  return { stack, cookie: sessionCookieFrom(res.headers['set-cookie']) };
}

let main: Client;
/** A Neutron with `pagination_max_limit = 5`. */
let clamped: Client;
/** A Neutron without the pagination, sorting and filter-validation extensions. */
let bare: Client;

beforeAll(async () => {
  [main, clamped, bare] = await Promise.all([
    start(),
    start({ neutron: { paginationMaxLimit: 5 } }),
    start({ neutron: { withoutExtensions: ['pagination', 'sorting', 'filter-validation'] } }),
  ]);
});
afterAll(() => Promise.all([main, clamped, bare].map((c) => c?.stack.close())));

async function get(client: Client, url: string, query: Record<string, string> = {}) {
  return client.stack.app.inject({ method: 'GET', url, query, headers: { cookie: client.cookie } });
}

async function list(client: Client, query: Record<string, string> = {}) {
  const res = await get(client, '/api/networks', query);
  expect(res.statusCode, res.body).toBe(200);
  return networkListSchema.parse(res.json());
}

async function listAll(client: Client, query: Record<string, string>) {
  const { items, pages } = await collectPages((marker) => list(client, { ...query, ...(marker && { marker }) }));
  return { items, pages: pages.map((page) => ({ count: page.items.length, partial: page.partial ?? false })) };
}

const networksOf = (client: Client) => client.stack.simulator.cloud.network;

/** What a demo member may see, read from the simulator's state, not from the code under test. */
function visible(client: Client): Network[] {
  return [...networksOf(client).networks.values()].filter((n) => n.projectId === projectIds.demo || n.shared || n.external);
}

/** Neutron's order for `sort_key=name`: code-unit order, ties by id. */
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const ids = (items: ReadonlyArray<{ id: string }>) => items.map((n) => n.id);

function journal(client: Client) {
  return client.stack.simulator.requests;
}

function neutronCalls(client: Client, path: RegExp) {
  return journal(client).of('network', path);
}

describe('GET /api/networks: paging', () => {
  it('reads Neutron’s links as sent: `previous` on page 1 changes nothing', async () => {
    journal(main).clear();
    await list(main, { limit: '7' });
    const [call] = neutronCalls(main, /\/v2\.0\/networks$/);
    if (!call) throw new Error('the BFF did not list networks');
    // The same request, straight to Neutron: a forward page 1 has a `previous` link.
    const token = (await issueToken(main.stack.simulator.authUrl, passwordAuth(demoUser, { project: { name: 'demo', domain: { name: 'Default' } } }))).id;
    const direct = await fetch(`${new URL(main.stack.simulator.endpoints.network).origin}${call.url}`, { headers: { 'x-auth-token': token } });
    const body = (await direct.json()) as { networks_links?: Array<{ rel: string }> };
    expect(body.networks_links?.map((l) => l.rel)).toEqual(['next', 'previous']);
  });

  it('asks Neutron for one row more than the page, so an exactly full last page ends the list', async () => {
    const total = visible(main).length;
    journal(main).clear();
    const page = await list(main, { limit: String(total) });
    expect(page.items).toHaveLength(total);
    expect(page.next).toBeNull();
    expect(neutronCalls(main, /\/v2\.0\/networks$/)[0]?.query.get('limit')).toBe(String(total + 1));
  });

  it('follows Neutron’s `next` from an exactly full last page to the empty page it leads to (pagination_max_limit)', async () => {
    // Make the visible count a multiple of the clamp, so the last page is exactly full.
    const template = visible(clamped).find((n) => n.projectId === projectIds.demo) as Network;
    let added = 0;
    while (visible(clamped).length % 5 !== 0) {
      const id = `00000000-0000-4000-8000-${String(++added).padStart(12, '0')}`;
      networksOf(clamped).networks.set(id, { ...template, id, name: `zz-extra-${added}` });
    }
    const { items, pages } = await listAll(clamped, { limit: '5' });
    expect(ids(items)).toEqual(ids(visible(clamped).sort(byName)));
    expect(pages.at(-1)).toEqual({ count: 0, partial: false });
  });

  it('fills a page over several clamped upstream pages (pagination_max_limit below the page size)', async () => {
    journal(clamped).clear();
    const page = await list(clamped, { limit: '12' });
    expect(page.items).toHaveLength(12);
    const calls = neutronCalls(clamped, /\/v2\.0\/networks$/);
    expect(calls.map((c) => c.query.get('limit'))).toEqual(['13', '8', '3']);
    const { items } = await listAll(clamped, { limit: '12' });
    expect(ids(items)).toEqual(ids(visible(clamped).sort(byName)));
  });

  it('goes on from an earlier id when the marker network was deleted between pages, without repeating rows', async () => {
    const first = await list(main, { limit: '10' });
    const [last, beforeLast] = [first.items.at(-1), first.items.at(-2)];
    if (!last || !beforeLast || !first.next) throw new Error('expected a second page');
    const store = networksOf(main).networks;
    const removed = store.get(last.id) as Network;
    store.delete(last.id);
    journal(main).clear();
    try {
      const second = await list(main, { limit: '10', marker: first.next });
      const expected = visible(main).sort(byName);
      const after = expected.findIndex((n) => n.id === beforeLast.id) + 1;
      expect(ids(second.items)).toEqual(ids(expected.slice(after, after + 10)));
      // Neutron's 404 on the vanished marker, then the id remembered before it.
      expect(neutronCalls(main, /\/v2\.0\/networks$/).map((c) => c.query.get('marker'))).toEqual([last.id, beforeLast.id]);
    } finally {
      store.set(last.id, removed);
    }
  });

  it('starts again from the first page when every remembered id is gone (the SPA de-duplicates)', async () => {
    const first = await list(main, { limit: '4' });
    const store = networksOf(main).networks;
    const removed = first.items.slice(1).map((n) => store.get(n.id) as Network);
    for (const n of removed) store.delete(n.id);
    try {
      const again = await list(main, { limit: '4', marker: first.next as string });
      expect(again.items[0]?.id).toBe(first.items[0]?.id);
    } finally {
      for (const n of removed) store.set(n.id, n);
    }
  });

  it('refuses a forged cursor, or one made for another query, in words', async () => {
    const forged = await get(main, '/api/networks', { marker: 'bm90LWEtY3Vyc29y' });
    expect(forged.statusCode).toBe(400);
    expect(errorBodySchema.parse(forged.json()).error.code).toBe('cursor.invalid');
    const page = await list(main, { limit: '5' });
    const other = await get(main, '/api/networks', { limit: '5', marker: page.next as string, shared: 'true' });
    expect(other.statusCode).toBe(400);
  });
});

describe('GET /api/networks: what the BFF asks Neutron', () => {
  it('asks only for the attributes a row shows, sorts in matched pairs, and reads the extensions once', async () => {
    await list(main, { limit: '5' });
    journal(main).clear();
    await list(main, { limit: '5', sort: 'status', dir: 'desc' });
    await list(main, { limit: '5' });
    const [byStatus, byName] = neutronCalls(main, /\/v2\.0\/networks$/);
    expect(byStatus?.query.getAll('fields')).toEqual(['id', 'name', 'subnets', 'shared', 'router:external', 'status', 'admin_state_up', 'project_id']);
    expect(summaryFields({ projectId: true, externalNetworks: true })).toEqual(byStatus?.query.getAll('fields'));
    expect(byStatus?.query.getAll('sort_key')).toEqual(['status', 'name']);
    expect(byStatus?.query.getAll('sort_dir')).toEqual(['desc', 'asc']);
    expect(byName?.query.getAll('sort_key')).toEqual(['name']);
    expect(byName?.query.getAll('sort_dir')).toEqual(['asc']);
    expect(neutronCalls(main, /\/extensions$/)).toEqual([]);
  });

  it('reads the subnets’ CIDRs of a page in batches of at most 40 ids, with only id, cidr and network_id', async () => {
    journal(main).clear();
    const page = await list(main, { limit: '50' });
    const subnetIds = page.items.flatMap((n) => n.subnets.map((s) => s.id));
    expect(subnetIds.length).toBeGreaterThan(40);
    const calls = neutronCalls(main, /\/v2\.0\/subnets$/);
    expect(calls).toHaveLength(Math.ceil(subnetIds.length / 40));
    for (const call of calls) {
      expect(call.query.getAll('id').length).toBeLessThanOrEqual(40);
      expect(call.query.getAll('fields')).toEqual(['id', 'cidr', 'network_id']);
    }
    expect(calls.flatMap((c) => c.query.getAll('id')).sort()).toEqual([...subnetIds].sort());
    const subnets = networksOf(main).subnets;
    for (const ref of page.items.flatMap((n) => n.subnets)) expect(ref.cidr).toBe(subnets.get(ref.id)?.cidr);
  });

  it('shows each row as the issue asks: subnets’ CIDRs, shared, external, status, admin state, project', async () => {
    const { items } = await listAll(main, { limit: '50' });
    const pub = items.find((n) => n.name === 'public');
    expect(pub).toMatchObject({ shared: true, external: true, status: 'ACTIVE', adminStateUp: true, projectId: projectIds.admin });
    expect(pub?.subnets.map((s) => s.cidr)).toEqual(['203.0.113.0/24', '2001:db8:ffff::/64']);
  });
});

describe('GET /api/networks: filters', () => {
  it('filters on shared, external and status, through Neutron', async () => {
    journal(main).clear();
    const shared = await listAll(main, { shared: 'true' });
    expect(ids(shared.items).sort()).toEqual(ids(visible(main).filter((n) => n.shared)).sort());
    expect(neutronCalls(main, /\/v2\.0\/networks$/)[0]?.query.get('shared')).toBe('true');
    const external = await list(main, { external: 'true' });
    expect(external.items.map((n) => n.name)).toEqual(['public']);
    const internal = await listAll(main, { external: 'false', status: 'active' });
    expect(internal.items.every((n) => !n.external && n.status === 'ACTIVE')).toBe(true);
    expect(internal.items).toHaveLength(visible(main).length - 1);
  });

  it.each([
    [{ shared: 'yes' }, 'shared'],
    [{ external: '1' }, 'external'],
    [{ shared: '' }, 'shared'],
    [{ status: 'SLEEPING' }, 'status'],
    [{ sort: 'created' }, 'sort'],
    [{ limit: '0' }, 'limit'],
  ])('answers %j with a 400 that names the field', async (query, field) => {
    const res = await get(main, '/api/networks', query);
    expect(res.statusCode).toBe(400);
    const { error } = errorBodySchema.parse(res.json());
    expect(error.code).toBe('request.invalid');
    expect(error.message).toContain(`${field}:`);
    expect(error.params?.fields).toBe(field);
  });

  it('words a bad boolean plainly', async () => {
    const res = await get(main, '/api/networks', { shared: 'maybe' });
    expect(errorBodySchema.parse(res.json()).error.message).toBe('The request is not valid. shared: must be "true" or "false"');
  });
});

describe('GET /api/networks: search', () => {
  const demoNetwork = (client: Client, name = 'private') =>
    [...networksOf(client).networks.values()].find((n) => n.projectId === projectIds.demo && n.name === name) as Network;

  it('finds a network by its UUID with one GET, and nothing for an unknown or foreign one', async () => {
    const target = demoNetwork(main);
    journal(main).clear();
    const found = await list(main, { q: target.id.toUpperCase() });
    expect(ids(found.items)).toEqual([target.id]);
    expect(found.search).toEqual({ kind: 'id', partialName: false });
    expect(found.next).toBeNull();
    expect(neutronCalls(main, /\/v2\.0\/networks/).map((c) => c.url.split('?')[0])).toEqual([`/v2.0/networks/${target.id}`]);

    expect((await list(main, { q: '00000000-0000-4000-8000-0000000000ff' })).items).toEqual([]);
    const foreign = [...networksOf(main).networks.values()].find((n) => n.projectId === projectIds.demoStaging && !n.shared) as Network;
    expect((await list(main, { q: foreign.id })).items).toEqual([]);
  });

  it('finds the networks with a subnet of exactly a CIDR, through Neutron’s cidr filter', async () => {
    const target = demoNetwork(main);
    const cidr = [...networksOf(main).subnets.values()].find((s) => s.networkId === target.id && s.ipVersion === 4)?.cidr as string;
    journal(main).clear();
    const found = await list(main, { q: cidr });
    expect(ids(found.items)).toEqual([target.id]);
    expect(found.search).toEqual({ kind: 'cidr', partialName: false });
    const [call] = neutronCalls(main, /\/v2\.0\/subnets$/);
    expect(Object.fromEntries(call?.query ?? [])).toMatchObject({ cidr, ip_version: '4' });
    expect(call?.query.getAll('fields')).toEqual(['id', 'cidr', 'network_id']);
    expect(found.items[0]?.subnets.map((s) => s.cidr)).toContain(cidr);
  });

  it('finds the networks whose subnets contain an address, IPv4 or IPv6, in use or not', async () => {
    const target = demoNetwork(main);
    const [v4, v6] = [4, 6].map((v) => [...networksOf(main).subnets.values()].find((s) => s.networkId === target.id && s.ipVersion === v));
    // 10.10.0.0/16: an address far from any port.
    const address = (v4?.cidr as string).replace(/0\.0\/16$/, '200.77');
    journal(main).clear();
    const found = await list(main, { q: address });
    expect(ids(found.items)).toEqual([target.id]);
    expect(found.search).toEqual({ kind: 'ip', partialName: false });
    expect(found.partial).toBeUndefined();
    const [call] = neutronCalls(main, /\/v2\.0\/subnets$/);
    expect(call?.query.get('ip_version')).toBe('4');
    expect(call?.query.getAll('fields')).toEqual(['id', 'cidr', 'network_id']);

    const v6Address = (v6?.cidr as string).replace('::/64', '::abcd');
    expect(ids((await list(main, { q: v6Address })).items)).toEqual([target.id]);
    expect((await list(main, { q: '192.0.2.1' })).items).toEqual([]);
  });

  it('finds an exact name with Neutron’s name filter first', async () => {
    const target = demoNetwork(main);
    journal(main).clear();
    const found = await list(main, { q: 'private' });
    expect(found.items[0]?.id).toBe(target.id);
    const [exact] = neutronCalls(main, /\/v2\.0\/networks$/);
    expect(exact?.query.get('name')).toBe('private');
    expect(exact?.query.getAll('fields')).toEqual(summaryFields({ projectId: true, externalNetworks: true }));
  });

  it('matches a partial name over pages of ids and names, continued through the cursor, and says so', async () => {
    const expected = visible(main)
      .filter((n) => n.name.toLowerCase().includes('prod'))
      .sort(byName);
    expect(expected.length).toBeGreaterThan(3);
    journal(main).clear();
    const first = await list(main, { q: 'PROD', limit: '2' });
    expect(first.search).toEqual({ kind: 'name', partialName: true });
    expect(first.partial).toBe(true);
    expect(first.next).not.toBeNull();
    const scans = neutronCalls(main, /\/v2\.0\/networks$/).filter((c) => !c.query.has('name'));
    expect(scans[0]?.query.getAll('fields')).toEqual(['id', 'name']);
    expect(scans[0]?.query.get('limit')).toBe('1001');
    // The matches' rows, by id in batches.
    expect(neutronCalls(main, /\/v2\.0\/networks$/).some((c) => c.query.getAll('id').length === 2)).toBe(true);

    const { items, pages } = await listAll(main, { q: 'PROD', limit: '2' });
    expect(ids(items)).toEqual(ids(expected));
    expect(pages.at(-1)?.partial).toBe(false);
  });

  it('reads at most 5 upstream pages per request when scanning, and goes on from there', async () => {
    // Neutron pages 5 rows at a time here, so a request scans at most 25 names; the needles sort last.
    const store = networksOf(clamped).networks;
    const template = visible(clamped).find((n) => n.projectId === projectIds.demo) as Network;
    const needles = [1, 2, 3].map((i) => ({ ...template, id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`, name: `zzz-needle-${i}` }));
    for (const n of needles) store.set(n.id, n);
    try {
      expect(visible(clamped).length).toBeGreaterThan(25);
      journal(clamped).clear();
      const first = await list(clamped, { q: 'needle', limit: '50' });
      const scans = neutronCalls(clamped, /\/v2\.0\/networks$/).filter((c) => !c.query.has('name') && !c.query.has('id'));
      expect(scans).toHaveLength(5);
      expect(first).toMatchObject({ items: [], partial: true, search: { kind: 'name', partialName: true } });
      expect(first.next).not.toBeNull();
      const { items, pages } = await listAll(clamped, { q: 'needle', limit: '50' });
      expect(ids(items)).toEqual(ids(needles));
      expect(pages.at(-1)?.partial).toBe(false);
    } finally {
      for (const n of needles) store.delete(n.id);
    }
  });
});

describe('a Neutron without pagination, sorting and filter-validation', () => {
  it('is paged and sorted by the BFF with the same cursor', async () => {
    journal(bare).clear();
    const { items, pages } = await listAll(bare, { limit: '9', sort: 'name', dir: 'desc' });
    expect(pages.length).toBeGreaterThan(2);
    expect(ids(items)).toEqual(ids(visible(bare).sort(byName).reverse()));
    const calls = neutronCalls(bare, /\/v2\.0\/networks$/);
    expect(calls.every((c) => !c.query.has('limit') && !c.query.has('marker') && !c.query.has('sort_key'))).toBe(true);
    expect(calls[0]?.query.getAll('fields')).toEqual(summaryFields({ projectId: true, externalNetworks: true }));
  });

  it('falls back to an earlier id when the marker network is gone', async () => {
    const first = await list(bare, { limit: '6' });
    const [last, beforeLast] = [first.items.at(-1), first.items.at(-2)];
    const store = networksOf(bare).networks;
    const removed = store.get(last?.id as string) as Network;
    store.delete(removed.id);
    try {
      const second = await list(bare, { limit: '6', marker: first.next as string });
      const expected = visible(bare).sort(byName);
      const after = expected.findIndex((n) => n.id === beforeLast?.id) + 1;
      expect(ids(second.items)).toEqual(ids(expected.slice(after, after + 6)));
    } finally {
      store.set(removed.id, removed);
    }
  });

  it('checks filters itself and searches partial names and addresses', async () => {
    expect((await listAll(bare, { shared: 'true', limit: '3' })).items.every((n) => n.shared)).toBe(true);
    const partial = await listAll(bare, { q: 'dev', limit: '3' });
    expect(ids(partial.items).sort()).toEqual(ids(visible(bare).filter((n) => n.name.includes('dev'))).sort());
    const pub = await list(bare, { q: '203.0.113.9' });
    expect(pub.items.map((n) => n.name)).toEqual(['public']);
  });
});

describe('GET /api/networks/:id', () => {
  it('gives the network with its subnets: CIDR, IP version, gateway, pools, DHCP, DNS, host routes', async () => {
    const target = [...networksOf(main).networks.values()].find((n) => n.projectId === projectIds.demo && n.name === 'private') as Network;
    const res = await get(main, `/api/networks/${target.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = networkDetailSchema.parse(res.json());
    expect(detail).toMatchObject({ id: target.id, name: 'private', mtu: target.mtu, shared: false, external: false, projectId: projectIds.demo });
    const subnets = [...networksOf(main).subnets.values()].filter((s) => s.networkId === target.id);
    expect(detail.subnets.map((s) => s.id).sort()).toEqual(subnets.map((s) => s.id).sort());
    const v4 = subnets.find((s) => s.ipVersion === 4);
    expect(detail.subnets[0]).toEqual({
      id: v4?.id,
      name: v4?.name,
      cidr: v4?.cidr,
      ipVersion: 4,
      gatewayIp: v4?.gatewayIp,
      allocationPools: v4?.allocationPools,
      enableDhcp: true,
      dnsNameservers: ['9.9.9.9'],
      hostRoutes: [],
      ipv6AddressMode: null,
      ipv6RaMode: null,
    });
    expect(detail.subnets[1]).toMatchObject({ ipVersion: 6, ipv6AddressMode: 'slaac' });
  });

  it('says in words that another project’s network, an unknown one or a malformed id is not there', async () => {
    const foreign = [...networksOf(main).networks.values()].find((n) => n.projectId === projectIds.demoStaging && !n.shared) as Network;
    for (const url of [`/api/networks/${foreign.id}`, `/api/networks/${foreign.id}/ports`, '/api/networks/00000000-0000-4000-8000-0000000000ff', '/api/networks/..%2Fports']) {
      const res = await get(main, url);
      expect(res.statusCode, url).toBe(404);
      expect(errorBodySchema.parse(res.json()).error).toMatchObject({
        code: 'network.not_found',
        message: expect.stringMatching(/^This network (no longer exists, or it belongs to another project|does not exist)\.$/),
      });
    }
    const res = await get(main, `/api/networks/${foreign.id}`);
    expect(errorBodySchema.parse(res.json()).error).toMatchObject({
      message: 'This network no longer exists, or it belongs to another project.',
      detail: `Network ${foreign.id} could not be found.`,
    });
  });

  it('needs a session', async () => {
    const res = await main.stack.app.inject({ method: 'GET', url: '/api/networks' });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/networks/:id/ports', () => {
  const privateNetwork = (client: Client) =>
    [...networksOf(client).networks.values()].find((n) => n.projectId === projectIds.demo && n.name === 'private') as Network;

  it('pages the ports once each, with owners in words and the servers’ names, looked up in Nova at most once', async () => {
    const network = privateNetwork(main);
    const expected = [...networksOf(main).ports.values()].filter((p) => p.networkId === network.id && p.projectId === projectIds.demo);
    expect(expected.length).toBeGreaterThan(10);
    journal(main).clear();
    const items = [];
    let marker: string | null = null;
    let pages = 0;
    do {
      const res = await get(main, `/api/networks/${network.id}/ports`, { limit: '4', ...(marker && { marker }) });
      expect(res.statusCode, res.body).toBe(200);
      const page = networkPortListSchema.parse(res.json());
      items.push(...page.items);
      marker = page.next;
      pages++;
    } while (marker && pages < 50);
    expect(ids(items)).toEqual(ids(expected).sort());

    const portCalls = neutronCalls(main, /\/v2\.0\/ports$/);
    expect(portCalls[0]?.query.getAll('fields')).toEqual(['id', 'name', 'mac_address', 'fixed_ips', 'device_owner', 'device_id', 'status', 'admin_state_up']);
    expect(portCalls.every((c) => c.query.get('network_id') === network.id)).toBe(true);

    const dhcp = items.find((p) => p.deviceOwner === 'network:dhcp');
    expect(dhcp).toMatchObject({ deviceOwnerLabel: 'DHCP', server: null });
    const compute = items.filter((p) => p.deviceOwner.startsWith('compute:'));
    expect(compute.length).toBeGreaterThan(5);
    for (const port of compute) {
      const server = main.stack.simulator.cloud.compute.servers.get(port.deviceId);
      expect(port).toMatchObject({ deviceOwnerLabel: 'Server', server: { id: port.deviceId, name: server?.name, deleted: false } });
      expect(port.fixedIps[0]?.ipAddress).toMatch(/^10\.10\./);
      expect(port.macAddress).toMatch(/^fa:16:3e:/);
    }
    const serverCalls = journal(main).of('compute', /\/servers\/[^/]+$/);
    expect(serverCalls).toHaveLength(new Set(compute.map((p) => p.deviceId)).size);

    // A second pass reads the names from the session's cache.
    journal(main).clear();
    await get(main, `/api/networks/${network.id}/ports`, { limit: '50' });
    expect(journal(main).of('compute', /\/servers\//)).toEqual([]);
  });

  it('shows a server Nova no longer has as “deleted server”', async () => {
    const network = privateNetwork(bare);
    const port = [...networksOf(bare).ports.values()].find((p) => p.networkId === network.id && p.deviceOwner.startsWith('compute:'));
    const servers = bare.stack.simulator.cloud.compute.servers;
    const server = servers.get(port?.deviceId as string);
    if (!port || !server) throw new Error('the seed has a server on the private network');
    servers.delete(server.id);
    try {
      const res = await get(bare, `/api/networks/${network.id}/ports`, { limit: '200' });
      const page = networkPortListSchema.parse(res.json());
      expect(page.next).toBeNull();
      expect(page.items.find((p) => p.id === port.id)?.server).toEqual({ id: server.id, name: 'deleted server', deleted: true });
      expect(neutronCalls(bare, /\/v2\.0\/ports$/).at(-1)?.query.has('limit')).toBe(false);
    } finally {
      servers.set(server.id, server);
    }
  });

  it('goes on from an earlier port when the marker port was deleted', async () => {
    const network = privateNetwork(main);
    const res = await get(main, `/api/networks/${network.id}/ports`, { limit: '5' });
    const first = networkPortListSchema.parse(res.json());
    const [last, beforeLast] = [first.items.at(-1), first.items.at(-2)];
    const ports = networksOf(main).ports;
    const removed = ports.get(last?.id as string);
    if (!removed || !beforeLast) throw new Error('expected a full first page');
    ports.delete(removed.id);
    try {
      const next = networkPortListSchema.parse((await get(main, `/api/networks/${network.id}/ports`, { limit: '5', marker: first.next as string })).json());
      const expected = [...ports.values()]
        .filter((p) => p.networkId === network.id && p.projectId === projectIds.demo)
        .map((p) => p.id)
        .sort();
      const after = expected.indexOf(beforeLast.id) + 1;
      expect(ids(next.items)).toEqual(expected.slice(after, after + 5));
    } finally {
      ports.set(removed.id, removed);
    }
  });
});
