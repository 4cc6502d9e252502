// The simulator's answers against the OpenAPI specs in shared/fixtures/openstack/openapi, and the
// specs against the real samples. The specs are generated and not authoritative: where one
// rejects a sample, the spec is wrong and known-spec-errors.ts says so, once.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../core/compute/model';
import { projectIds } from '../core/seed';
import { demoUser, passwordAuth } from '../testing/keystone-client';
import { type Reply, type ServiceSession, startServiceSession } from '../testing/service-session';
import { type OpenstackService, openstackFixture, openstackFixturesUrl } from '../testing/shape';
import { fixtureCalls, fixtureMicroversion } from './fixture-calls';
import { responseSchema } from './response-schema';
import { type SpecCall, specViolations, unneededSpecErrors } from './validate';

let s: ServiceSession;
beforeAll(async () => {
  s = await startServiceSession({ seed: { servers: 40, networks: 8, seed: 3 } });
});
afterAll(() => s.close());

/** Sends the request and holds the reply against the spec: the status first, then the body. */
async function expectValid(call: SpecCall, reply: Promise<Reply>): Promise<void> {
  const { status, body, text } = await reply;
  expect(status, text).toBe(call.status);
  expect(specViolations(call, body)).toEqual([]);
}

/** The spec's own microversion: later ones add keys it cannot know about. */
const specMicroversion = '2.96';

/** A Nova request at the call's microversion, by default the admin's (who sees every attribute). */
const nova = (call: SpecCall, url: string, { token = s.admin, body }: { token?: string; body?: unknown } = {}) =>
  s.call('compute', url, { token, body, method: call.operation.split(' ')[0], headers: { 'openstack-api-version': `compute ${call.microversion}` } });

/** The first server the seed put in some state, in any project: the admin reads them all. */
function seededServer(what: string, where: (server: Server) => boolean): Server {
  const found = [...s.sim.cloud.compute.servers.values()].find(where);
  if (!found) throw new Error(`the seed has no ${what} server`);
  return found;
}
const plain = (server: Server) => server.vmState === 'active' && server.taskState === null && !server.locked && server.imageId !== '';
/** What the member can boot: cirros (min_disk 1 GB, so m1.tiny holds it) on the demo project's private network. */
function bootable(): { imageRef: string; networkId: string } {
  const image = [...s.sim.cloud.images.images.values()].find((candidate) => candidate.name.startsWith('cirros'));
  const network = [...s.sim.cloud.network.networks.values()].find((candidate) => candidate.projectId === projectIds.demo && candidate.name === 'private');
  if (!image || !network) throw new Error('the seed has no cirros image or no private demo network');
  return { imageRef: image.id, networkId: network.id };
}
/** Actions are the member's, in demo; each test takes another server, as actions change them. */
const inDemo = (where: (server: Server) => boolean) => (server: Server) => server.projectId === projectIds.demo && where(server);

describe('Keystone', () => {
  const scoped = passwordAuth(demoUser, { project: { name: 'demo', domain: { name: 'Default' } } });

  it('POST /v3/auth/tokens, project-scoped', async () => {
    await expectValid({ operation: 'POST /v3/auth/tokens', status: 201 }, s.call('identity', '/auth/tokens', { method: 'POST', token: '', body: scoped }));
  });

  it('POST /v3/auth/tokens, unscoped', async () => {
    await expectValid({ operation: 'POST /v3/auth/tokens', status: 201 }, s.call('identity', '/auth/tokens', { method: 'POST', token: '', body: passwordAuth(demoUser) }));
  });

  it('GET /v3/auth/tokens', async () => {
    await expectValid({ operation: 'GET /v3/auth/tokens', status: 200 }, s.call('identity', '/auth/tokens', { headers: { 'x-subject-token': s.member } }));
  });

  it('GET /v3/auth/projects', async () => {
    await expectValid({ operation: 'GET /v3/auth/projects', status: 200 }, s.call('identity', '/auth/projects'));
  });

  it('GET /v3/auth/catalog', async () => {
    await expectValid({ operation: 'GET /v3/auth/catalog', status: 200 }, s.call('identity', '/auth/catalog'));
  });
});

describe('Nova', () => {
  // See fixture-calls.ts for how the spec names the version documents.
  it('GET /', async () => {
    await expectValid({ operation: 'GET /v2.1/', status: 200 }, s.call('compute', `${new URL(s.sim.endpoints.compute).origin}/`, { token: '' }));
  });

  it('GET /v2.1', async () => {
    await expectValid({ operation: 'GET /v2.1/versions/{id}', status: 200 }, s.call('compute', '', { token: '' }));
  });

  it(`GET /servers at ${specMicroversion}`, async () => {
    const call = { operation: 'GET /v2.1/servers', status: 200, microversion: specMicroversion };
    await expectValid(call, nova(call, '/servers?limit=5', { token: s.member }));
  });

  // all_tenants: every seeded state of every project, admin-only attributes included.
  it.each(['2.1', '2.47', specMicroversion])('GET /servers/detail at %s', async (microversion) => {
    const call = { operation: 'GET /v2.1/servers/detail', status: 200, microversion };
    await expectValid(call, nova(call, '/servers/detail?all_tenants=1'));
  });

  it.each<[string, (server: Server) => boolean]>([
    ['ACTIVE', plain],
    ['ERROR, never launched', (server) => server.vmState === 'error' && server.launchedAt === null],
    ['booted from a volume', (server) => server.imageId === ''],
    ['locked', (server) => server.locked],
  ])(`GET /servers/{id}, %s, at ${specMicroversion}`, async (what, where) => {
    const call = { operation: 'GET /v2.1/servers/{id}', status: 200, microversion: specMicroversion };
    await expectValid(call, nova(call, `/servers/${seededServer(what, where).id}`));
  });

  it(`GET /flavors/detail at ${specMicroversion}`, async () => {
    const call = { operation: 'GET /v2.1/flavors/detail', status: 200, microversion: specMicroversion };
    await expectValid(call, nova(call, '/flavors/detail'));
  });

  it(`GET /flavors/{id} at ${specMicroversion}`, async () => {
    const [flavor] = s.sim.cloud.compute.flavors.values();
    const call = { operation: 'GET /v2.1/flavors/{id}', status: 200, microversion: specMicroversion };
    await expectValid(call, nova(call, `/flavors/${flavor?.id}`));
  });

  it(`GET /limits at ${specMicroversion}`, async () => {
    const call = { operation: 'GET /v2.1/limits', status: 200, microversion: specMicroversion };
    await expectValid(call, nova(call, '/limits', { token: s.member }));
  });

  it(`GET /servers/{id}/os-instance-actions at ${specMicroversion}`, async () => {
    const call = { operation: 'GET /v2.1/servers/{server_id}/os-instance-actions', status: 200, microversion: specMicroversion };
    await expectValid(call, nova(call, `/servers/${seededServer('ACTIVE', plain).id}/os-instance-actions`));
  });

  it(`GET /servers/{id}/os-instance-actions/{request_id} at ${specMicroversion}`, async () => {
    const server = seededServer('ACTIVE', plain);
    const [action] = s.sim.cloud.compute.actions.get(server.id) ?? [];
    const call = { operation: 'GET /v2.1/servers/{server_id}/os-instance-actions/{id}', status: 200, microversion: specMicroversion };
    await expectValid(call, nova(call, `/servers/${server.id}/os-instance-actions/${action?.requestId}`));
  });

  it(`POST /servers at ${specMicroversion}`, async () => {
    const { imageRef, networkId } = bootable();
    const call = { operation: 'POST /v2.1/servers', status: 202, microversion: specMicroversion };
    await expectValid(call, nova(call, '/servers', { token: s.member, body: { server: { name: 'contract-boot', imageRef, flavorRef: '1', networks: [{ uuid: networkId }] } } }));
  });

  it('POST /servers/{id}/action rescue', async () => {
    const server = seededServer('stopped demo', inDemo((candidate) => candidate.vmState === 'stopped' && !candidate.locked));
    const call = { operation: 'POST /v2.1/servers/{id}/action', status: 200, microversion: specMicroversion, action: 'rescue' };
    await expectValid(call, nova(call, `/servers/${server.id}/action`, { token: s.member, body: { rescue: null } }));
  });

  it(`POST /servers/{id}/action createImage at ${specMicroversion}`, async () => {
    const server = seededServer('paused demo', inDemo((candidate) => candidate.vmState === 'paused' && !candidate.locked));
    const call = { operation: 'POST /v2.1/servers/{id}/action', status: 202, microversion: specMicroversion, action: 'createImage' };
    await expectValid(call, nova(call, `/servers/${server.id}/action`, { token: s.member, body: { createImage: { name: 'contract-snapshot' } } }));
  });
});

describe('Neutron', () => {
  it.each(['networks', 'subnets', 'ports', 'floatingips', 'extensions'])('GET /v2.0/%s', async (collection) => {
    await expectValid({ operation: `GET /v2.0/${collection}`, status: 200 }, s.call('network', `/v2.0/${collection}`, { token: s.admin }));
  });

  it('GET /v2.0/networks/{id}', async () => {
    const [network] = s.sim.cloud.network.networks.values();
    await expectValid({ operation: 'GET /v2.0/networks/{network_id}', status: 200 }, s.call('network', `/v2.0/networks/${network?.id}`, { token: s.admin }));
  });

  it('GET /v2.0/networks/{id} 404: the spec describes no NeutronError body to validate', () => {
    expect(() => responseSchema({ operation: 'GET /v2.0/networks/{network_id}', status: 404 })).toThrow('no JSON body');
  });
});

describe('Glance', () => {
  it('GET /v2/images', async () => {
    await expectValid({ operation: 'GET /v2/images', status: 200 }, s.call('image', '/v2/images'));
  });

  it('GET /v2/images/{id}', async () => {
    const [image] = s.sim.cloud.images.images.values();
    await expectValid({ operation: 'GET /v2/images/{image_id}', status: 200 }, s.call('image', `/v2/images/${image?.id}`));
  });
});

describe('the specs against the fixtures', () => {
  const services: OpenstackService[] = ['compute', 'identity', 'image', 'network'];
  const cases = services.flatMap((service) => Object.entries(fixtureCalls[service]).map(([file, call]) => ({ service, file, call })));

  it('knows the call of every response fixture', () => {
    for (const service of services) {
      const responses = readdirSync(new URL(`${service}/`, openstackFixturesUrl)).filter((file) => /-resp.*\.json$/.test(file));
      expect(Object.keys(fixtureCalls[service]).sort(), service).toEqual(responses.sort());
    }
  });

  it.each(cases)('$service/$file', ({ service, file, call }) => {
    const microversion = fixtureMicroversion(service, file);
    expect(specViolations({ ...call, microversion }, openstackFixture(service, file))).toEqual([]);
  });
});

describe('known spec errors', () => {
  // Last, once every body above was validated: an entry none of them needed is stale.
  it('are all still needed', () => {
    expect(unneededSpecErrors().map((entry) => entry.reason)).toEqual([]);
  });
});
