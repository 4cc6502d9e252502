import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../core/compute/model';
import { portsOfDevice } from '../core/network/model';
import { adminProjectId, demoProjectId, type NovaSession, startNovaSession } from './testing/nova-session';

// GET /servers and /servers/detail: paging, links, sorting, filters and project isolation.
let nova: NovaSession;
beforeAll(async () => {
  nova = await startNovaSession({ seed: { servers: 90 } });
});
afterAll(() => nova.sim.close());

interface Listed {
  id: string;
  name: string;
  status?: string;
  [key: string]: unknown;
}
interface ListBody {
  servers: Listed[];
  servers_links?: Array<{ rel: string; href: string }>;
}

const list = (query: string, options: Parameters<NovaSession['get']>[1] = {}) => nova.get<ListBody>(`/servers/detail?${query}`, options);
const ids = (body: ListBody) => body.servers.map((s) => s.id);
const all = () => [...nova.sim.cloud.compute.servers.values()];
const inDemo = () => all().filter((s) => s.projectId === demoProjectId && s.deletedAt === null);
const fault = (status: number, message: string) => ({ status, body: { [status === 400 ? 'badRequest' : 'forbidden']: { code: status, message } } });

/** Nova's default order: created_at desc, then the row id desc. */
const newestFirst = (servers: Server[]) => {
  const seq = new Map(all().map((s, i) => [s.id, i]));
  return [...servers].sort((a, b) => b.createdAt - a.createdAt || (seq.get(b.id) ?? 0) - (seq.get(a.id) ?? 0)).map((s) => s.id);
};

describe('paging', () => {
  it('walks every server of the project once, newest first, through the next links', async () => {
    const expected = newestFirst(inDemo());
    const limit = Math.ceil(expected.length / 3) + 1; // three pages, the last one short
    const seen: string[] = [];
    let url: string | undefined = `${nova.compute}/servers/detail?limit=${limit}`;
    let pages = 0;
    while (url) {
      const reply: Awaited<ReturnType<typeof list>> = await nova.get<ListBody>(url);
      seen.push(...ids(reply.body));
      pages += 1;
      const next = reply.body.servers_links?.[0];
      if (next) expect(next).toEqual({ rel: 'next', href: `${nova.compute}/servers/detail?limit=${limit}&marker=${seen.at(-1)}` });
      url = next?.href;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);
  });

  it('gives a full last page its link, which leads to an empty page without one', async () => {
    const count = inDemo().length;
    const full = await list(`limit=${count}`);
    expect(full.body.servers).toHaveLength(count);
    const next = full.body.servers_links?.[0]?.href as string;
    expect(await nova.get(next)).toMatchObject({ status: 200, body: { servers: [] } });
    expect((await nova.get(next)).body).not.toHaveProperty('servers_links');
    expect((await list(`limit=${count + 1}`)).body).not.toHaveProperty('servers_links');
  });

  it('repeats every parameter in the link, sorted, with the marker replaced in place', async () => {
    const first = await nova.get<ListBody>('/servers?sort_key=display_name&name=e&limit=2&sort_dir=asc');
    const marker = first.body.servers[1]?.id;
    expect(first.body.servers_links).toEqual([{ rel: 'next', href: `${nova.compute}/servers?limit=2&name=e&sort_dir=asc&sort_key=display_name&marker=${marker}` }]);
    const second = await nova.get<ListBody>(first.body.servers_links?.[0]?.href as string);
    expect(second.body.servers_links?.[0]?.href).toBe(`${nova.compute}/servers?limit=2&marker=${second.body.servers[1]?.id}&name=e&sort_dir=asc&sort_key=display_name`);
  });

  it('caps limit at 1000, refuses a negative or non-integer one', async () => {
    expect((await list('limit=5000')).body.servers).toHaveLength(inDemo().length);
    expect(await list('limit=-1')).toMatchObject(fault(400, "Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'"));
    expect(await list('limit=ten')).toMatchObject(fault(400, "Invalid input for query parameters limit. Value: ten. 'ten' does not match '^[0-9]*$'"));
    expect((await list('limit=0')).body).toEqual({ servers: [] });
  });

  it('answers an unknown marker with 400 and takes any real server as a marker', async () => {
    expect(await list('marker=no-such-id')).toMatchObject(fault(400, 'marker [no-such-id] not found'));
    const elsewhere = all().find((s) => s.projectId !== demoProjectId) as Server;
    expect((await list(`marker=${elsewhere.id}`)).status).toBe(200);
  });

  it('returns id, name and links only on GET /servers', async () => {
    const reply = await nova.get<ListBody>('/servers?limit=2');
    for (const server of reply.body.servers) expect(Object.keys(server).sort()).toEqual(['id', 'links', 'name']);
  });
});

describe('sorting', () => {
  it('sorts by pairs of keys and directions, case-insensitively like MySQL', async () => {
    const reply = await list('sort_key=display_name&sort_dir=asc');
    const names = reply.body.servers.map((s) => s.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const byState = await list('sort_key=vm_state&sort_dir=asc&sort_key=display_name&sort_dir=desc');
    const pairs = byState.body.servers.map((s) => [s['OS-EXT-STS:vm_state'] as string, s.name.toLowerCase()] as const);
    const sorted = [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0));
    expect(pairs).toEqual(sorted);
  });

  it('keeps host and node for admins, drops legacy keys before 2.75 and refuses them after', async () => {
    expect(await list('sort_key=host')).toMatchObject(fault(403, 'Only administrators can sort servers by host'));
    expect((await list('sort_key=host', { token: nova.admin })).status).toBe(200);
    expect(ids((await list('sort_key=vcpus&sort_dir=asc', { mv: '2.74' })).body)).toEqual(newestFirst(inDemo()));
    expect((await list('sort_key=vcpus', { mv: '2.75' })).body).toMatchObject({ badRequest: { message: expect.stringMatching(/^Invalid input for query parameters sort_key\. Value: vcpus\. 'vcpus' is not one of \[/) } });
    expect((await list('sort_key=nonsense')).status).toBe(400);
    expect(await list('sort_key=display_name&sort_dir=up')).toMatchObject(fault(400, "Invalid input received: Unknown sort direction, must be 'desc' or 'asc'"));
  });
});

describe('filters', () => {
  it('searches names with a case-insensitive regex and refuses an invalid one', async () => {
    const reply = await list('name=^WEB-');
    const expected = inDemo().filter((s) => /^web-/i.test(s.name));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(reply.body).sort()).toEqual(expected.map((s) => s.id).sort());
    expect(await list('name=(')).toMatchObject(fault(400, "Invalid input for query parameters name. Value: (. '(' is not a 'regex'"));
  });

  it('finds servers by fixed IP substring, anchors and escaped dots dropped', async () => {
    const target = inDemo().find((s) => portsOfDevice(nova.sim.cloud.network, s.id).length > 0) as Server;
    const [v4, v6] = portsOfDevice(nova.sim.cloud.network, target.id)[0]?.fixedIps.map((ip) => ip.ipAddress) ?? [];
    const exact = await list(`ip=${encodeURIComponent(`^${v4?.replace(/\./g, '\\.')}$`)}`);
    expect(ids(exact.body)).toContain(target.id);
    const fixedOf = (id: string) => portsOfDevice(nova.sim.cloud.network, id).flatMap((p) => p.fixedIps.map((ip) => ip.ipAddress));
    for (const id of ids(exact.body)) expect(fixedOf(id).some((ip) => ip.includes(v4 as string))).toBe(true);
    expect(ids((await list(`ip6=${encodeURIComponent(v6 as string)}`, { mv: '2.5' })).body)).toContain(target.id);
    expect((await list('ip=192.0.2.')).body).toEqual({ servers: [] });
  });

  it('filters on status, several OR’d, case-insensitively; unknown is 400 from 2.38, empty before', async () => {
    const shutoff = await list('status=shutoff&status=PAUSED');
    expect(new Set(shutoff.body.servers.map((s) => s.status))).toEqual(new Set(['SHUTOFF', 'PAUSED']));
    expect(shutoff.body.servers).toHaveLength(inDemo().filter((s) => s.vmState === 'stopped' || s.vmState === 'paused').length);
    expect(await list('status=SLEEPING', { mv: '2.38' })).toMatchObject(fault(400, 'Invalid status value'));
    expect((await list('status=SLEEPING', { mv: '2.37' })).body).toEqual({ servers: [] });
    expect(await list('status=DELETED')).toMatchObject(fault(403, 'Only administrators may list deleted instances'));
  });

  it('lists deleted servers as DELETED with changes-since, and checks the dates', async () => {
    const server = inDemo().find((s) => s.vmState === 'active') as Server;
    const now = nova.sim.cloud.clock.now();
    const since = new Date(now - 1000).toISOString();
    Object.assign(server, { deletedAt: now, vmState: 'deleted', updatedAt: now });
    try {
      expect(ids((await list('')).body)).not.toContain(server.id);
      const changed = await list(`changes-since=${since}`);
      expect(changed.body.servers).toEqual([expect.objectContaining({ id: server.id, status: 'DELETED' })]);
      expect((await list(`changes-before=${since}`, { mv: '2.66' })).body.servers.map((s) => s.id)).not.toContain(server.id);
      expect((await list(`status=DELETED&all_tenants=1`, { token: nova.admin })).body.servers).toEqual([expect.objectContaining({ id: server.id })]);
    } finally {
      Object.assign(server, { deletedAt: null, vmState: 'active' });
    }
    expect(await list('changes-since=yesterday')).toMatchObject(fault(400, "Invalid input for query parameters changes-since. Value: yesterday. 'yesterday' is not a 'date-time'"));
    expect(await list(`changes-since=${since}&changes-before=2000-01-01T00:00:00Z`, { mv: '2.66' })).toMatchObject(
      fault(400, 'The value of changes-since must be less than or equal to changes-before.'),
    );
  });

  it('filters on flavor id (unknown: empty list) and image', async () => {
    const flavor = await list('flavor=1');
    expect(ids(flavor.body).sort()).toEqual(inDemo().filter((s) => s.flavorId === '1').map((s) => s.id).sort());
    expect((await list('flavor=no-such-flavor')).body).toEqual({ servers: [] });
    const imageId = inDemo().find((s) => s.imageId)?.imageId as string;
    expect(ids((await list(`image=${imageId}`)).body).sort()).toEqual(inDemo().filter((s) => s.imageId === imageId).map((s) => s.id).sort());
  });

  it('filters on locked from 2.73 with a strict boolean, and ignores it before', async () => {
    const locked = await list('locked=true', { mv: '2.73' });
    expect(ids(locked.body).sort()).toEqual(inDemo().filter((s) => s.locked).map((s) => s.id).sort());
    expect((await list('locked=0', { mv: '2.73' })).body.servers.every((s) => s.locked === false)).toBe(true);
    expect((await list('locked=true', { mv: '2.72' })).body.servers).toHaveLength(inDemo().length);
    expect(await list('locked=maybe', { mv: '2.73' })).toMatchObject(
      fault(400, "Unrecognized value 'maybe', acceptable values are: '0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'"),
    );
  });

  it('lets admins filter on uuid and host, and drops those filters for members', async () => {
    const target = inDemo()[0] as Server;
    expect(ids((await list(`uuid=${target.id}&all_tenants=1`, { token: nova.admin })).body)).toEqual([target.id]);
    const onHost = await list(`host=${target.host}&all_tenants=1`, { token: nova.admin });
    expect(onHost.body.servers.every((s) => s['OS-EXT-SRV-ATTR:host'] === target.host)).toBe(true);
    expect((await list(`uuid=${target.id}&host=nowhere`)).body.servers).toHaveLength(inDemo().length);
  });

  it('ignores unknown parameters before 2.75 and refuses them after; joined tables are a 400 for admins', async () => {
    expect((await list('colour=blue', { mv: '2.74' })).status).toBe(200);
    expect(await list('colour=blue&flavour=x', { mv: '2.75' })).toMatchObject(fault(400, "'colour', 'flavour' do not match any of the regexes: '^_'"));
    // Stripped before 2.75, so the next link does not repeat them.
    const kept = await list('colour=blue&limit=1', { mv: '2.74' });
    expect(kept.body.servers_links?.[0]?.href).toMatch(/\?limit=1&marker=[0-9a-f-]+$/);
    expect(await list('block_device_mapping=x', { token: nova.admin })).toMatchObject(fault(400, 'Invalid filter field: block_device_mapping.'));
    expect((await list('block_device_mapping=x')).status).toBe(200);
  });
});

describe('project isolation', () => {
  it('shows a member their project only, and an admin theirs unless all_tenants', async () => {
    expect(ids((await list('')).body).sort()).toEqual(inDemo().map((s) => s.id).sort());
    const own = await list('', { token: nova.admin });
    expect(own.body.servers.every((s) => s.tenant_id === adminProjectId)).toBe(true);
    const everyone = await list('all_tenants', { token: nova.admin });
    expect(everyone.body.servers).toHaveLength(all().filter((s) => s.deletedAt === null).length);
  });

  it('narrows all_tenants to project_id or tenant_id, and ignores those without it', async () => {
    for (const name of ['project_id', 'tenant_id']) {
      const narrowed = await list(`all_tenants=true&${name}=${demoProjectId}`, { token: nova.admin });
      expect(ids(narrowed.body).sort()).toEqual(inDemo().map((s) => s.id).sort());
    }
    const ignored = await list(`project_id=${demoProjectId}`, { token: nova.admin });
    expect(ignored.body.servers.every((s) => s.tenant_id === adminProjectId)).toBe(true);
  });

  it('refuses all_tenants to a member, on either list', async () => {
    expect(await list('all_tenants=1')).toMatchObject(fault(403, "Policy doesn't allow os_compute_api:servers:detail:get_all_tenants to be performed."));
    expect(await nova.get('/servers?all_tenants')).toMatchObject(fault(403, "Policy doesn't allow os_compute_api:servers:index:get_all_tenants to be performed."));
    expect((await list('all_tenants=0')).status).toBe(200);
  });
});

describe('with 10 000 servers', () => {
  let big: NovaSession;
  beforeAll(async () => {
    big = await startNovaSession({ seed: { servers: 10_000 } });
  });
  afterAll(() => big.sim.close());

  it('serves a name-filtered page of 100 after a marker (its speed is in npm run bench)', async () => {
    const first = await big.get<ListBody>('/servers/detail?name=web&limit=100', { mv: '2.100' });
    const marker = first.body.servers.at(-1)?.id;
    const page = (await big.get<ListBody>(`/servers/detail?name=web&limit=100&marker=${marker}`, { mv: '2.100' })).body;
    expect(page.servers).toHaveLength(100);
    expect(page.servers.every((s) => /web/i.test(s.name))).toBe(true);
    expect(ids(page)).not.toContain(marker);
  });
});
