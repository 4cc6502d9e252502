import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../index';
import { demoUser, passwordAuth, postToken } from '../testing/keystone-client';
import { replaceFaults } from './model';

// Faults over real HTTP: what a client of each service meets, switched at run time.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: { servers: 5 } });
});
afterEach(() => replaceFaults(sim.faults, {}));
afterAll(() => sim.close());

/** Each service's version document: open, so a fault is the only thing that can make it fail. */
const roots = () => ({
  identity: `${new URL(sim.authUrl).origin}/v3`,
  compute: sim.endpoints.compute,
  network: sim.endpoints.network,
  image: sim.endpoints.image,
});

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function networkErrorCode(url: string): Promise<unknown> {
  const error: unknown = await fetch(url).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  return (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
}

describe('latency', () => {
  it('delays one service only', async () => {
    sim.faults.compute = { latencyMs: 250 };
    expect(await timed(() => fetch(roots().compute))).toBeGreaterThanOrEqual(245);
    expect(await timed(() => fetch(roots().network))).toBeLessThan(200);
  });

  it('slows Keystone’s token requests only, on top of its latency', async () => {
    sim.faults.slowKeystoneMs = 250;
    expect(await timed(() => postToken(sim.authUrl, passwordAuth(demoUser)))).toBeGreaterThanOrEqual(245);
    expect(await timed(() => fetch(roots().identity))).toBeLessThan(200);
    sim.faults.identity = { latencyMs: 100 };
    expect(await timed(() => postToken(sim.authUrl, passwordAuth(demoUser)))).toBeGreaterThanOrEqual(345);
  });
});

describe('error rate', () => {
  it.each([
    ['identity', 500, 'application/json', { error: { code: 500, title: 'Internal Server Error' } }],
    ['identity', 503, 'application/json', { error: { code: 503, title: 'Service Unavailable' } }],
    ['compute', 500, 'application/json', { computeFault: { code: 500 } }],
    ['compute', 503, 'application/json', { serviceUnavailable: { code: 503 } }],
    ['network', 500, 'application/json', { NeutronError: { type: 'HTTPInternalServerError', detail: '' } }],
    ['network', 503, 'application/json', { NeutronError: { type: 'HTTPServiceUnavailable', detail: '' } }],
  ] as const)('answers %s’s %i in its own JSON shape', async (service, status, contentType, shape) => {
    sim.faults[service] = { errorRate: 1, errorStatus: status };
    const response = await fetch(roots()[service]);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('x-openstack-request-id')).toMatch(/^req-/);
    expect(await response.json()).toMatchObject(shape);
  });

  it('answers Glance’s errors as webob’s plain text, 500 unless told', async () => {
    sim.faults.image = { errorRate: 1 };
    const response = await fetch(roots().image);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(await response.text()).toMatch(/^500 Internal Server Error\n\n/);
  });

  it('strikes about the given share of requests, and none at 0', async () => {
    sim.faults.network = { errorRate: 0.5 };
    const statuses = await Promise.all(Array.from({ length: 200 }, () => fetch(roots().network).then((r) => r.status)));
    const failed = statuses.filter((status) => status === 500).length;
    expect(failed).toBeGreaterThan(50);
    expect(failed).toBeLessThan(150);
    sim.faults.network = { errorRate: 0 };
    expect((await fetch(roots().network)).status).toBe(200);
  });
});

describe('outage', () => {
  it('resets connections, new and kept alive, until it ends; other services carry on', async () => {
    expect((await fetch(roots().image)).status).toBe(300); // leaves a kept-alive connection behind
    sim.faults.image = { outage: true };
    expect(await networkErrorCode(roots().image)).toBe('ECONNRESET');
    expect(await networkErrorCode(roots().image)).toBe('ECONNRESET');
    expect((await fetch(roots().compute)).status).toBe(200);
    sim.faults.image = { outage: false };
    expect((await fetch(roots().image)).status).toBe(300);
  });

  it('drops a request whose delay outlived the start of an outage', async () => {
    sim.faults.network = { latencyMs: 200 };
    const pending = networkErrorCode(roots().network);
    await new Promise((resolve) => setTimeout(resolve, 50));
    sim.faults.network = { outage: true };
    expect(await pending).toBe('ECONNRESET');
  });
});

describe('the faults endpoint', () => {
  const put = (body: unknown) =>
    fetch(sim.faultsUrl, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('replaces every fault with PUT, shows them with GET, clears them with DELETE', async () => {
    sim.faults.compute = { latencyMs: 10 };
    const body = { keystone: 'down', slowKeystoneMs: 20, image: { outage: true }, network: { errorRate: 0.5, errorStatus: 503 } };
    const replaced = await put(body);
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toEqual(body);
    expect(sim.faults).toEqual(body);
    // The Keystone fault the BFF's tests use works through the endpoint too.
    expect((await postToken(sim.authUrl, passwordAuth(demoUser))).status).toBe(503);
    expect(await (await fetch(sim.faultsUrl)).json()).toEqual(body);

    expect(await (await fetch(sim.faultsUrl, { method: 'DELETE' })).json()).toEqual({});
    expect(sim.faults).toEqual({});
    expect((await fetch(roots().image)).status).toBe(300);
  });

  it.each([
    [{ compute: { latency: 200 } }, 'Unrecognized key: "latency"'],
    [{ network: { errorRate: 1.5 } }, 'Too big'],
    [{ nova: { outage: true } }, 'Unrecognized key: "nova"'],
    [{ keystone: 'sleepy' }, 'keystone'],
  ])('refuses %j with a 400 that says why, and keeps the faults', async (body, message) => {
    sim.faults.compute = { latencyMs: 1 };
    const response = await put(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(message);
    expect(sim.faults).toEqual({ compute: { latencyMs: 1 } });
  });
});
