import { beforeEach, describe, expect, it } from 'vitest';
import { consoleOutputSchema, errorBodySchema, serverChangesSchema, serverDetailSchema, serverListSchema, type ServerList } from '../../domain/api';
import { createClock } from '../core/clock';
import { createCloud } from '../core/cloud';
import { base, csrf, listeningServer, signedInBff } from '../testing/msw-bff';
import type { BffHandlers } from './bff-handlers';

const clock = createClock({ virtual: true });
const server = listeningServer();
let bff: BffHandlers;

beforeEach(async () => {
  bff = await signedInBff(server, createCloud({ clock, seed: { servers: 400 } }));
});

async function list(query: Record<string, string>): Promise<ServerList> {
  const response = await fetch(`${base}/api/servers?${new URLSearchParams(query)}`);
  expect(response.status).toBe(200);
  return serverListSchema.parse(await response.json());
}

async function all(query: Record<string, string>): Promise<ServerList['items']> {
  const items: ServerList['items'] = [];
  let marker: string | null = null;
  do {
    const page: ServerList = await list({ ...query, ...(marker && { marker }) });
    items.push(...page.items);
    marker = page.next;
  } while (marker);
  return items;
}

describe('the servers msw handlers', () => {
  it('pages through the project’s servers, each once, in the order asked for', async () => {
    const items = await all({ limit: '50', sort: 'name', dir: 'asc' });
    expect(new Set(items.map((s) => s.id)).size).toBe(items.length);
    expect(items.length).toBeGreaterThan(100);
    const names = items.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(items.every((s) => s.actions.length > 0)).toBe(true);
  });

  it('filters by status and searches names literally, addresses and id prefixes', async () => {
    const errors = await all({ status: 'ERROR' });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((s) => s.status === 'ERROR')).toBe(true);

    const everyone = await all({});
    const target = everyone.find((s) => s.addresses.length > 0);
    if (!target) throw new Error('no server with an address');
    const address = target.addresses[0]?.addresses[0]?.addr ?? '';
    expect((await all({ q: address })).map((s) => s.id)).toContain(target.id);
    expect((await all({ q: target.id.slice(0, 8) })).map((s) => s.id)).toContain(target.id);
    expect((await all({ q: target.id })).map((s) => s.id)).toEqual([target.id]);
    expect(await all({ q: 'web.0' })).toEqual([]);
  });

  it('falls back to the start when a page’s last ids vanished, so the next page repeats rows', async () => {
    const first = await list({ limit: '20' });
    for (const item of first.items.slice(-3)) bff.cloud.compute.servers.delete(item.id);
    const second = await list({ limit: '20', marker: first.next ?? '' });
    expect(second.items[0]?.id).toBe(first.items[0]?.id);
  });

  it('refuses a cursor made for another query', async () => {
    const first = await list({ limit: '20' });
    const response = await fetch(`${base}/api/servers?limit=20&sort=name&marker=${first.next}`);
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(await response.json()).error.code).toBe('cursor.invalid');
  });

  it('details a server with its fault and action log, and 404s an unknown one', async () => {
    const [broken] = await all({ status: 'ERROR' });
    const response = await fetch(`${base}/api/servers/${broken?.id}`);
    const detail = serverDetailSchema.parse(await response.json());
    expect(detail.fault?.message).toBeTruthy();
    expect(detail.actionLog?.[0]?.events?.length).toBeGreaterThan(0);

    const missing = await fetch(`${base}/api/servers/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(errorBodySchema.parse(await missing.json()).error.code).toBe('server.not_found');
  });

  it('lists changes since a time, deleted servers as DELETED', async () => {
    const since = new Date(clock.now()).toISOString();
    clock.advance(1000);
    const [victim] = await all({});
    const stored = bff.cloud.compute.servers.get(victim?.id ?? '');
    if (!stored) throw new Error('no server');
    stored.deletedAt = clock.now();
    const changes = serverChangesSchema.parse(await (await fetch(`${base}/api/servers/changes?since=${since}`)).json());
    expect(changes.items).toEqual([expect.objectContaining({ id: stored.id, status: 'DELETED' })]);
    expect(Date.parse(changes.asOf)).toBeGreaterThanOrEqual(stored.deletedAt);
  });

  it('gives the console log’s last lines', async () => {
    const [first] = await all({ status: 'ACTIVE' });
    const body = consoleOutputSchema.parse(await (await fetch(`${base}/api/servers/${first?.id}/console?lines=5`)).json());
    expect(body.output.split('\n')).toHaveLength(5);
    expect(body.output).toMatch(/login:$/);
  });

  it('answers 401 when signed out', async () => {
    await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: csrf });
    const response = await fetch(`${base}/api/servers`);
    expect(response.status).toBe(401);
    expect(errorBodySchema.parse(await response.json()).error.code).toBe('auth.unauthenticated');
  });
});
