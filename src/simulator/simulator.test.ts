import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEndpoint } from '../domain/identity';
import { startSimulator, type Simulator } from './index';
import { demoUser, issueToken, passwordAuth, postToken } from './testing/keystone-client';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ novaMaxVersion: '2.96' });
});
afterAll(() => sim.close());

describe('startSimulator', () => {
  it('serves each service on its own loopback port, as listed in the catalog', async () => {
    const ports = Object.values(sim.endpoints).map((url) => new URL(url).port);
    expect(new Set(ports).size).toBe(4);
    expect(sim.authUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3$/);
    expect(sim.endpoints.compute).toMatch(/\/v2\.1$/);
    expect(new URL(sim.endpoints.network).pathname).toBe('/');
    expect(new URL(sim.endpoints.image).pathname).toBe('/');
  });

  it('reaches Nova’s version document through the token’s catalog', async () => {
    const { token } = await issueToken(sim.authUrl, passwordAuth(demoUser));
    const compute = findEndpoint(token.catalog ?? [], { type: 'compute', region: 'RegionOne' });
    const response = await fetch(`${compute}`);
    expect(response.status).toBe(200);
    const { version } = (await response.json()) as { version: Record<string, unknown> };
    expect(version).toMatchObject({
      id: 'v2.1',
      status: 'CURRENT',
      version: '2.96',
      min_version: '2.1',
      links: [{ rel: 'self', href: `${compute}/` }, { rel: 'describedby' }],
    });
    expect(version['media-types']).toHaveLength(1);
    expect(response.headers.get('x-compute-request-id')).toBe(response.headers.get('x-openstack-request-id'));
  });

  it('serves Nova’s, Neutron’s and Glance’s root version documents and their own 404s', async () => {
    const nova = new URL(sim.endpoints.compute).origin;
    const novaRoot = await fetch(`${nova}/`);
    expect(novaRoot.status).toBe(200);
    expect(await novaRoot.json()).toMatchObject({
      versions: [
        { id: 'v2.0', status: 'DEPRECATED', version: '', min_version: '', links: [{ href: `${nova}/v2/` }] },
        { id: 'v2.1', status: 'CURRENT', version: '2.96', min_version: '2.1', links: [{ href: `${nova}/v2.1/` }] },
      ],
    });
    // Past keystonemiddleware (a token), an unknown path is Nova's own 404.
    const { id: token } = await issueToken(sim.authUrl, passwordAuth(demoUser));
    const novaMissing = await fetch(`${sim.endpoints.compute}/no-such-resource`, { headers: { 'x-auth-token': token } });
    expect(novaMissing.status).toBe(404);
    expect(await novaMissing.json()).toEqual({ itemNotFound: { code: 404, message: 'The resource could not be found.' } });

    const neutron = await fetch(`${sim.endpoints.network}/`);
    expect(neutron.status).toBe(200);
    expect(await neutron.json()).toEqual({
      versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ href: `${sim.endpoints.network}/v2.0/`, rel: 'self' }] }],
    });
    const neutronMissing = await fetch(`${sim.endpoints.network}/v2.0/no-such-resource`, { headers: { 'x-auth-token': token } });
    expect(neutronMissing.status).toBe(404);
    expect(await neutronMissing.json()).toMatchObject({ NeutronError: { type: 'HTTPNotFound', detail: '' } });

    const glance = await fetch(`${sim.endpoints.image}/`);
    expect(glance.status).toBe(300);
    const { versions } = (await glance.json()) as { versions: { id: string; status: string; links: { href: string }[] }[] };
    expect(versions[0]).toEqual({ id: 'v2.16', status: 'CURRENT', links: [{ rel: 'self', href: `${sim.endpoints.image}/v2/` }] });
    expect(versions.every((v) => v.id.startsWith('v2.') && v.links[0]?.href.endsWith('/v2/'))).toBe(true);
    const glanceMissing = await fetch(`${sim.endpoints.image}/v2/no-such-resource`, { headers: { 'x-auth-token': token } });
    expect(glanceMissing.status).toBe(404);
    expect(glanceMissing.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('refuses a Nova max version that is not a microversion', async () => {
    await expect(startSimulator({ novaMaxVersion: 'latest' })).rejects.toThrow(RangeError);
  });

  it('listens Keystone on the port asked for, and the other services on free ones', async () => {
    const port = await freePort();
    const fixed = await startSimulator({ keystonePort: port });
    try {
      expect(fixed.authUrl).toBe(`http://127.0.0.1:${port}/v3`);
      expect((await fetch(fixed.authUrl)).status).toBe(200);
      expect(new URL(fixed.endpoints.compute).port).not.toBe(String(port));
    } finally {
      await fixed.close();
    }
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Keystone faults', () => {
  afterAll(() => {
    sim.faults.keystone = undefined;
  });

  it('answers 503 when down, 200 HTML when garbage, Keystone’s 500 on error500, and recovers', async () => {
    sim.faults.keystone = 'down';
    const down = await postToken(sim.authUrl, passwordAuth(demoUser));
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toMatch(/^text\/html/);

    sim.faults.keystone = 'garbage';
    const garbage = await fetch(`${sim.authUrl}`);
    expect(garbage.status).toBe(200);
    expect(garbage.headers.get('content-type')).toMatch(/^text\/html/);
    await expect(garbage.json()).rejects.toThrow();

    sim.faults.keystone = 'error500';
    const broken = await postToken(sim.authUrl, passwordAuth(demoUser));
    expect(broken.status).toBe(500);
    expect(await broken.json()).toMatchObject({ error: { code: 500, title: 'Internal Server Error' } });

    sim.faults.keystone = undefined;
    expect((await postToken(sim.authUrl, passwordAuth(demoUser))).status).toBe(201);
  });

  it('takes a fault from the start options', async () => {
    const faulty = await startSimulator({ faults: { keystone: 'down' } });
    try {
      expect((await fetch(faulty.authUrl)).status).toBe(503);
      expect((await fetch(faulty.endpoints.compute)).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });
});

describe('close', () => {
  it('stops every listener', async () => {
    const short = await startSimulator();
    await short.close();
    for (const url of Object.values(short.endpoints)) {
      await expect(fetch(url)).rejects.toThrow();
    }
  });
});
