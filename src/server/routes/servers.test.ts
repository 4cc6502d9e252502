import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, serverDetailSchema, serverListSchema, type ServerSummary } from '../../domain/api';
import { PowerState } from '../../simulator/core/compute/model';
import { projectIds } from '../../simulator/core/seed';
import { idsByName } from '../servers/views';
import { collectPages } from '../testing/pages';
import { csrf, type Stack, sessionCookieFrom, startStack } from '../testing/stack';

let stack: Stack;
let cookie: string;

beforeAll(async () => {
  stack = await startStack({ STACKDECK_LOGIN_RATE_LIMIT: '1000' }, { seed: { servers: 150, networks: 12, seed: 7 } });
  const res = await stack.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username: 'demo', password: 'demo' } });
  cookie = sessionCookieFrom(res.headers['set-cookie']);
});
afterAll(() => stack.close());

const demoServers = () => [...stack.simulator.cloud.compute.servers.values()].filter((s) => s.projectId === projectIds.demo && s.deletedAt === null);

async function list(query: Record<string, string> = {}) {
  const res = await stack.app.inject({ method: 'GET', url: '/api/servers', query, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return serverListSchema.parse(res.json());
}

const listAll = (query: Record<string, string>) => collectPages((marker) => list({ ...query, ...(marker && { marker }) }));

describe('GET /api/servers', () => {
  it('gives each server a view model with its actions', async () => {
    const { items } = await listAll({ limit: '100' });
    const stopped = items.find((s) => s.status === 'SHUTOFF');
    expect(stopped?.powerState).toBe('shut down');
    expect(stopped?.actions.find((a) => a.id === 'start')).toEqual({ id: 'start', enabled: true });
    expect(stopped?.actions.find((a) => a.id === 'reboot')).toEqual({
      id: 'reboot',
      enabled: false,
      reason: 'Reboot is not possible while the server is shut off.',
    });
    const withImage = items.find((s) => s.image !== null);
    expect(withImage?.image?.name).toMatch(/\w/);
    expect(items.find((s) => s.flavor)?.flavor).toMatchObject({ name: expect.stringMatching(/^(m1|c1|r1)\./), vcpus: expect.any(Number) });
  });

  it('maps each form of q to the right Nova call', async () => {
    const journal = stack.simulator.requests;
    const novaCalls = async (q: string) => {
      journal.clear();
      await list({ q });
      return journal.of('compute', /\/servers/).map((e) => ({ path: e.url.split('?')[0], query: Object.fromEntries(e.query) }));
    };
    const id = demoServers()[0]?.id ?? '';

    expect(await novaCalls(id)).toEqual([{ path: `/v2.1/servers/${id}`, query: {} }]);
    expect(await novaCalls('10.11.0.12')).toEqual([{ path: '/v2.1/servers/detail', query: expect.objectContaining({ ip: '10.11.0.12' }) }]);
    expect(await novaCalls('fd00:1::c')).toEqual([{ path: '/v2.1/servers/detail', query: expect.objectContaining({ ip6: 'fd00:1::c' }) }]);
    expect(await novaCalls('web.1')).toEqual([{ path: '/v2.1/servers/detail', query: expect.objectContaining({ name: 'web\\.1' }) }]);
    const both = await novaCalls('10');
    expect(both.map((c) => c.query.ip ?? c.query.name)).toEqual(['10', '10']);
    const prefix = await novaCalls(id.slice(0, 8));
    expect(prefix[0]).toEqual({ path: '/v2.1/servers', query: expect.objectContaining({ limit: '1000' }) });
    expect(prefix).toContainEqual({ path: `/v2.1/servers/${id}`, query: {} });

    journal.clear();
    await list({ sort: 'name', dir: 'desc', status: 'active', limit: '7' });
    expect(Object.fromEntries(journal.of('compute', /\/servers\/detail$/)[0]?.query ?? [])).toEqual({
      limit: '7',
      sort_key: 'display_name',
      sort_dir: 'desc',
      status: 'ACTIVE',
    });
  });

  it('goes on from an earlier id when the marker server was deleted between pages', async () => {
    const first = await list({ limit: '10' });
    const last = first.items.at(-1);
    if (!last || !first.next) throw new Error('expected a second page');
    const server = stack.simulator.cloud.compute.servers.get(last.id);
    if (!server) throw new Error('server vanished');
    stack.simulator.cloud.compute.servers.delete(last.id);
    try {
      const second = await list({ limit: '10', marker: first.next });
      expect(second.items.length).toBeGreaterThan(0);
      const ids = new Set(first.items.map((s) => s.id));
      // Falling back to the id before the vanished one repeats at most the rows in between.
      expect(second.items.filter((s) => ids.has(s.id)).length).toBeLessThanOrEqual(1);
    } finally {
      stack.simulator.cloud.compute.servers.set(last.id, server);
    }
  });

  it('answers a page the browser already holds with a 304, and a changed one in full', async () => {
    const get = (etag?: string) =>
      stack.app.inject({ method: 'GET', url: '/api/servers', query: { limit: '5', sort: 'name' }, headers: { cookie, ...(etag && { 'if-none-match': etag }) } });
    const first = await get();
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await get(etag);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const server = stack.simulator.cloud.compute.servers.get(serverListSchema.parse(first.json()).items[0]?.id ?? '');
    if (!server) throw new Error('no server on the page');
    const name = server.name;
    server.name = `${name}-renamed`;
    try {
      const changed = await get(etag);
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
    } finally {
      server.name = name;
    }
  });

  it('refuses a forged or foreign cursor in words', async () => {
    const res = await stack.app.inject({ method: 'GET', url: '/api/servers', query: { marker: 'not-a-cursor' }, headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(errorBodySchema.parse(res.json()).error.code).toBe('cursor.invalid');
    const page = await list({ limit: '5' });
    const other = await stack.app.inject({ method: 'GET', url: '/api/servers', query: { marker: page.next ?? '', q: 'web' }, headers: { cookie } });
    expect(other.statusCode).toBe(400);
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: 'many' }, 'limit'],
    [{ sort: 'host' }, 'sort'],
    [{ status: 'SLEEPING' }, 'status'],
  ])('answers bad parameters %j with a 400 naming the field', async (query, field) => {
    const res = await stack.app.inject({ method: 'GET', url: '/api/servers', query, headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(errorBodySchema.parse(res.json()).error.message).toContain(field);
  });

});

describe('GET /api/servers/:id', () => {
  it('tells the whole story of a server in ERROR: fault and action log with events', async () => {
    const failed = demoServers().find((s) => s.vmState === 'error' && s.fault);
    if (!failed) throw new Error('the seed has an ERROR server in the demo project');
    const res = await stack.app.inject({ method: 'GET', url: `/api/servers/${failed.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const detail = serverDetailSchema.parse(res.json());
    expect(detail.status).toBe('ERROR');
    expect(detail.fault?.message).toBe(failed.fault?.message);
    expect(detail.fault?.details).toBeUndefined(); // tracebacks of 500 faults are hidden from members
    expect(detail.actionLog?.[0]).toMatchObject({ action: 'create', requestId: expect.stringMatching(/^req-/) });
    expect(detail.actionLog?.[0]?.events?.[0]?.event).toBe('compute__do_build_and_run_instance');
  });

  it('keeps other projects’ servers out of reach', async () => {
    const foreign = [...stack.simulator.cloud.compute.servers.values()].find((s) => s.projectId === projectIds.admin);
    if (!foreign) throw new Error('seed has admin servers');
    const res = await stack.app.inject({ method: 'GET', url: `/api/servers/${foreign.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(404);
  });
});

describe('GET /api/servers/changes', () => {
  it('returns servers changed since a time, deleted ones as DELETED', async () => {
    const since = new Date(stack.simulator.cloud.clock.now() - 1000).toISOString();
    const [changed, removed] = demoServers();
    if (!changed || !removed) throw new Error('seed too small');
    const now = stack.simulator.cloud.clock.now();
    changed.powerState = PowerState.SHUTDOWN;
    changed.vmState = 'stopped';
    changed.updatedAt = now;
    removed.vmState = 'deleted';
    removed.deletedAt = now;
    removed.updatedAt = now;
    const res = await stack.app.inject({ method: 'GET', url: '/api/servers/changes', query: { since }, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: ServerSummary[] };
    expect(body.items.find((s) => s.id === changed.id)?.status).toBe('SHUTOFF');
    expect(body.items.find((s) => s.id === removed.id)?.status).toBe('DELETED');
  });
});

describe('image names', () => {
  it('names a new session’s first page from one Glance list, and shows only an image that list leaves out', async () => {
    const login = await stack.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username: 'demo', password: 'demo' } });
    const session = sessionCookieFrom(login.headers['set-cookie']);
    const page = async () => {
      const res = await stack.app.inject({ method: 'GET', url: '/api/servers', query: { limit: '100' }, headers: { cookie: session } });
      return serverListSchema.parse(res.json()).items;
    };
    const withImage = demoServers().find((s) => s.imageId !== '');
    const hidden = stack.simulator.cloud.images.images.get(withImage?.imageId ?? '');
    if (!hidden) throw new Error('no demo server with an image in the seed');
    // A hidden image is shown by id but listed only with os_hidden=true.
    hidden.osHidden = true;
    stack.simulator.requests.clear();
    try {
      const items = await page();
      const ids = new Set(items.flatMap((s) => (s.image ? [s.image.id] : [])));
      expect(ids.size).toBeGreaterThan(1);
      expect(items.every((s) => s.image === null || s.image.name === stack.simulator.cloud.images.images.get(s.image.id)?.name)).toBe(true);

      const lists = stack.simulator.requests.of('image', /\/images$/);
      expect(lists).toHaveLength(1);
      expect(new Set(lists[0]?.query.get('id')?.replace(/^in:/, '').split(','))).toEqual(ids);
      expect(stack.simulator.requests.of('image', /\/images\/./).map((e) => e.url.split('/').at(-1))).toEqual([hidden.id]);
    } finally {
      hidden.osHidden = false;
    }
    stack.simulator.requests.clear();
    await page();
    expect(stack.simulator.requests.of('image')).toEqual([]);
  });
});

describe('network links of address groups', () => {
  /** A session of its own: the network names are cached per session. */
  async function freshSession(): Promise<string> {
    const res = await stack.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username: 'demo', password: 'demo' } });
    return sessionCookieFrom(res.headers['set-cookie']);
  }

  async function detailOf(id: string, session: string) {
    const res = await stack.app.inject({ method: 'GET', url: `/api/servers/${id}`, headers: { cookie: session } });
    expect(res.statusCode, res.body).toBe(200);
    return serverDetailSchema.parse(res.json());
  }

  /** The network a demo member sees under a name, from the simulator's state. */
  function visibleNetwork(name: string) {
    const found = [...stack.simulator.cloud.network.networks.values()].filter(
      (n) => n.name === name && (n.projectId === projectIds.demo || n.shared || n.external),
    );
    expect(found).toHaveLength(1);
    return found[0];
  }

  const withAddresses = () => {
    const server = demoServers().find((s) => stack.simulator.cloud.network.portsByDevice.has(s.id));
    if (!server) throw new Error('no demo server with a port in the seed');
    return server;
  };
  const networkListCalls = () => stack.simulator.requests.of('network', /\/v2\.0\/networks$/);

  it('gives each group its network id, from one id-and-name list of Neutron per session', async () => {
    const session = await freshSession();
    const target = withAddresses();
    stack.simulator.requests.clear();
    const detail = await detailOf(target.id, session);
    expect(detail.addresses.length).toBeGreaterThan(0);
    for (const group of detail.addresses) expect(group.networkId).toBe(visibleNetwork(group.network)?.id);

    const calls = networkListCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query.getAll('fields')).toEqual(['id', 'name']);

    await detailOf(target.id, session);
    await stack.app.inject({ method: 'GET', url: '/api/servers', headers: { cookie: session } });
    expect(networkListCalls()).toHaveLength(1);
  });

  it('does not hold a list’s first rows for the names, and links its rows once they are known', async () => {
    const session = await freshSession();
    const page = async () => {
      const res = await stack.app.inject({ method: 'GET', url: '/api/servers', query: { limit: '100' }, headers: { cookie: session } });
      return serverListSchema.parse(res.json()).items.flatMap((s) => s.addresses);
    };
    const first = await page();
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((group) => group.networkId === undefined)).toBe(true);
    // The list started the lookup; the detail waits for the same one.
    await detailOf(withAddresses().id, session);
    const later = await page();
    expect(later.every((group) => group.networkId === visibleNetwork(group.network)?.id)).toBe(true);
  });

  it('shows the groups without links when Neutron fails, and asks again on the next request', async () => {
    const session = await freshSession();
    const target = withAddresses();
    stack.simulator.faults.network = { errorRate: 1 };
    try {
      const detail = await detailOf(target.id, session);
      expect(detail.addresses.length).toBeGreaterThan(0);
      expect(detail.addresses.every((group) => group.networkId === undefined)).toBe(true);
    } finally {
      stack.simulator.faults.network = undefined;
    }
    const again = await detailOf(target.id, session);
    expect(again.addresses.every((group) => group.networkId !== undefined)).toBe(true);
  });

  it('links no group to a network whose name another visible network shares', () => {
    const ids = idsByName([
      { id: 'a', name: 'private' },
      { id: 'b', name: 'public' },
      { id: 'c', name: 'private' },
      { id: 'd', name: 'private' },
      { id: 'e', name: '' },
    ]);
    expect(Object.fromEntries(ids)).toEqual({ public: 'b' });
  });
});
