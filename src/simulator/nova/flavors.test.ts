import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flavor } from '../core/compute/model';
import { computeFixture, shapeDifferences } from './testing/shape';
import { demoProjectId, type NovaSession, startNovaSession } from './testing/nova-session';

// Flavors: list, detail and show per microversion, paging, sorting and who sees which.
let nova: NovaSession;
beforeAll(async () => {
  nova = await startNovaSession({ seed: { servers: 5 }, novaMaxVersion: '2.102' });
  const base = nova.sim.cloud.compute.flavors.get('1') as Flavor;
  const add = (flavor: Partial<Flavor> & { id: string }) => nova.sim.cloud.compute.flavors.set(flavor.id, { ...base, ...flavor });
  add({ id: 'p1', name: 'private.gpu', isPublic: false, swapMb: 1024, extraSpecs: { 'resources:VGPU': '1' } });
  add({ id: 'd1', name: 'retired.small', disabled: true });
});
afterAll(() => nova.sim.close());

interface FlavorList {
  flavors: Array<Record<string, unknown> & { id: string }>;
  flavors_links?: Array<{ rel: string; href: string }>;
}

const flavorIds = async (query: string, token = nova.member) => (await nova.get<FlavorList>(`/flavors?${query}`, { token })).body.flavors.map((f) => f.id);
const seeded = ['1', '2', '3', '4', '5', 'c1', 'r1'];

describe('flavor bodies', () => {
  it.each([
    ['flavors-detail-resp.v2.75.json', '2.75'],
    ['flavors-detail-resp.v2.102.json', '2.102'],
  ])('match %s', async (file, mv) => {
    const reply = await nova.get<FlavorList>('/flavors/detail?limit=1', { mv });
    const fixture = computeFixture(file) as unknown as FlavorList;
    // The fixtures list every flavor without paging: compare the flavors, then the link apart.
    expect(shapeDifferences(reply.body.flavors, fixture.flavors)).toEqual([]);
    expect(reply.body.flavors_links).toEqual([{ rel: 'next', href: `${nova.compute}/flavors/detail?limit=1&marker=1` }]);
  });

  it('shows swap as "" before 2.75, extra_specs from 2.61, description from 2.55', async () => {
    const old = (await nova.get<{ flavor: Record<string, unknown> }>('/flavors/1')).body.flavor;
    expect(old).toMatchObject({ swap: '', rxtx_factor: 1, 'OS-FLV-DISABLED:disabled': false });
    expect(old).not.toHaveProperty('extra_specs');
    expect(old).not.toHaveProperty('description');
    expect((await nova.get<{ flavor: Record<string, unknown> }>('/flavors/1', { mv: '2.75' })).body.flavor).toMatchObject({ swap: 0, description: null, extra_specs: {} });
    const brief = (await nova.get<FlavorList>('/flavors?limit=1', { mv: '2.55' })).body.flavors[0];
    expect(Object.keys(brief ?? {}).sort()).toEqual(['description', 'id', 'links', 'name']);
  });

  it('answers an unknown or private flavor with Nova’s 404', async () => {
    for (const id of ['nope', 'p1']) {
      expect(await nova.get(`/flavors/${id}`)).toMatchObject({ status: 404, body: { itemNotFound: { code: 404, message: `Flavor ${id} could not be found.` } } });
    }
    expect((await nova.get('/flavors/p1', { token: nova.admin })).status).toBe(200);
  });
});

describe('flavor lists', () => {
  it('pages by flavor id with flavors_links, to an empty page', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${nova.compute}/flavors?limit=${seeded.length}`;
    const bodies: FlavorList[] = [];
    while (url) {
      const body: FlavorList = (await nova.get<FlavorList>(url)).body;
      bodies.push(body);
      seen.push(...body.flavors.map((f) => f.id));
      url = body.flavors_links?.[0]?.href;
    }
    expect(seen).toEqual(seeded);
    expect(bodies.at(-1)).toEqual({ flavors: [] });
    expect(await nova.get('/flavors?marker=nope')).toMatchObject({ status: 400, body: { badRequest: { code: 400, message: 'marker [nope] not found' } } });
  });

  it('sorts by a flavor column and filters on minRam and minDisk', async () => {
    const byRam = (await nova.get<FlavorList>('/flavors/detail?sort_key=memory_mb&sort_dir=desc')).body.flavors.map((f) => f.ram as number);
    expect(byRam).toEqual([...byRam].sort((a, b) => b - a));
    expect(await flavorIds('minRam=16384&minDisk=80')).toEqual(['5', 'r1']);
    expect(await nova.get('/flavors?minRam=lots')).toMatchObject({ status: 400, body: { badRequest: { message: 'Invalid minRam filter [lots]' } } });
    expect(await nova.get('/flavors?sort_key=colour')).toMatchObject({ status: 400 });
  });

  it('shows members public, enabled flavors; admins choose with is_public', async () => {
    expect(await flavorIds('is_public=None')).toEqual(seeded);
    expect(await flavorIds('', nova.admin)).toEqual(['1', '2', '3', '4', '5', 'c1', 'd1', 'r1']);
    expect(await flavorIds('is_public=None', nova.admin)).toContain('p1');
    expect(await flavorIds('is_public=False', nova.admin)).toEqual(['p1']);
    expect(await flavorIds('is_public=True', nova.admin)).not.toContain('p1');
    expect(await nova.get('/flavors?is_public=maybe', { token: nova.admin })).toMatchObject({ status: 400, body: { badRequest: { message: 'Invalid is_public filter [maybe]' } } });
  });
});

describe('limits', () => {
  type Absolute = Record<string, number>;
  const limits = async (mv?: string, query = '', token = nova.member) => (await nova.get<{ limits: { rate: unknown[]; absolute: Absolute } }>(`/limits${query}`, { mv, token })).body.limits;

  it('reports the quota and the project’s usage, with the fields of each microversion', async () => {
    const old = await limits();
    expect(old.rate).toEqual([]);
    // nova doc/api_samples/limits/limit-get-resp.json
    expect(Object.keys(old.absolute).sort()).toEqual(
      [
        'maxImageMeta', 'maxPersonality', 'maxPersonalitySize', 'maxSecurityGroupRules', 'maxSecurityGroups', 'maxServerMeta', 'maxTotalCores',
        'maxTotalFloatingIps', 'maxTotalInstances', 'maxTotalKeypairs', 'maxTotalRAMSize', 'maxServerGroups', 'maxServerGroupMembers',
        'totalCoresUsed', 'totalInstancesUsed', 'totalRAMUsed', 'totalSecurityGroupsUsed', 'totalFloatingIpsUsed', 'totalServerGroupsUsed',
      ].sort(),
    );
    const servers = [...nova.sim.cloud.compute.servers.values()].filter((s) => s.projectId === demoProjectId);
    expect(old.absolute.totalInstancesUsed).toBe(servers.length);
    const cores = servers.reduce((sum, s) => sum + (nova.sim.cloud.compute.flavors.get(s.flavorId)?.vcpus ?? 0), 0);
    expect(old.absolute.totalCoresUsed).toBe(cores);
    expect(old.absolute.maxTotalInstances).toBe(nova.sim.cloud.compute.quota.instances);

    expect(Object.keys((await limits('2.36')).absolute)).not.toContain('maxTotalFloatingIps');
    expect(Object.keys((await limits('2.57')).absolute).sort()).toEqual(
      ['maxServerMeta', 'maxTotalCores', 'maxTotalInstances', 'maxTotalKeypairs', 'maxTotalRAMSize', 'maxServerGroups', 'maxServerGroupMembers', 'totalCoresUsed', 'totalInstancesUsed', 'totalRAMUsed', 'totalServerGroupsUsed'].sort(),
    );
  });

  it('lets only admins ask for another project', async () => {
    const other = '?tenant_id=0bb8a2cafe824c76b51f239d72456a39';
    expect(await nova.get(`/limits${other}`)).toMatchObject({ status: 403, body: { forbidden: { message: "Policy doesn't allow os_compute_api:limits:other_project to be performed." } } });
    expect((await limits(undefined, other, nova.admin)).absolute.totalInstancesUsed).toBe(0);
  });
});

describe('availability zones and keypairs', () => {
  it('lists the nova zone', async () => {
    expect((await nova.get('/os-availability-zone')).body).toEqual({ availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true }, hosts: null }] });
  });

  it('gives every user the ops-key keypair, typed from 2.2', async () => {
    const listed = await nova.get<{ keypairs: Array<{ keypair: Record<string, unknown> }> }>('/os-keypairs', { mv: '2.2' });
    expect(listed.body.keypairs).toEqual([{ keypair: { name: 'ops-key', type: 'ssh', fingerprint: expect.any(String), public_key: expect.stringMatching(/^ssh-/) } }]);
    expect((await nova.get('/os-keypairs/ops-key')).body).toMatchObject({ keypair: { name: 'ops-key', deleted: false } });
    expect((await nova.get('/os-keypairs/other')).status).toBe(404);
  });
});
