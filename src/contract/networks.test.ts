// The networks list, search, detail and ports against the target's Neutron (and Nova for the
// ports' server names).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, errorBodySchema, networkDetailSchema, networkListSchema, networkPortListSchema, type NetworkPort } from '../domain/api';
import { collectPages } from '../server/testing/pages';
import { openSuite, type Suite } from './suite';
import { bootChoices, createActiveServers, deleteServers, testServerName } from './test-servers';

interface NeutronNetwork {
  id: string;
  name: string;
}
interface NeutronSubnet {
  id: string;
  cidr: string;
  ip_version: number;
  network_id: string;
}

let suite: Suite;
/** The project network the test server is plugged into. */
let networkId: string;
let server: { id: string; name: string } | undefined;
/** What Neutron itself lists to the same user, to hold the BFF's answers against. */
let neutronNetworks: NeutronNetwork[];

beforeAll(async () => {
  suite = await openSuite({ seed: { servers: 30, networks: 40, seed: 5 } });
  const choices = await bootChoices(suite.client);
  if (!choices.networkId) throw new Error('the test project needs a network with a subnet');
  networkId = choices.networkId;
  const name = testServerName('ports');
  const [id] = await createActiveServers(suite.client, choices, [name]);
  server = id ? { id, name } : undefined;
  // Neutron's own order for the BFF's sort: name, then id.
  neutronNetworks = (await suite.client.call<{ networks: NeutronNetwork[] }>('network', '/networks?fields=id&fields=name&sort_key=name&sort_dir=asc&sort_key=id&sort_dir=asc&limit=1000')).body.networks;
});
afterAll(async () => {
  if (server) await deleteServers(suite.client, [server.id]);
  await suite?.close();
});

async function list(query: Record<string, string> = {}) {
  const res = await suite.get(apiPaths.networks, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return networkListSchema.parse(res.body);
}

const listAll = async (query: Record<string, string>) => {
  const { items, pages } = await collectPages((marker) => list({ ...query, ...(marker && { marker }) }));
  return { items, pages: pages.length };
};

async function subnetsOf(id: string): Promise<NeutronSubnet[]> {
  return (await suite.client.call<{ subnets: NeutronSubnet[] }>('network', `/subnets?network_id=${id}`)).body.subnets;
}

const ids = (items: ReadonlyArray<{ id: string }>) => items.map((n) => n.id);

describe('the networks list', () => {
  it('collects every visible network exactly once, in Neutron’s name order, over its links', async () => {
    const { items, pages } = await listAll({ limit: '7' });
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(ids(items)).toEqual(ids(neutronNetworks));
  });

  it('finds a network by its UUID, and nothing for an unknown one', async () => {
    const found = await list({ q: networkId.toUpperCase() });
    expect(ids(found.items)).toEqual([networkId]);
    expect(found.search).toEqual({ kind: 'id', partialName: false });
    expect((await list({ q: '00000000-0000-4000-8000-0000000000ff' })).items).toEqual([]);
  });

  it('finds the networks with a subnet of exactly a CIDR, and those whose subnets hold an address', async () => {
    const [subnet] = await subnetsOf(networkId);
    if (!subnet) throw new Error('the network has no subnet');
    const byCidr = await list({ q: subnet.cidr });
    expect(byCidr.search?.kind).toBe('cidr');
    expect(ids(byCidr.items)).toContain(networkId);
    const port = await portOfServer();
    const address = port.fixedIps.find((ip) => ip.subnetId === subnet.id)?.ipAddress ?? port.fixedIps[0]?.ipAddress ?? '';
    const byAddress = await list({ q: address });
    expect(byAddress.search?.kind).toBe('ip');
    expect(ids(byAddress.items)).toContain(networkId);
  });

  it('finds a network by its exact name', async () => {
    const name = neutronNetworks.find((n) => n.id === networkId)?.name ?? '';
    const found = await listAll({ q: name });
    expect(ids(found.items)).toContain(networkId);
    expect(found.items.every((n) => n.name.toLowerCase().includes(name.toLowerCase()))).toBe(true);
  });
});

describe('a network', () => {
  it('gives its subnets as Neutron has them', async () => {
    const res = await suite.get(apiPaths.network(networkId));
    expect(res.status).toBe(200);
    const detail = networkDetailSchema.parse(res.body);
    expect(detail.id).toBe(networkId);
    const subnets = await subnetsOf(networkId);
    expect(detail.subnets.map((s) => s.id).sort()).toEqual(subnets.map((s) => s.id).sort());
    for (const subnet of detail.subnets) expect(subnet.cidr).toBe(subnets.find((s) => s.id === subnet.id)?.cidr);
  });

  it('pages its ports once each, the test server’s port with the server’s name', async () => {
    const items = await allPorts();
    expect(new Set(ids(items)).size).toBe(items.length);
    const expected = (await suite.client.call<{ ports: Array<{ id: string }> }>('network', `/ports?network_id=${networkId}&fields=id&limit=1000`)).body.ports;
    expect(ids(items).sort()).toEqual(ids(expected).sort());
    const port = await portOfServer();
    expect(port).toMatchObject({ deviceOwnerLabel: 'Server', server: { id: server?.id, name: server?.name, deleted: false } });
  });

  it('says in words that an unknown or malformed network is not there', async () => {
    for (const url of [apiPaths.network('00000000-0000-4000-8000-0000000000ff'), apiPaths.networkPorts('00000000-0000-4000-8000-0000000000ff'), apiPaths.network('../ports')]) {
      const res = await suite.get(url);
      expect(res.status, url).toBe(404);
      expect(errorBodySchema.parse(res.body).error.code).toBe('network.not_found');
    }
  });
});

async function allPorts(): Promise<NetworkPort[]> {
  const read = async (marker: string | undefined) => {
    const res = await suite.get(apiPaths.networkPorts(networkId), { limit: '2', ...(marker && { marker }) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return networkPortListSchema.parse(res.body);
  };
  return (await collectPages(read)).items;
}

async function portOfServer(): Promise<NetworkPort> {
  const port = (await allPorts()).find((p) => p.deviceId === server?.id);
  if (!port) throw new Error(`no port of ${server?.name} on the network`);
  return port;
}
