import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../core/compute/model';
import { computeFixture, shapeDifferences } from './testing/shape';
import { demoProjectId, type NovaSession, startNovaSession } from './testing/nova-session';
import { hostId } from './views/host-id';
import { statesFromStatuses, statusFromState } from './views/status';

// The server body per microversion and role, held against Nova's api-samples.
let nova: NovaSession;
beforeAll(async () => {
  nova = await startNovaSession({ seed: { servers: 40 } });
});
afterAll(() => nova.sim.close());

type Body = Record<string, unknown>;

function demoServer(where: (s: Server) => boolean): Server {
  const found = [...nova.sim.cloud.compute.servers.values()].find((s) => s.projectId === demoProjectId && where(s));
  if (!found) throw new Error('the seed has no such server');
  return found;
}

const plainActive = () => demoServer((s) => s.vmState === 'active' && s.imageId !== '' && !s.locked && s.taskState === null);

async function show(id: string, mv: string, token = nova.member): Promise<Body> {
  const reply = await nova.get<{ server: Body }>(`/servers/${id}`, { mv, token });
  expect(reply.status).toBe(200);
  return reply.body.server;
}

describe('server body against the fixtures', () => {
  it.each([
    ['server-get-resp.v2.1.json', '2.1', 'admin'],
    ['server-get-resp.v2.47.json', '2.47', 'admin'],
    ['server-get-resp.v2.100.json', '2.100', 'member'],
  ])('GET /servers/{id} matches %s (%s, %s)', async (file, mv, who) => {
    const server = await show(plainActive().id, mv, who === 'admin' ? nova.admin : nova.member);
    expect(shapeDifferences({ server }, computeFixture(file))).toEqual([]);
  });

  it('matches the rescue fixture for a rescued server (no progress)', async () => {
    const server = await show(demoServer((s) => s.vmState === 'rescued').id, '2.1');
    expect(server.status).toBe('RESCUE');
    expect(shapeDifferences({ server }, computeFixture('server-get-resp-rescue.json'))).toEqual([]);
  });

  it.each([
    ['servers-details-resp.v2.1.json', '/servers/detail', '2.1', 'admin'],
    ['servers-details-resp.v2.100.json', '/servers/detail', '2.100', 'member'],
    ['servers-list-resp.v2.100.json', '/servers', '2.100', 'member'],
  ])('%s matches a one-server page (%s at %s, %s)', async (file, path, mv, who) => {
    // The admin lists all projects: its own may have no such server.
    const query = `limit=1&status=ACTIVE&image=${plainActive().imageId}${who === 'admin' ? '&all_tenants=1' : ''}`;
    const reply = await nova.get(`${path}?${query}`, { mv, token: who === 'admin' ? nova.admin : nova.member });
    expect(shapeDifferences(reply.body, computeFixture(file))).toEqual([]);
  });
});

describe('status, task and power state', () => {
  it('reads Nova’s state map, task overrides first', () => {
    expect(statusFromState('active', null)).toBe('ACTIVE');
    expect(statusFromState('active', 'rebooting_hard')).toBe('HARD_REBOOT');
    expect(statusFromState('active', 'powering-off')).toBe('ACTIVE');
    expect(statusFromState('stopped', 'resize_prep')).toBe('RESIZE');
    expect(statusFromState('resized', 'resize_confirming')).toBe('VERIFY_RESIZE');
    expect(statusFromState('resized', 'resize_reverting')).toBe('REVERT_RESIZE');
    expect(statusFromState('error', 'rebuild_spawning')).toBe('REBUILD');
    expect(statusFromState('no-such-state', null)).toBe('UNKNOWN');
  });

  it('turns statuses back into state sets; a default leaves task_state free', () => {
    expect(statesFromStatuses(['active'])).toEqual({ vmStates: new Set(['active']), taskStates: null });
    expect(statesFromStatuses(['MIGRATING'])).toEqual({ vmStates: new Set(['active', 'paused']), taskStates: new Set(['migrating']) });
    expect(statesFromStatuses(['nope'])).toBeUndefined();
  });

  it('shows the states, power state as an integer, and progress only where Nova does', async () => {
    const active = await show(plainActive().id, '2.1');
    expect(active).toMatchObject({ status: 'ACTIVE', 'OS-EXT-STS:vm_state': 'active', 'OS-EXT-STS:task_state': null, 'OS-EXT-STS:power_state': 1, progress: 0 });
    const stopped = await show(demoServer((s) => s.vmState === 'stopped').id, '2.1');
    expect(stopped).toMatchObject({ status: 'SHUTOFF', 'OS-EXT-STS:power_state': 4 });
    expect(stopped).not.toHaveProperty('progress');
    expect(await show(demoServer((s) => s.vmState === 'resized').id, '2.1')).toMatchObject({ status: 'VERIFY_RESIZE', progress: 0 });
  });

  it('applies due task steps when the server is read', async () => {
    const server = plainActive();
    const now = nova.sim.cloud.clock.now();
    server.pendingSteps = [
      { at: now - 2000, taskState: 'powering-off' },
      { at: now - 1000, taskState: null, vmState: 'stopped', powerState: 4 },
      { at: now + 60_000, taskState: 'powering-on' },
    ];
    nova.sim.cloud.compute.inFlight.add(server.id);
    try {
      expect(await show(server.id, '2.1')).toMatchObject({ status: 'SHUTOFF', 'OS-EXT-STS:task_state': null, updated: `${new Date(now - 1000).toISOString().slice(0, 19)}Z` });
    } finally {
      Object.assign(server, { vmState: 'active', powerState: 1, pendingSteps: [] });
    }
  });
});

describe('fields', () => {
  it('hashes host and project into hostId as Nova does, empty without a host', async () => {
    const server = plainActive();
    const expected = createHash('sha224').update(`${server.projectId}${server.host}`).digest('hex');
    expect((await show(server.id, '2.1')).hostId).toBe(expected);
    expect(hostId(null, server.projectId)).toBe('');
    expect((await show(demoServer((s) => s.host === null).id, '2.1')).hostId).toBe('');
  });

  it('writes created/updated with Z and no fraction, launched_at naive with microseconds', async () => {
    const server = await show(plainActive().id, '2.1');
    expect(server.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(server.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(server['OS-SRV-USG:launched_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(server['OS-SRV-USG:terminated_at']).toBeNull();
    expect((await show(demoServer((s) => s.launchedAt === null).id, '2.1'))['OS-SRV-USG:launched_at']).toBeNull();
  });

  it('hides a 500 fault’s traceback from members, not from admins; no fault when not in error', async () => {
    const failed = demoServer((s) => s.vmState === 'error' && s.fault?.details !== undefined);
    const asMember = await show(failed.id, '2.1');
    expect(asMember.fault).toEqual({ code: 500, created: expect.stringMatching(/Z$/), message: failed.fault?.message });
    expect((await show(failed.id, '2.1', nova.admin)).fault).toMatchObject({ details: failed.fault?.details });
    expect(await show(plainActive().id, '2.1')).not.toHaveProperty('fault');
  });

  it('gives addresses by network name with types and MACs, and none while building', async () => {
    const server = plainActive();
    const body = await show(server.id, '2.1');
    expect(body.addresses).toEqual({
      private: expect.arrayContaining([{ version: 4, addr: expect.stringMatching(/^10\./), 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': expect.stringMatching(/^fa:16:3e:/) }]),
    });
    server.vmState = 'building';
    try {
      expect((await show(server.id, '2.1')).addresses).toEqual({});
    } finally {
      server.vmState = 'active';
    }
  });

  it('lists a floating IP after the fixed ones of its port', async () => {
    const floating = [...nova.sim.cloud.network.floatingIps.values()].find((f) => f.projectId === demoProjectId && f.portId);
    const port = nova.sim.cloud.network.ports.get(floating?.portId ?? '');
    if (!floating || !port) throw new Error('the seed has no floating IP in demo');
    const entries = ((await show(port.deviceId, '2.1')).addresses as Record<string, Array<Record<string, unknown>>>).private ?? [];
    expect(entries.at(-1)).toEqual({ version: 4, addr: floating.floatingIpAddress, 'OS-EXT-IPS:type': 'floating', 'OS-EXT-IPS-MAC:mac_addr': port.macAddress });
  });

  it('renders image "" for boot-from-volume, with the volume and its delete flag from 2.3', async () => {
    const volumeBacked = demoServer((s) => s.imageId === '');
    const [old, recent] = [await show(volumeBacked.id, '2.1'), await show(volumeBacked.id, '2.3')];
    expect(old.image).toBe('');
    expect(old['os-extended-volumes:volumes_attached']).toEqual([{ id: volumeBacked.volumesAttached[0]?.id }]);
    expect(recent['os-extended-volumes:volumes_attached']).toEqual([{ id: volumeBacked.volumesAttached[0]?.id, delete_on_termination: false }]);
  });

  it('shows a flavor as a bookmark before 2.47 and embedded after', async () => {
    const server = plainActive();
    const origin = new URL(nova.compute).origin;
    expect((await show(server.id, '2.46')).flavor).toEqual({ id: server.flavorId, links: [{ rel: 'bookmark', href: `${origin}/flavors/${server.flavorId}` }] });
    expect((await show(server.id, '2.47')).flavor).toEqual({ vcpus: expect.any(Number), ram: expect.any(Number), disk: expect.any(Number), ephemeral: 0, swap: 0, original_name: expect.any(String), extra_specs: {} });
  });

  it('shows the lock and its reason by microversion, never who locked', async () => {
    const locked = demoServer((s) => s.lockedBy === 'admin');
    expect(await show(locked.id, '2.8')).not.toHaveProperty('locked');
    expect(await show(locked.id, '2.9')).toMatchObject({ locked: true });
    const latest = await show(locked.id, '2.73');
    expect(latest).toMatchObject({ locked: true, locked_reason: locked.lockedReason });
    expect(JSON.stringify(latest)).not.toContain('locked_by');
  });

  it('shows the hostname to members from 2.90 and the host attributes to admins only', async () => {
    const server = plainActive();
    expect(await show(server.id, '2.89')).not.toHaveProperty('OS-EXT-SRV-ATTR:hostname');
    const member = await show(server.id, '2.90');
    expect(member['OS-EXT-SRV-ATTR:hostname']).toBe(server.name);
    expect(member).not.toHaveProperty('OS-EXT-SRV-ATTR:host');
    expect(await show(server.id, '2.1', nova.admin)).toMatchObject({ 'OS-EXT-SRV-ATTR:host': server.host, 'OS-EXT-SRV-ATTR:hypervisor_hostname': server.host });
  });
});

describe('GET /servers/{id}', () => {
  it('is a 404 for an unknown id, another project’s server and a deleted one', async () => {
    const other = [...nova.sim.cloud.compute.servers.values()].find((s) => s.projectId !== demoProjectId);
    const deleted = plainActive();
    deleted.deletedAt = nova.sim.cloud.clock.now();
    try {
      for (const id of ['no-such-server', other?.id ?? '', deleted.id]) {
        const reply = await nova.get(`/servers/${id}`);
        expect(reply).toMatchObject({ status: 404, body: { itemNotFound: { code: 404, message: `Instance ${id} could not be found.` } } });
      }
      expect((await nova.get(`/servers/${other?.id}`, { token: nova.admin })).status).toBe(200);
    } finally {
      deleted.deletedAt = null;
    }
  });
});
