// POST /servers over real HTTP: the 202, the build stepping on the virtual clock, the ports and
// addresses it makes, its instance action, every refusal with Nova's text (checked against a real
// Zed Nova where one could be provoked), quota, and DELETE giving the ports up again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PowerState } from '../core/compute/model';
import { portsOfDevice } from '../core/network/model';
import { projectIds, userIds } from '../core/seed';
import { type ActionSession, type RawReply, startActionSession } from './testing/action-session';

let s: ActionSession;
beforeAll(async () => {
  s = await startActionSession();
  Object.assign(s.sim.cloud.compute.quota, { instances: -1, cores: -1, ramMb: -1 });
});
afterAll(() => s.sim.close());

const fault = (key: string, code: number, message: string) => ({ [key]: { code, message } });
const badRequest = (message: string) => fault('badRequest', 400, message);

const cloud = () => s.sim.cloud;
const imageNamed = (prefix: string) => [...cloud().images.images.values()].find((image) => image.name.startsWith(prefix))?.id as string;
const network = (name: string, projectId: string = projectIds.demo) => {
  const found = [...cloud().network.networks.values()].find((n) => n.name === name && n.projectId === projectId);
  if (!found) throw new Error(`no network ${name}`);
  return found;
};
const cirros = () => imageNamed('cirros');
const privateNet = () => network('private');

/** A body that boots: cirros on m1.tiny on the demo project's private network, then `extra`. */
const body = (extra: Record<string, unknown> = {}) => ({
  server: { name: 'made-by-test', imageRef: cirros(), flavorRef: '1', ...('networks' in extra ? {} : { networks: [{ uuid: privateNet().id }] }), ...extra },
});

async function create(extra: Record<string, unknown> = {}, mv = '2.93', token?: string): Promise<RawReply & { id: string }> {
  const reply = await s.create(body(extra), { mv, ...(token && { token }) });
  return { ...reply, id: (reply.body?.server as { id?: string } | undefined)?.id ?? '' };
}

const show = async (id: string, mv = '2.93') => (await s.get<{ server: Record<string, unknown> }>(`/servers/${id}`, { mv })).body.server;

describe('a server that boots', () => {
  it('answers 202 with Nova’s short body, the password and a Location', async () => {
    const reply = await create();
    expect(reply.status).toBe(202);
    const server = reply.body?.server as Record<string, unknown>;
    expect(Object.keys(server).sort()).toEqual(['OS-DCF:diskConfig', 'adminPass', 'id', 'links', 'security_groups']);
    expect(server).toMatchObject({ 'OS-DCF:diskConfig': 'MANUAL', security_groups: [{ name: 'default' }] });
    expect(server.adminPass).toMatch(/^[2-9A-HJ-NP-Za-km-z]{12}$/);
    const links = server.links as Array<{ rel: string; href: string }>;
    expect(links.map((link) => link.rel)).toEqual(['self', 'bookmark']);
    expect(reply.headers.get('location')).toBe(links[0]?.href);
    expect(links[0]?.href).toBe(`${s.compute}/servers/${reply.id}`);
  });

  it('keeps the password, name, metadata, key, description and groups it was given', async () => {
    const reply = await create({ adminPass: 'hunter2', metadata: { role: 'web' }, key_name: 'ops-key', description: 'front', security_groups: [{ name: 'default' }, { name: 'default' }] });
    expect(reply.body?.server).toMatchObject({ adminPass: 'hunter2', security_groups: [{ name: 'default' }, { name: 'default' }] });
    expect(await show(reply.id)).toMatchObject({ name: 'made-by-test', metadata: { role: 'web' }, key_name: 'ops-key', description: 'front' });
  });

  it('belongs to the caller’s project and user, and no other project sees it', async () => {
    const { id } = await create();
    expect(await show(id)).toMatchObject({ tenant_id: projectIds.demo, user_id: userIds.demo });
    const foreign = await s.get(`/servers/${id}`, { token: s.admin });
    expect(foreign.status).toBe(200); // admins see every project
    expect(cloud().compute.servers.get(id)?.projectId).toBe(projectIds.demo);
  });

  it('builds on the clock: scheduling, no task, networking, block_device_mapping, spawning, then ACTIVE', async () => {
    const { id } = await create();
    const state = (server: Record<string, unknown>) => [server.status, server['OS-EXT-STS:vm_state'], server['OS-EXT-STS:task_state'], server['OS-EXT-STS:power_state']];
    const first = await show(id);
    expect(state(first)).toEqual(['BUILD', 'building', 'scheduling', PowerState.NOSTATE]);
    expect(first).toMatchObject({ addresses: {}, 'OS-SRV-USG:launched_at': null, progress: 0 });
    expect(state(await s.after(1_000, id))).toEqual(['BUILD', 'building', null, PowerState.NOSTATE]);
    expect(state(await s.after(500, id))).toEqual(['BUILD', 'building', 'networking', PowerState.NOSTATE]);
    expect(state(await s.after(1_000, id))).toEqual(['BUILD', 'building', 'block_device_mapping', PowerState.NOSTATE]);
    expect(state(await s.after(1_000, id))).toEqual(['BUILD', 'building', 'spawning', PowerState.NOSTATE]);
    const done = await s.after(1_500, id);
    expect(state(done)).toEqual(['ACTIVE', 'active', null, PowerState.RUNNING]);
    const stored = cloud().compute.servers.get(id);
    expect(stored?.launchedAt).toBe((stored?.createdAt ?? 0) + 5_000);
    expect(done['OS-SRV-USG:launched_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });

  it('plugs a port on the network, with an address from its subnet, shown once ACTIVE', async () => {
    const { id } = await create();
    const [port, ...more] = portsOfDevice(cloud().network, id);
    expect(more).toEqual([]);
    expect(port).toMatchObject({ networkId: privateNet().id, deviceId: id, deviceOwner: 'compute:nova', projectId: projectIds.demo, status: 'DOWN' });
    expect(port?.bindingHostId).toBe(cloud().compute.servers.get(id)?.host);
    const subnet = cloud().network.subnets.get(port?.fixedIps[0]?.subnetId ?? '');
    expect(subnet?.networkId).toBe(privateNet().id);
    const server = await s.after(5_000, id);
    expect(port?.status).toBe('ACTIVE');
    expect(server.addresses).toEqual({
      private: [{ version: 4, addr: port?.fixedIps[0]?.ipAddress, 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': port?.macAddress }],
    });
    expect(server.security_groups).toEqual([{ name: 'default' }]);
  });

  it('takes a fixed IP that was asked for', async () => {
    const { id } = await create({ networks: [{ uuid: privateNet().id, fixed_ip: '10.10.200.7' }] });
    expect(portsOfDevice(cloud().network, id)[0]?.fixedIps.map((ip) => ip.ipAddress)).toEqual(['10.10.200.7']);
  });

  it('records the instance action `create` with its compute event', async () => {
    const reply = await create();
    await s.after(5_000, reply.id);
    const requestId = reply.headers.get('x-openstack-request-id');
    const action = await s.get<{ instanceAction: Record<string, unknown> }>(`/servers/${reply.id}/os-instance-actions/${requestId}`, { mv: '2.93' });
    expect(action.body.instanceAction).toMatchObject({ action: 'create', request_id: requestId, user_id: userIds.demo, project_id: projectIds.demo, message: null });
    expect(action.body.instanceAction.events).toEqual([expect.objectContaining({ event: 'compute__do_build_and_run_instance', result: 'Success' })]);
  });

  it('fails the build on the host when a failure is armed: ERROR, a fault, no ports', async () => {
    const { id } = await create({ metadata: { 'simulator:fail': 'create' } });
    expect(portsOfDevice(cloud().network, id)).toHaveLength(1);
    const server = await s.after(5_000, id);
    expect(server).toMatchObject({ status: 'ERROR', 'OS-SRV-USG:launched_at': null, fault: expect.objectContaining({ code: 500 }) });
    expect(portsOfDevice(cloud().network, id)).toEqual([]);
  });

  it('with networks "none" gets no port and no addresses', async () => {
    const { id } = await create({ networks: 'none' });
    const server = await s.after(5_000, id);
    expect(server).toMatchObject({ status: 'ACTIVE', addresses: {} });
    expect(server.security_groups).toBeUndefined();
    expect(portsOfDevice(cloud().network, id)).toEqual([]);
  });

  it('boots as many as max_count asks, named -1, -2…', async () => {
    const reply = await create({ name: 'pair', min_count: 1, max_count: '2' });
    expect(reply.status).toBe(202);
    const pair = [...cloud().compute.servers.values()].filter((server) => server.name.startsWith('pair-'));
    expect(pair.map((server) => server.name)).toEqual(['pair-1', 'pair-2']);
    expect(pair[0]?.id).toBe(reply.id);
  });

  it('takes over a port it is given, and hands it back unbound on delete', async () => {
    const created = await fetch(`${s.sim.endpoints.network}/v2.0/ports`, {
      method: 'POST',
      headers: { 'x-auth-token': s.member, 'content-type': 'application/json' },
      body: JSON.stringify({ port: { network_id: privateNet().id } }),
    });
    const portId = ((await created.json()) as { port: { id: string } }).port.id;
    const { id } = await create({ networks: [{ port: portId }] });
    expect(cloud().network.ports.get(portId)).toMatchObject({ deviceId: id, deviceOwner: 'compute:nova' });
    await s.after(5_000, id);
    expect((await s.remove(id)).status).toBe(204);
    await s.after(1_000, id);
    expect(cloud().network.ports.get(portId)).toMatchObject({ deviceId: '', deviceOwner: '', bindingHostId: '', status: 'DOWN' });
    expect(portsOfDevice(cloud().network, id)).toEqual([]);
  });
});

describe('DELETE of a created server', () => {
  it('deletes the ports Nova made for it, during the build or after', async () => {
    for (const wait of [0, 5_000]) {
      const { id } = await create();
      const [port] = portsOfDevice(cloud().network, id);
      await s.after(wait, id);
      expect((await s.remove(id)).status).toBe(204);
      expect(await s.after(500, id)).toMatchObject({ status: 'DELETED', 'OS-EXT-STS:task_state': null });
      await s.after(100, id);
      expect((await s.get(`/servers/${id}`)).status).toBe(404);
      expect(cloud().network.ports.has(port?.id ?? '')).toBe(false);
    }
  });
});

describe('refusals', () => {
  const unknown = '11111111-2222-3333-4444-555555555555';
  const server = (fields: Record<string, unknown>) => ({ server: fields });
  const base = () => ({ name: 'x', imageRef: cirros(), flavorRef: '1', networks: 'none' });
  // [what, body, microversion, status, body], the texts as a real Zed Nova answers.
  const cases: Array<[string, () => unknown, string, number, () => Record<string, unknown>]> = [
    ['not JSON', () => '{"server":', '2.93', 400, () => badRequest('Malformed request body')],
    ['not an object', () => [1], '2.93', 400, () => badRequest("[1] is not of type 'object'")],
    ['no server', () => ({ foo: {} }), '2.93', 400, () => badRequest("'server' is a required property")],
    ['no name', () => server({ imageRef: cirros(), flavorRef: '1', networks: 'none' }), '2.93', 400, () => badRequest(`Invalid input for field/attribute server. Value: {'imageRef': '${cirros()}', 'flavorRef': '1', 'networks': 'none'}. 'name' is a required property`)],
    ['a name too long', () => server({ ...base(), name: 'a'.repeat(256) }), '2.93', 400, () => badRequest(`Invalid input for field/attribute name. Value: ${'a'.repeat(256)}. '${'a'.repeat(256)}' is too long`)],
    ['a name with a leading space', () => server({ ...base(), name: ' x' }), '2.93', 400, () => badRequest("An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.")],
    ['no flavorRef', () => server({ name: 'x', imageRef: cirros(), networks: 'none' }), '2.93', 400, () => badRequest(`Invalid input for field/attribute server. Value: {'name': 'x', 'imageRef': '${cirros()}', 'networks': 'none'}. 'flavorRef' is a required property`)],
    ['no networks from 2.37', () => server({ name: 'x', imageRef: cirros(), flavorRef: '1' }), '2.37', 400, () => badRequest(`Invalid input for field/attribute server. Value: {'name': 'x', 'imageRef': '${cirros()}', 'flavorRef': '1'}. 'networks' is a required property`)],
    ['networks of another word', () => server({ ...base(), networks: 'foo' }), '2.93', 400, () => badRequest("Invalid input for field/attribute networks. Value: foo. 'foo' is not valid under any of the given schemas")],
    ['a network uuid that is no uuid', () => server({ ...base(), networks: [{ uuid: 'abc' }] }), '2.93', 400, () => badRequest("Invalid input for field/attribute networks. Value: [{'uuid': 'abc'}]. [{'uuid': 'abc'}] is not valid under any of the given schemas")],
    ['a network uuid that is no uuid, before 2.37', () => server({ ...base(), networks: [{ uuid: 'abc' }] }), '2.1', 400, () => badRequest('Bad networks format: network uuid is not in proper format (abc)')],
    ['a network entry without uuid', () => server({ ...base(), networks: [{}] }), '2.93', 400, () => badRequest("Bad network format: missing 'uuid'")],
    ['a network entry that is no object, before 2.37', () => server({ ...base(), networks: ['x'] }), '2.1', 400, () => badRequest("Invalid input for field/attribute 0. Value: x. 'x' is not of type 'object'")],
    ['a bad fixed IP', () => server({ ...base(), networks: [{ uuid: privateNet().id, fixed_ip: 'nope' }] }), '2.93', 400, () => badRequest(`Invalid input for field/attribute networks. Value: [{'uuid': '${privateNet().id}', 'fixed_ip': 'nope'}]. [{'uuid': '${privateNet().id}', 'fixed_ip': 'nope'}] is not valid under any of the given schemas`)],
    ['a port twice', () => server({ ...base(), networks: [{ port: unknown }, { port: unknown }] }), '2.93', 400, () => badRequest(`Port ID '${unknown}' was specified twice: you cannot attach a port multiple times.`)],
    ['a port with a fixed IP', () => server({ ...base(), networks: [{ port: unknown, fixed_ip: '10.0.0.5' }] }), '2.93', 400, () => badRequest(`Specified Fixed IP '10.0.0.5' cannot be used with port '${unknown}': the two cannot be specified together.`)],
    ['min_count 0', () => server({ ...base(), min_count: 0 }), '2.93', 400, () => badRequest('Invalid input for field/attribute min_count. Value: 0. 0 is less than the minimum of 1')],
    ['min_count over max_count', () => server({ ...base(), min_count: 3, max_count: 2 }), '2.93', 400, () => badRequest('min_count must be <= max_count')],
    ['a description before 2.19', () => server({ ...base(), networks: [], description: 'd' }), '2.18', 400, () => badRequest(`Invalid input for field/attribute server. Value: {'name': 'x', 'imageRef': '${cirros()}', 'flavorRef': '1', 'networks': [], 'description': 'd'}. Additional properties are not allowed ('description' was unexpected)`)],
    ['metadata that is no string', () => server({ ...base(), metadata: { a: 1 } }), '2.93', 400, () => badRequest("Invalid input for field/attribute a. Value: 1. 1 is not of type 'string'")],
    ['no imageRef', () => server({ name: 'x', flavorRef: '1', networks: 'none' }), '2.93', 400, () => badRequest('Missing imageRef attribute')],
    ['an empty imageRef', () => server({ ...base(), imageRef: '' }), '2.93', 400, () => badRequest('Missing imageRef attribute')],
    ['an imageRef that is no uuid', () => server({ ...base(), imageRef: 'abc' }), '2.93', 400, () => badRequest("Invalid input for field/attribute imageRef. Value: abc. 'abc' is not valid under any of the given schemas")],
    ['an unknown flavor', () => server({ ...base(), flavorRef: 'nope' }), '2.93', 400, () => badRequest('Flavor nope could not be found.')],
    ['an unknown flavor as a number', () => server({ ...base(), flavorRef: 42 }), '2.93', 400, () => badRequest('Flavor 42 could not be found.')],
    ['two instances on one fixed IP', () => server({ ...base(), max_count: 2, networks: [{ uuid: privateNet().id, fixed_ip: '10.10.0.9' }] }), '2.93', 400, () => badRequest('Failed to launch instances: max_count cannot be greater than 1 if an fixed_ip is specified.')],
    ['an unknown zone', () => server({ ...base(), availability_zone: 'nowhere' }), '2.93', 400, () => badRequest('The requested availability zone is not available')],
    ['an unknown image', () => server({ ...base(), imageRef: unknown }), '2.93', 400, () => badRequest('Can not find requested image')],
    ['an unknown security group', () => server({ ...base(), networks: [{ uuid: privateNet().id }], security_groups: [{ name: 'nope' }] }), '2.93', 400, () => badRequest("Unable to find security_group with name or id 'nope'")],
    ['an unknown network', () => server({ ...base(), networks: [{ uuid: unknown }] }), '2.93', 400, () => badRequest(`Network ${unknown} could not be found.`)],
    ['another project’s network', () => server({ ...base(), networks: [{ uuid: network('private', projectIds.demoStaging).id }] }), '2.93', 400, () => badRequest(`Network ${network('private', projectIds.demoStaging).id} could not be found.`)],
    ['an unknown port', () => server({ ...base(), networks: [{ port: unknown }] }), '2.93', 400, () => badRequest(`Port id ${unknown} could not be found.`)],
    ['no networks before 2.37, with several to pick from', () => server({ name: 'x', imageRef: cirros(), flavorRef: '1' }), '2.36', 409, () => fault('conflictingRequest', 409, 'Multiple possible networks found, use a Network ID to be more specific.')],
    ['networks "auto" with several to pick from', () => server({ ...base(), networks: 'auto' }), '2.93', 409, () => fault('conflictingRequest', 409, 'Multiple possible networks found, use a Network ID to be more specific.')],
    ['an unknown key pair', () => server({ ...base(), key_name: 'nokey' }), '2.93', 400, () => badRequest('Invalid key_name provided.')],
    ['an image bigger than the flavor’s disk', () => server({ ...base(), imageRef: imageNamed('windows') }), '2.93', 400, () => badRequest("Flavor's disk is too small for requested image. Flavor disk is 1073741824 bytes, image is 9663676416 bytes.")],
    ['an image whose min_disk is over the flavor’s disk', () => server({ ...base(), imageRef: imageNamed('ubuntu') }), '2.93', 400, () => badRequest("Flavor's disk is smaller than the minimum size specified in image metadata. Flavor disk is 1073741824 bytes, minimum size is 10737418240 bytes.")],
  ];

  it.each(cases)('%s', async (_what, make, mv, status, expected) => {
    const before = cloud().compute.servers.size;
    const reply = await s.create(make(), { mv });
    expect(reply.status).toBe(status);
    expect(reply.body).toEqual(expected());
    expect(cloud().compute.servers.size).toBe(before);
  });

  it('a port another server uses: 409', async () => {
    const holder = s.addServer();
    const [port] = portsOfDevice(cloud().network, holder.id);
    const reply = await s.create(server({ ...base(), networks: [{ port: port?.id }] }), { mv: '2.93' });
    expect(reply.body).toEqual(fault('conflictingRequest', 409, `Port ${port?.id} is still in use.`));
  });

  it('a fixed IP another server holds', async () => {
    const holder = await create();
    const fixed = portsOfDevice(cloud().network, holder.id)[0]?.fixedIps[0]?.ipAddress;
    const reply = await s.create(server({ ...base(), networks: [{ uuid: privateNet().id, fixed_ip: fixed }] }), { mv: '2.93' });
    expect(reply.body).toEqual(badRequest(`Fixed IP address ${fixed} is already in use on instance ${holder.id}.`));
  });

  it('a reader: 403 by policy', async () => {
    const reply = await s.create(server(base()), { mv: '2.93', token: s.reader });
    expect(reply.body).toEqual(fault('forbidden', 403, "Policy doesn't allow os_compute_api:servers:create to be performed."));
  });
});

describe('networks "auto" and none given', () => {
  /** Leaves the demo project one usable network, its private one, by unsharing the others for the test. */
  async function withOnlyPrivate(run: () => Promise<void>): Promise<void> {
    const shared = [...cloud().network.networks.values()].filter((n) => n.shared);
    const own = [...cloud().network.networks.values()].filter((n) => n.projectId === projectIds.demo && n.name !== 'private');
    for (const n of shared) n.shared = false;
    for (const n of own) n.projectId = projectIds.demoStaging;
    try {
      await run();
    } finally {
      for (const n of shared) n.shared = true;
      for (const n of own) n.projectId = projectIds.demo;
    }
  }

  it('picks the one network the project can use', async () => {
    await withOnlyPrivate(async () => {
      for (const [networks, mv] of [['auto', '2.93'], [undefined, '2.36']] as const) {
        const { status, id } = await create({ networks }, mv);
        expect(status).toBe(202);
        expect(portsOfDevice(cloud().network, id).map((port) => port.networkId)).toEqual([privateNet().id]);
      }
    });
  });

  it('auto without any network: 400, as the simulated Neutron cannot auto-allocate one', async () => {
    await withOnlyPrivate(async () => {
      const net = privateNet();
      net.projectId = projectIds.demoStaging;
      try {
        const reply = await create({ networks: 'auto' });
        expect(reply.body).toEqual(badRequest(`Unable to automatically allocate a network for project ${projectIds.demo}`));
      } finally {
        net.projectId = projectIds.demo;
      }
    });
  });
});

describe('quota', () => {
  it('403 with Nova’s TooManyInstances text, counting what the project runs', async () => {
    const usage = [...cloud().compute.servers.values()].filter((server) => server.projectId === projectIds.demo && server.deletedAt === null).length;
    const { quota } = cloud().compute;
    Object.assign(quota, { instances: usage });
    try {
      const reply = await create({ max_count: 3, min_count: 2 });
      expect(reply.body).toEqual(fault('forbidden', 403, `Quota exceeded for instances: Requested 2-3, but already used ${usage} of ${usage} instances`));
      Object.assign(quota, { instances: usage + 2 });
      const fits = await create({ name: 'fits', max_count: 3, min_count: 2 });
      expect(fits.status).toBe(202);
      expect([...cloud().compute.servers.values()].filter((server) => server.name.startsWith('fits-'))).toHaveLength(2);
    } finally {
      Object.assign(quota, { instances: -1 });
    }
  });

  it('403 for too many metadata items', async () => {
    const { quota } = cloud().compute;
    const reply = await create({ metadata: Object.fromEntries(Array.from({ length: quota.metadataItems + 1 }, (_, i) => [`k${i}`, 'v'])) });
    expect(reply.body).toEqual(fault('forbidden', 403, `Maximum number of metadata items exceeds ${quota.metadataItems}`));
  });
});
