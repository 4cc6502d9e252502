// Neutron's writes over real HTTP: single and atomic bulk creates, address allocation, revision
// numbers with If-Match, deletes and their conflicts, and the body and policy checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectIds } from '../core/seed';
import { type CallOptions, startServiceSession, type ServiceSession } from '../testing/service-session';

interface Item {
  id: string;
  revision_number: number;
  [key: string]: unknown;
}
type Fault = { NeutronError: { type: string; message: string; detail: string } };

let s: ServiceSession;
beforeAll(async () => {
  s = await startServiceSession({ seed: { networks: 20, servers: 30, projects: 3 } });
});
afterAll(() => s.close());

const call = <T = Record<string, Item>>(method: string, url: string, body?: unknown, options: CallOptions = {}) => s.call<T>('network', url, { method, body, ...options });
const fault = (type: string, message: string): Fault => ({ NeutronError: { type, message, detail: '' } });
const counts = () => ({ networks: s.sim.cloud.network.networks.size, subnets: s.sim.cloud.network.subnets.size, ports: s.sim.cloud.network.ports.size });

async function network(name: string): Promise<Item> {
  const { status, body } = await call('POST', '/v2.0/networks', { network: { name } });
  expect(status).toBe(201);
  return body.network as Item;
}

async function subnet(networkId: string, cidr: string, extra: object = {}): Promise<Item> {
  const { status, body } = await call('POST', '/v2.0/subnets', { subnet: { network_id: networkId, ip_version: 4, cidr, ...extra } });
  expect(status, JSON.stringify(body)).toBe(201);
  return body.subnet as Item;
}

describe('create', () => {
  it('creates a network in the caller’s project, shaped as a network, revision 1', async () => {
    const created = await network('blue');
    expect(created).toMatchObject({ name: 'blue', project_id: projectIds.demo, tenant_id: projectIds.demo, status: 'ACTIVE', shared: false, subnets: [], revision_number: 1 });
    const shown = await call('GET', `/v2.0/networks/${created.id}`);
    expect(shown.body.network).toEqual(created);
  });

  it('allocates a subnet’s gateway and pools from its CIDR and counts it as a change of its network', async () => {
    const net = await network('green');
    const sub = await subnet(net.id, '192.168.10.0/24');
    expect(sub).toMatchObject({ cidr: '192.168.10.0/24', gateway_ip: '192.168.10.1', allocation_pools: [{ start: '192.168.10.2', end: '192.168.10.254' }], enable_dhcp: true, revision_number: 0 });
    const after = await call('GET', `/v2.0/networks/${net.id}`);
    expect(after.body.network).toMatchObject({ subnets: [sub.id], revision_number: 2 });
  });

  it('gives a port the lowest free address of the network’s first IPv4 subnet, and the default security group', async () => {
    const net = await network('amber');
    const sub = await subnet(net.id, '10.200.0.0/29');
    const first = await call('POST', '/v2.0/ports', { port: { network_id: net.id, name: 'a' } });
    const second = await call('POST', '/v2.0/ports', { port: { network_id: net.id, name: 'b', fixed_ips: [{ subnet_id: sub.id, ip_address: '10.200.0.5' }] } });
    const third = await call('POST', '/v2.0/ports', { port: { network_id: net.id, name: 'c' } });
    expect([first, second, third].map((r) => (r.body.port?.fixed_ips as Array<{ ip_address: string }>)[0]?.ip_address)).toEqual(['10.200.0.2', '10.200.0.5', '10.200.0.3']);
    expect(first.body.port).toMatchObject({ status: 'DOWN', device_owner: '', mac_address: expect.stringMatching(/^fa:16:3e(:[0-9a-f]{2}){3}$/) });
    const groups = await call<{ security_groups: Item[] }>('GET', '/v2.0/security-groups?name=default');
    expect(first.body.port?.security_groups).toEqual([groups.body.security_groups[0]?.id]);
    const taken = await call('POST', '/v2.0/ports', { port: { network_id: net.id, fixed_ips: [{ ip_address: '10.200.0.5' }] } });
    expect(taken.status).toBe(409);
    expect(taken.body).toEqual(fault('IpAddressAlreadyAllocated', `IP address 10.200.0.5 already allocated in subnet ${sub.id}`));
  });
});

describe('bulk create', () => {
  it('creates every item of a list body and answers 201 with the list', async () => {
    const { status, body } = await call<{ networks: Item[] }>('POST', '/v2.0/networks', {
      networks: [
        { admin_state_up: true, name: 'sample_network3' },
        { network: { name: 'sample_network4' } },
      ],
    });
    expect(status).toBe(201);
    expect(body.networks.map((n) => n.name)).toEqual(['sample_network3', 'sample_network4']);
  });

  it('is atomic: one invalid item and nothing is created', async () => {
    const before = counts();
    const { status, body } = await call('POST', '/v2.0/networks', { networks: [{ name: 'fine' }, { name: 5 }] });
    expect(status).toBe(400);
    expect(body).toEqual(fault('HTTPBadRequest', "Invalid input for name. Reason: '5' is not a valid string."));
    expect(counts()).toEqual(before);
  });

  it('rolls back what earlier items did when a later one fails in the plugin, revision bumps included', async () => {
    const net = await network('bulk-subnets');
    const before = counts();
    const { status, body } = await call('POST', '/v2.0/subnets', {
      subnets: [
        { network_id: net.id, ip_version: 4, cidr: '172.31.0.0/24' },
        { network_id: net.id, ip_version: 4, cidr: '172.31.0.128/25' },
      ],
    });
    expect(status).toBe(400);
    expect(body).toEqual(fault('InvalidInput', `Invalid input for operation: Requested subnet with cidr: 172.31.0.128/25 for network: ${net.id} overlaps with another subnet.`));
    expect(counts()).toEqual(before);
    expect((await call('GET', `/v2.0/networks/${net.id}`)).body.network).toMatchObject({ subnets: [], revision_number: 1 });
  });

  it('rolls back the ports of a bulk that runs out of addresses', async () => {
    const net = await network('tiny');
    await subnet(net.id, '10.201.0.0/30');
    const before = counts();
    const { status, body } = await call('POST', '/v2.0/ports', { ports: [{ network_id: net.id }, { network_id: net.id }, { network_id: net.id }] });
    expect(status).toBe(409);
    expect(body).toEqual(fault('IpAddressGenerationFailureAllSubnets', 'No more IP addresses available.'));
    expect(counts()).toEqual(before);
  });

  it('refuses an empty list', async () => {
    const { status, body } = await call('POST', '/v2.0/networks', { networks: [] });
    expect(status).toBe(400);
    expect(body).toEqual(fault('HTTPBadRequest', 'Resources required'));
  });
});

describe('update and If-Match', () => {
  it('bumps revision_number on a change only, and honours a matching If-Match', async () => {
    const net = await network('rev');
    const same = await call('PUT', `/v2.0/networks/${net.id}`, { network: { name: 'rev' } });
    expect(same.body.network?.revision_number).toBe(1);
    const changed = await call('PUT', `/v2.0/networks/${net.id}`, { network: { name: 'rev2', admin_state_up: 'false' } }, { headers: { 'if-match': 'revision_number=1' } });
    expect(changed.status).toBe(200);
    expect(changed.body.network).toMatchObject({ name: 'rev2', admin_state_up: false, revision_number: 2 });
  });

  it('answers 412 RevisionNumberConstraintFailed on a stale revision, for PUT and DELETE', async () => {
    const net = await network('stale');
    await call('PUT', `/v2.0/networks/${net.id}`, { network: { description: 'touched' } });
    for (const [method, body] of [
      ['PUT', { network: { name: 'late' } }],
      ['DELETE', undefined],
    ] as const) {
      const reply = await call(method, `/v2.0/networks/${net.id}`, body, { headers: { 'if-match': '"revision_number=1"' } });
      expect(reply.status).toBe(412);
      expect(reply.body).toEqual(fault('RevisionNumberConstraintFailed', 'Constrained to 1, but current revision is 2'));
    }
    expect((await call('GET', `/v2.0/networks/${net.id}`)).body.network?.name).toBe('stale');
  });

  it('refuses a malformed or doubled revision etag with 400', async () => {
    const net = await network('etag');
    const bad = await call('PUT', `/v2.0/networks/${net.id}`, { network: { name: 'x' } }, { headers: { 'if-match': 'revision_number=one' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(fault('BadRequest', 'Bad if-match request: Revision number etag must be in the format of revision_number=<int>.'));
    const twice = await call('PUT', `/v2.0/networks/${net.id}`, { network: { name: 'x' } }, { headers: { 'if-match': '"revision_number=1", "revision_number=2"' } });
    expect(twice.body).toEqual(fault('BadRequest', 'Bad if-match request: Multiple revision_number etags are not supported..'));
  });

  it('moves a port to new addresses and bumps the subnet’s network on a subnet change', async () => {
    const net = await network('moves');
    const sub = await subnet(net.id, '10.202.0.0/24');
    const port = (await call('POST', '/v2.0/ports', { port: { network_id: net.id } })).body.port as Item;
    const moved = await call('PUT', `/v2.0/ports/${port.id}`, { port: { fixed_ips: [{ subnet_id: sub.id, ip_address: '10.202.0.99' }], device_id: 'vm-1' } });
    expect(moved.body.port).toMatchObject({ fixed_ips: [{ subnet_id: sub.id, ip_address: '10.202.0.99' }], device_id: 'vm-1', revision_number: 2 });
    expect(s.sim.cloud.network.portsByDevice.get('vm-1')?.has(port.id)).toBe(true);
    const before = (await call('GET', `/v2.0/networks/${net.id}`)).body.network?.revision_number as number;
    await call('PUT', `/v2.0/subnets/${sub.id}`, { subnet: { name: 'renamed' } });
    expect((await call('GET', `/v2.0/networks/${net.id}`)).body.network?.revision_number).toBe(before + 1);
  });
});

describe('delete', () => {
  it('refuses a network with ports in use (409 NetworkInUse), then deletes it with its subnets and DHCP port', async () => {
    const net = await network('doomed');
    const sub = await subnet(net.id, '10.203.0.0/24');
    const port = (await call('POST', '/v2.0/ports', { port: { network_id: net.id, device_owner: 'compute:nova', device_id: 'vm-2' } })).body.port as Item;
    await call('POST', '/v2.0/ports', { port: { network_id: net.id, device_owner: 'network:dhcp' } });
    const refused = await call('DELETE', `/v2.0/networks/${net.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual(fault('NetworkInUse', `Unable to complete operation on network ${net.id}. There are one or more ports still in use on the network.`));
    const inUse = await call('DELETE', `/v2.0/subnets/${sub.id}`);
    expect(inUse.body).toEqual(fault('SubnetInUse', `Unable to complete operation on subnet ${sub.id}: One or more ports have an IP allocation from this subnet.`));
    expect((await call('DELETE', `/v2.0/ports/${port.id}`)).status).toBe(204);
    expect((await call('DELETE', `/v2.0/networks/${net.id}`)).status).toBe(204);
    expect((await call('GET', `/v2.0/subnets/${sub.id}`)).status).toBe(404);
    expect([...s.sim.cloud.network.ports.values()].some((p) => p.networkId === net.id)).toBe(false);
  });

  it('answers 404 for a missing item, with the collection’s own wording', async () => {
    const id = '6b0bd8a6-0000-4000-8000-000000000000';
    expect((await call('DELETE', `/v2.0/ports/${id}`)).body).toEqual(fault('PortNotFound', `Port ${id} could not be found.`));
    expect((await call('DELETE', `/v2.0/subnets/${id}`)).body).toEqual(fault('SubnetNotFound', `Subnet ${id} could not be found.`));
  });
});

describe('body and policy checks', () => {
  const publicNetwork = () => [...s.sim.cloud.network.networks.values()].find((n) => n.external) as { id: string };

  it.each([
    ['an unknown attribute', { network: { name: 'x', colour: 'red' } }, "Unrecognized attribute(s) 'colour'"],
    ['a read-only attribute', { network: { status: 'DOWN' } }, "Attribute 'status' not allowed in POST"],
    ['no resource key', { net: {} }, "Unable to find 'network' in request body"],
    ['another project', { network: { project_id: projectIds.admin } }, "Specifying 'project_id' other than the authenticated project in request is not allowed for the current user."],
    ['mismatched project ids', { network: { project_id: projectIds.demo, tenant_id: projectIds.admin } }, "'project_id' and 'tenant_id' do not match"],
  ])('refuses %s with 400', async (_case, body, message) => {
    const reply = await call('POST', '/v2.0/networks', body);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(fault('HTTPBadRequest', message));
  });

  it('asks for required attributes and refuses read-only ones on update', async () => {
    expect((await call('POST', '/v2.0/subnets', { subnet: { ip_version: 4, cidr: '10.9.0.0/24' } })).body).toEqual(
      fault('HTTPBadRequest', "Failed to parse request. Required attribute 'network_id' not specified"),
    );
    const net = await network('readonly');
    expect((await call('PUT', `/v2.0/networks/${net.id}`, { network: { status: 'DOWN' } })).body).toEqual(fault('HTTPBadRequest', 'Cannot update read-only attribute status'));
    expect((await call('POST', '/v2.0/subnets', { subnet: { network_id: net.id, ip_version: 4, cidr: '10.9.0.7/24' } })).body).toEqual(
      fault('HTTPBadRequest', "Invalid input for cidr. Reason: '10.9.0.7/24' isn't a recognized IP subnet cidr, '10.9.0.0/24' is recommended."),
    );
  });

  it('keeps admin-only attributes for admins and another project’s visible network read-only', async () => {
    const shared = await call('POST', '/v2.0/networks', { network: { name: 'x', shared: true } });
    expect(shared.status).toBe(403);
    expect(shared.body).toEqual(fault('PolicyNotAuthorized', '(rule:create_network and rule:create_network:shared) is disallowed by policy'));
    expect((await call('POST', '/v2.0/networks', { network: { name: 'x', shared: true } }, { token: s.admin })).status).toBe(201);
    const update = await call('PUT', `/v2.0/networks/${publicNetwork().id}`, { network: { name: 'mine' } });
    expect(update.status).toBe(403);
    expect(update.body).toEqual(fault('PolicyNotAuthorized', 'rule:update_network is disallowed by policy'));
  });

  it('lets a member use a shared network but hides an external one that is not shared', async () => {
    const reply = await call('POST', '/v2.0/ports', { port: { network_id: publicNetwork().id } }, { token: s.otherMember });
    expect(reply.status).toBe(201);
    const admins = await call('POST', '/v2.0/networks', { network: { name: 'admins-only' } }, { token: s.admin });
    const external = await call('PUT', `/v2.0/networks/${admins.body.network?.id}`, { network: { 'router:external': true } }, { token: s.admin });
    expect(external.status).toBe(200);
    const hidden = await call('POST', '/v2.0/subnets', { subnet: { network_id: admins.body.network?.id, ip_version: 4, cidr: '10.77.0.0/24' } });
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(fault('HTTPNotFound', 'The resource could not be found.'));
  });
});
