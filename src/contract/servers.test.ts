// The servers list, search and detail against the target's Nova, Neutron and Glance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, errorBodySchema, flavorListSchema, imageListSchema, limitsSchema, serverDetailSchema, serverListSchema } from '../domain/api';
import { collectPages } from '../server/testing/pages';
import { openSuite, type Suite } from './suite';
import { type BootChoices, bootChoices, createActiveServers, deleteServers, testServerName } from './test-servers';

let suite: Suite;
let choices: BootChoices;
/** Two servers whose names differ only where a regex dot would match: `…web.1` and `…webx1`. */
let dotted: { id: string; name: string };
let lookalike: { id: string; name: string };

beforeAll(async () => {
  suite = await openSuite({ seed: { servers: 150, networks: 12, seed: 7 } });
  choices = await bootChoices(suite.client);
  const prefix = testServerName('search');
  const names = [`${prefix}-web.1`, `${prefix}-webx1`];
  const [a, b] = await createActiveServers(suite.client, choices, names);
  dotted = { id: a ?? '', name: names[0] ?? '' };
  lookalike = { id: b ?? '', name: names[1] ?? '' };
});
afterAll(async () => {
  if (dotted && lookalike) await deleteServers(suite.client, [dotted.id, lookalike.id]);
  await suite?.close();
});

async function list(query: Record<string, string> = {}) {
  const res = await suite.get(apiPaths.servers, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return serverListSchema.parse(res.body);
}

const listAll = async (query: Record<string, string>) => {
  const { items, pages } = await collectPages((marker) => list({ ...query, ...(marker && { marker }) }));
  return { items, pages: pages.length };
};

/** The project's servers as Nova lists them to the same user, for the BFF's lists to match. */
async function novaServerIds(): Promise<string[]> {
  const reply = await suite.client.call<{ servers: Array<{ id: string }> }>('compute', '/servers?limit=1000');
  return reply.body.servers.map((s) => s.id);
}

describe('the servers list', () => {
  it('pages through every server of the project exactly once, over Nova’s markers', async () => {
    const { items, pages } = await listAll({ limit: '5' });
    const ids = items.map((s) => s.id);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(await novaServerIds()));
  });

  it('sorts by name and by creation time through Nova', async () => {
    const byName = (await listAll({ limit: '50', sort: 'name', dir: 'asc' })).items.map((s) => s.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    const byCreated = (await listAll({ limit: '50' })).items.map((s) => s.created);
    expect(byCreated).toEqual([...byCreated].sort().reverse());
  });

  it('filters by status through Nova', async () => {
    const { items } = await listAll({ limit: '50', status: 'active' });
    expect(items.map((s) => s.id)).toEqual(expect.arrayContaining([dotted.id, lookalike.id]));
    expect(items.every((s) => s.status === 'ACTIVE')).toBe(true);
  });

  it('gives each row its flavor, image, addresses and the actions Nova would accept', async () => {
    const row = (await list({ q: dotted.id })).items[0];
    expect(row).toMatchObject({ name: dotted.name, status: 'ACTIVE', vmState: 'active', taskState: null, powerState: 'running', locked: false });
    expect(row?.flavor?.name).toBe(choices.flavors[0]?.name);
    expect(row?.image).toEqual({ id: choices.image.id, name: choices.image.name });
    if (choices.networkId) expect(row?.addresses.flatMap((g) => g.addresses).length).toBeGreaterThan(0);
    const action = (id: string) => row?.actions.find((a) => a.id === id);
    expect(action('reboot')).toEqual({ id: 'reboot', enabled: true });
    expect(action('start')).toEqual({ id: 'start', enabled: false, reason: 'Start is not possible while the server is running.' });
  });
});

describe('search', () => {
  it('finds a server by its full UUID and by a UUID prefix', async () => {
    expect((await list({ q: dotted.id })).items.map((s) => s.id)).toEqual([dotted.id]);
    const byPrefix = await listAll({ q: dotted.id.slice(0, 8) });
    expect(byPrefix.items.map((s) => s.id)).toContain(dotted.id);
  });

  it('matches a name literally: a dot is a dot', async () => {
    expect((await list({ q: dotted.name })).items.map((s) => s.id)).toEqual([dotted.id]);
    expect((await list({ q: lookalike.name })).items.map((s) => s.id)).toEqual([lookalike.id]);
  });

  it('finds a server by an exact fixed address', async (context) => {
    if (!choices.networkId) return context.skip('the project has no network with a subnet to give servers addresses');
    const row = (await list({ q: dotted.id })).items[0];
    const address = row?.addresses.flatMap((g) => g.addresses).find((a) => a.type === 'fixed');
    if (!address) throw new Error(`${dotted.name} has no fixed address`);
    const found = await listAll({ q: address.addr });
    expect(found.items.map((s) => s.id)).toContain(dotted.id);
    expect(found.items.every((s) => s.addresses.some((g) => g.addresses.some((a) => a.addr === address.addr)))).toBe(true);
  });

  it('an unknown UUID is an empty list, not an error', async () => {
    expect((await list({ q: '00000000-0000-4000-8000-000000000000' })).items).toEqual([]);
  });
});

describe('a server’s detail', () => {
  it('tells its story: flavor, image, addresses and the action log with the create action', async () => {
    const res = await suite.get(apiPaths.server(dotted.id));
    expect(res.status).toBe(200);
    const detail = serverDetailSchema.parse(res.body);
    expect(detail).toMatchObject({ id: dotted.id, name: dotted.name, projectId: suite.client.projectId, userId: suite.client.userId, fault: null });
    expect(detail.launchedAt).not.toBeNull();
    expect(detail.actionLog?.map((a) => a.action)).toContain('create');
    expect(detail.actionLog?.find((a) => a.action === 'create')?.requestId).toMatch(/^req-/);
  });

  it('shows a server in ERROR with its fault', async (context) => {
    const failed = (await listAll({ limit: '50', status: 'error' })).items[0];
    if (!failed) return context.skip('the target has no server in ERROR in this project');
    const detail = serverDetailSchema.parse((await suite.get(apiPaths.server(failed.id))).body);
    expect(detail.status).toBe('ERROR');
    expect(detail.fault?.message.length).toBeGreaterThan(0);
    expect(detail.fault?.details).toBeUndefined(); // tracebacks are for admins
    expect(detail.actionLog?.map((a) => a.action)).toContain('create');
  });

  it('says in words that a server does not exist', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '../flavors']) {
      const res = await suite.get(apiPaths.server(id));
      expect(res.status).toBe(404);
      expect(errorBodySchema.parse(res.body).error).toMatchObject({ code: 'server.not_found', message: expect.stringMatching(/^This server (no longer exists|does not exist)\.$/) });
    }
  });

  it('needs a session', async () => {
    const res = await suite.bff.app.inject({ method: 'GET', url: apiPaths.server(dotted.id) });
    expect(res.statusCode).toBe(401);
  });
});

describe('what the action dialogs read', () => {
  it('lists the flavors, the images and the quota', async () => {
    const flavors = flavorListSchema.parse((await suite.get(apiPaths.flavors)).body).items.map((f) => f.id);
    expect(flavors).toEqual(expect.arrayContaining(choices.flavors.map((f) => f.id)));
    const images = imageListSchema.parse((await suite.get(apiPaths.images)).body).items;
    expect(images.find((i) => i.id === choices.image.id)).toMatchObject({ name: choices.image.name, status: 'active' });
    const limits = limitsSchema.parse((await suite.get(apiPaths.limits)).body);
    expect(limits.instances.used).toBeGreaterThanOrEqual(2);
  });
});
