// Neutron's list machinery over real HTTP: paging links exactly as api_common builds them, markers,
// fields, sorting, filters and their 400s, against the seeded cloud.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectIds } from '../core/seed';
import { listenOnLoopback } from '../http/loopback';
import { startServiceSession, type ServiceSession } from '../testing/service-session';
import { createNeutronApp } from './app';

interface Item {
  id: string;
  [key: string]: unknown;
}
interface Link {
  rel: string;
  href: string;
}
type NetworkList = { networks: Item[]; networks_links?: Link[] };

let s: ServiceSession;
beforeAll(async () => {
  s = await startServiceSession({ seed: { networks: 60, servers: 120, projects: 3 } });
});
afterAll(() => s.close());

const net = <T = NetworkList>(url: string, token?: string) => s.call<T>('network', url, token === undefined ? {} : { token });
const networksAt = (url: string) => s.call<NetworkList>('network', url);
const linkOf = (links: Link[] | undefined, rel: string) => links?.find((l) => l.rel === rel)?.href;

/** Who a demo member should see, read independently of the code under test. */
function demoVisibleNetworkIds(): string[] {
  return [...s.sim.cloud.network.networks.values()]
    .filter((n) => n.projectId === projectIds.demo || n.shared || n.external)
    .map((n) => n.id)
    .sort();
}

describe('paging forward', () => {
  it('collects every visible network once, in id order, with previous links from page 1 on', async () => {
    const expected = demoVisibleNetworkIds();
    const limit = 7;
    expect(expected.length % limit).not.toBe(0);
    const seen: string[] = [];
    let url: string | undefined = `/v2.0/networks?limit=${limit}`;
    let pages = 0;
    while (url) {
      const page = await networksAt(url);
      expect(page.status).toBe(200);
      const { networks, networks_links: links } = page.body;
      seen.push(...networks.map((n) => n.id));
      expect(linkOf(links, 'previous')).toBeDefined();
      url = linkOf(links, 'next');
      pages++;
      if (url) expect(networks).toHaveLength(limit);
    }
    expect(pages).toBe(Math.ceil(expected.length / limit));
    expect(seen).toEqual(expected);
  });

  it('builds links from the request: every query parameter kept, the marker replaced, page_reverse set or dropped', async () => {
    const { body } = await net('/v2.0/networks.json?fields=id&fields=name&limit=2&page_reverse=False&marker=');
    const [first, second] = body.networks;
    const origin = new URL(s.sim.endpoints.network).origin;
    expect(body.networks_links).toEqual([
      { rel: 'next', href: `${origin}/v2.0/networks.json?fields=id&fields=name&limit=2&marker=${second?.id}` },
      { rel: 'previous', href: `${origin}/v2.0/networks.json?fields=id&fields=name&limit=2&marker=${first?.id}&page_reverse=True` },
    ]);
  });

  it('gives an exactly full last page a next link that leads to an empty page with only previous', async () => {
    const all = demoVisibleNetworkIds();
    const full = await net(`/v2.0/networks?limit=${all.length}`);
    expect(full.body.networks).toHaveLength(all.length);
    const next = linkOf(full.body.networks_links, 'next');
    expect(next).toBeDefined();
    const empty = await net(next as string);
    expect(empty.body.networks).toEqual([]);
    const origin = new URL(s.sim.endpoints.network).origin;
    expect(empty.body.networks_links).toEqual([{ rel: 'previous', href: `${origin}/v2.0/networks?limit=${all.length}&page_reverse=True` }]);
  });

  it('means no paging for a missing or zero limit: every row, no links, the marker ignored', async () => {
    for (const query of ['', '?limit=0', '?marker=not-a-network']) {
      const { status, body } = await net(`/v2.0/networks${query}`);
      expect(status).toBe(200);
      expect(body.networks).toHaveLength(demoVisibleNetworkIds().length);
      expect(body.networks_links).toBeUndefined();
    }
  });

  it('refuses a limit that is not an integer of 0 or more, in Neutron’s words', async () => {
    for (const [limit, shown] of [
      ['x', 'x'],
      ['-1', '-1'],
      ['2.5', '2.5'],
    ]) {
      const { status, body } = await net(`/v2.0/networks?limit=${limit}`);
      expect(status).toBe(400);
      expect(body).toEqual({ NeutronError: { type: 'BadRequest', message: `Bad limit request: Limit must be an integer 0 or greater and not '${shown}'.`, detail: '' } });
    }
  });
});

describe('paging backwards and markers', () => {
  it('walks page_reverse from the end back to the start, pages in forward order, no previous on the short first page', async () => {
    const expected = demoVisibleNetworkIds();
    const limit = 5;
    let url: string | undefined = `/v2.0/networks?limit=${limit}&page_reverse=True`;
    const pages: string[][] = [];
    while (url) {
      const { body } = await networksAt(url);
      pages.unshift(body.networks.map((n) => n.id));
      expect(linkOf(body.networks_links, 'next')).toBeDefined();
      url = linkOf(body.networks_links, 'previous');
    }
    expect(pages.flat()).toEqual(expected);
    expect(pages[0]).toHaveLength(expected.length % limit || limit);
  });

  it('answers 404 NetworkNotFound for a deleted network used as a marker', async () => {
    const created = await s.call<{ network: Item }>('network', '/v2.0/networks', { method: 'POST', body: { network: { name: 'short-lived' } } });
    const { id } = created.body.network;
    expect((await s.call('network', `/v2.0/networks/${id}`, { method: 'DELETE' })).status).toBe(204);
    const { status, body } = await net(`/v2.0/networks?limit=3&marker=${id}`);
    expect(status).toBe(404);
    expect(body).toEqual({ NeutronError: { type: 'NetworkNotFound', message: `Network ${id} could not be found.`, detail: '' } });
  });

  it('answers 404 PortNotFound for an unknown port marker, and one of another project', async () => {
    const foreign = [...s.sim.cloud.network.ports.values()].find((p) => p.projectId !== projectIds.demo);
    for (const id of ['0b8b1d57-0000-4000-8000-000000000000', foreign?.id as string]) {
      const { status, body } = await s.call('network', `/v2.0/ports?limit=3&marker=${id}`);
      expect(status).toBe(404);
      expect(body).toEqual({ NeutronError: { type: 'PortNotFound', message: `Port ${id} could not be found.`, detail: '' } });
    }
  });

  it('ignores an unknown marker on subnets (the OVO pager) and gives the first page', async () => {
    const first = await s.call<{ subnets: Item[] }>('network', '/v2.0/subnets?limit=4');
    const unknown = await s.call<{ subnets: Item[] }>('network', '/v2.0/subnets?limit=4&marker=0b8b1d57-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(200);
    expect(unknown.body.subnets.map((n) => n.id)).toEqual(first.body.subnets.map((n) => n.id));
  });

  it('pages after a marker that the filters exclude, by its sort values', async () => {
    const all = demoVisibleNetworkIds();
    const marker = all[3] as string;
    const { body } = await net(`/v2.0/networks?limit=3&marker=${marker}&name=no-such-name`);
    expect(body.networks).toEqual([]);
    const after = await net(`/v2.0/networks?limit=3&marker=${marker}`);
    expect(after.body.networks.map((n) => n.id)).toEqual(all.slice(4, 7));
  });
});

describe('fields', () => {
  it('returns only the requested fields, without adding the id', async () => {
    const both = await net('/v2.0/networks?fields=id&fields=name&fields=');
    expect(both.body.networks.every((n) => Object.keys(n).sort().join() === 'id,name')).toBe(true);
    const nameOnly = await net('/v2.0/networks?fields=name&fields=no_such_field');
    expect(nameOnly.body.networks.every((n) => Object.keys(n).join() === 'name')).toBe(true);
  });

  it('applies to a show too, and keeps admin-only fields from members', async () => {
    const id = demoVisibleNetworkIds()[0] as string;
    const member = await s.call<{ network: Item }>('network', `/v2.0/networks/${id}?fields=status&fields=provider:network_type`);
    expect(member.body).toEqual({ network: { status: 'ACTIVE' } });
    const admin = await s.call<{ network: Item }>('network', `/v2.0/networks/${id}?fields=provider:network_type`, { token: s.admin });
    expect(Object.keys(admin.body.network)).toEqual(['provider:network_type']);
  });
});

describe('sorting', () => {
  it('sorts by the keys given, ties broken by id', async () => {
    const { body } = await net('/v2.0/networks?sort_key=name&sort_dir=desc&sort_key=status&sort_dir=asc');
    const names = body.networks.map((n) => n.name as string);
    expect(names).toEqual([...names].sort().reverse());
    const admin = await s.call<{ ports: Item[] }>('network', '/v2.0/ports?sort_key=device_owner&sort_dir=asc&limit=50', { token: s.admin });
    const keys = admin.body.ports.map((p) => `${p.device_owner as string} ${p.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('refuses mismatched counts, unknown keys and bad directions with Neutron’s messages', async () => {
    const cases: Array<[string, string]> = [
      ['sort_key=name', 'The number of sort_keys and sort_dirs must be same'],
      ['sort_key=subnets&sort_dir=asc&sort_key=x&sort_dir=asc', "['subnets', 'x'] is invalid attribute for sort_keys"],
      ['sort_key=name&sort_dir=up', "['up'] is invalid value for sort_dirs, valid value is 'asc' and 'desc'"],
    ];
    for (const [query, message] of cases) {
      const { status, body } = await net(`/v2.0/networks?${query}`);
      expect(status).toBe(400);
      expect(body).toEqual({ NeutronError: { type: 'HTTPBadRequest', message, detail: '' } });
    }
  });

  it('checks filters before the limit and the limit before sorting, as Neutron does', async () => {
    const { body } = await net('/v2.0/networks?colour=red&limit=x&sort_key=bad&sort_dir=asc');
    expect((body as unknown as { NeutronError: { message: string } }).NeutronError.message).toBe("['colour'] is invalid attribute for filtering");
    const next = await net('/v2.0/networks?limit=x&sort_key=bad&sort_dir=asc');
    expect((next.body as unknown as { NeutronError: { type: string } }).NeutronError.type).toBe('BadRequest');
  });
});

describe('filters', () => {
  it('ORs a repeated key and ANDs different keys', async () => {
    const [a, b] = [...s.sim.cloud.network.networks.values()].filter((n) => n.projectId === projectIds.demo);
    const either = await net(`/v2.0/networks?name=${a?.name}&name=${b?.name}`);
    expect(either.body.networks.map((n) => n.id).sort()).toEqual([a?.id, b?.id].sort());
    const both = await net(`/v2.0/networks?name=${a?.name}&id=${b?.id}`);
    expect(both.body.networks).toEqual([]);
    const one = await net(`/v2.0/networks?name=${a?.name}&status=ACTIVE&admin_state_up=true`);
    expect(one.body.networks.map((n) => n.id)).toEqual([a?.id]);
  });

  it('parses booleans strictly, any case, and answers 400 for anything else', async () => {
    const shared = await net('/v2.0/networks?shared=TRUE');
    expect(shared.body.networks.length).toBeGreaterThan(0);
    expect(shared.body.networks.every((n) => n.shared === true)).toBe(true);
    const notShared = await net('/v2.0/networks?shared=0');
    expect(notShared.body.networks.every((n) => n.shared === false)).toBe(true);
    expect(shared.body.networks.length + notShared.body.networks.length).toBe(demoVisibleNetworkIds().length);
    const { status, body } = await net('/v2.0/networks?shared=maybe');
    expect(status).toBe(400);
    expect(body).toEqual({ NeutronError: { type: 'InvalidInput', message: "Invalid input for operation: 'maybe' cannot be converted to boolean.", detail: '' } });
  });

  it('collects unknown filters into one 400 (filter-validation) and skips the model’s own names', async () => {
    const { status, body } = await net('/v2.0/networks?colour=red&subnets=x&metadata=ignored');
    expect(status).toBe(400);
    expect(body).toEqual({ NeutronError: { type: 'HTTPBadRequest', message: "['colour', 'subnets'] is invalid attribute for filtering", detail: '' } });
    expect((await net('/v2.0/networks?metadata=ignored')).status).toBe(200);
  });

  it('matches an empty value against empty attributes (empty-string-filtering)', async () => {
    const created = await s.call<{ port: Item }>('network', '/v2.0/ports', { method: 'POST', body: { port: { network_id: demoPrivateNetwork() } } });
    expect(created.status).toBe(201);
    const { body } = await s.call<{ ports: Item[] }>('network', '/v2.0/ports?device_id=');
    expect(body.ports.map((p) => p.id)).toEqual([created.body.port.id]);
  });

  it('filters ports on fixed_ips by address, subnet and address substring', async () => {
    const port = [...s.sim.cloud.network.ports.values()].find((p) => p.projectId === projectIds.demo && p.deviceOwner.startsWith('compute:'));
    const ip = port?.fixedIps[0];
    const exact = await s.call<{ ports: Item[] }>('network', `/v2.0/ports?fixed_ips=ip_address=${ip?.ipAddress}`);
    expect(exact.body.ports.map((p) => p.id)).toEqual([port?.id]);
    const bySubnet = await s.call<{ ports: Item[] }>('network', `/v2.0/ports?fixed_ips=subnet_id=${ip?.subnetId}&fixed_ips=ip_address=${ip?.ipAddress}`);
    expect(bySubnet.body.ports.map((p) => p.id)).toEqual([port?.id]);
    const part = (ip?.ipAddress ?? '').split('.').slice(0, 3).join('.');
    const substr = await s.call<{ ports: Item[] }>('network', `/v2.0/ports?fixed_ips=ip_address_substr=${part}.`);
    const expected = [...s.sim.cloud.network.ports.values()].filter((p) => p.projectId === projectIds.demo && p.fixedIps.some((f) => f.ipAddress.includes(`${part}.`)));
    expect(substr.body.ports.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(expected.length).toBeGreaterThan(1);
    const bad = await s.call('network', '/v2.0/ports?fixed_ips=nonsense');
    expect(bad.body).toEqual({ NeutronError: { type: 'InvalidInput', message: "Invalid input for operation: 'nonsense' is not of the form <key>=[value].", detail: '' } });
  });

  it('filters on tags: all of, any of, not all of, none of', async () => {
    const [a, b] = [...s.sim.cloud.network.networks.values()].filter((n) => n.projectId === projectIds.demo);
    if (!a || !b) throw new Error('seed has too few demo networks');
    a.tags = ['red', 'blue'];
    b.tags = ['red'];
    const ids = async (query: string) => (await net(`/v2.0/networks?${query}`)).body.networks.map((n) => n.id).sort();
    expect(await ids('tags=red,blue')).toEqual([a.id]);
    expect(await ids('tags-any=blue&tags-any=red')).toEqual([a.id, b.id].sort());
    expect(await ids('tags=red&not-tags=blue')).toEqual([b.id]);
    expect((await ids('not-tags-any=red')).includes(a.id)).toBe(false);
  });
});

describe('isolation', () => {
  it('shows another project’s network as missing, never forbidden; admins see it', async () => {
    const id = demoPrivateNetwork();
    const other = await s.call('network', `/v2.0/networks/${id}`, { token: s.otherMember });
    expect(other.status).toBe(404);
    expect(other.body).toEqual({ NeutronError: { type: 'NetworkNotFound', message: `Network ${id} could not be found.`, detail: '' } });
    const listed = await net(`/v2.0/networks?id=${id}`, s.otherMember);
    expect(listed.body.networks).toEqual([]);
    expect((await s.call('network', `/v2.0/networks/${id}`, { token: s.admin })).status).toBe(200);
  });

  it('lists only the caller’s ports, and all of them for an admin', async () => {
    const { body } = await s.call<{ ports: Item[] }>('network', '/v2.0/ports');
    expect(body.ports.every((p) => p.project_id === projectIds.demo)).toBe(true);
    const admin = await s.call<{ ports: Item[] }>('network', '/v2.0/ports', { token: s.admin });
    expect(admin.body.ports).toHaveLength(s.sim.cloud.network.ports.size);
  });
});

describe('pagination_max_limit', () => {
  it('clamps every limit and pages a list that asks for none', async () => {
    const app = createNeutronApp(s.sim.cloud, { paginationMaxLimit: 5 });
    const origin = await listenOnLoopback(app);
    try {
      const none = await net(`${origin}/v2.0/networks`);
      expect(none.body.networks).toHaveLength(5);
      expect(linkOf(none.body.networks_links, 'next')).toBe(`${origin}/v2.0/networks?marker=${none.body.networks[4]?.id}`);
      const big = await net(`${origin}/v2.0/networks?limit=100`);
      expect(big.body.networks).toHaveLength(5);
    } finally {
      await app.close();
    }
  });
});

describe('a Neutron without the listing extensions', () => {
  it('leaves them out of /extensions and ignores limit, marker, sorting and unknown filters', async () => {
    const app = createNeutronApp(s.sim.cloud, { withoutExtensions: ['pagination', 'sorting', 'filter-validation'] });
    const origin = await listenOnLoopback(app);
    try {
      const listed = await s.call<{ extensions: Array<{ alias: string }> }>('network', `${origin}/v2.0/extensions`);
      const aliases = listed.body.extensions.map((e) => e.alias);
      expect(aliases).not.toContain('pagination');
      expect(aliases).not.toContain('sorting');
      expect(aliases).not.toContain('filter-validation');
      expect(aliases).toContain('external-net');
      expect((await s.call('network', `${origin}/v2.0/extensions/pagination`)).status).toBe(404);

      const { status, body } = await net(`${origin}/v2.0/networks?limit=2&marker=not-a-network&sort_key=name&sort_dir=desc&colour=red`);
      expect(status).toBe(200);
      expect(body.networks).toHaveLength(demoVisibleNetworkIds().length);
      expect(body.networks_links).toBeUndefined();
      // Still a filter it knows.
      const shared = await net(`${origin}/v2.0/networks?shared=true`);
      expect(shared.body.networks.every((n) => n.shared === true)).toBe(true);
    } finally {
      await app.close();
    }
  });
});

function demoPrivateNetwork(): string {
  const network = [...s.sim.cloud.network.networks.values()].find((n) => n.projectId === projectIds.demo && n.name === 'private');
  if (!network) throw new Error('no private network in the seed');
  return network.id;
}
