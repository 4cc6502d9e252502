import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProjectId, type NovaSession, startNovaSession } from './testing/nova-session';

// Negotiation, keystonemiddleware in front, and the `/v2.1/{project_id}` URL form.
let nova: NovaSession;
beforeAll(async () => {
  nova = await startNovaSession({ seed: { servers: 12 } });
});
afterAll(() => nova.sim.close());

const versionHeaders = (reply: { headers: Headers }) => ({
  modern: reply.headers.get('openstack-api-version'),
  legacy: reply.headers.get('x-openstack-nova-api-version'),
  vary: reply.headers.get('vary'),
});

describe('microversion negotiation', () => {
  it('speaks 2.1 without a header and echoes the version in both headers with Vary', async () => {
    const reply = await nova.get('/servers/detail?limit=1');
    expect(reply.status).toBe(200);
    expect(versionHeaders(reply)).toEqual({
      modern: 'compute 2.1',
      legacy: '2.1',
      vary: 'OpenStack-API-Version, X-OpenStack-Nova-API-Version',
    });
    expect(reply.body.servers).toEqual([expect.not.objectContaining({ locked: expect.anything() })]);
  });

  it('takes the new header, the legacy one, and latest', async () => {
    const modern = await nova.get('/servers/detail?limit=1', { mv: '2.9' });
    expect(versionHeaders(modern)).toMatchObject({ modern: 'compute 2.9', legacy: '2.9' });
    expect(modern.body.servers).toEqual([expect.objectContaining({ locked: expect.any(Boolean) })]);

    const legacy = await nova.get('/servers/detail?limit=1', { headers: { 'x-openstack-nova-api-version': '2.47' } });
    expect(versionHeaders(legacy)).toMatchObject({ modern: 'compute 2.47', legacy: '2.47' });
    expect(legacy.body.servers).toEqual([expect.objectContaining({ flavor: expect.objectContaining({ original_name: expect.any(String) }) })]);

    const latest = await nova.get('/servers/detail?limit=1', { mv: 'latest' });
    expect(versionHeaders(latest)).toMatchObject({ modern: 'compute 2.100', legacy: '2.100' });
  });

  it('answers 406 outside the range and 400 for a malformed version, headers included', async () => {
    const high = await nova.get('/servers', { mv: '2.200' });
    expect(high.status).toBe(406);
    expect(high.body).toEqual({ computeFault: { code: 406, message: 'Version 2.200 is not supported by the API. Minimum is 2.1 and maximum is 2.100.' } });
    expect(versionHeaders(high).vary).toBe('OpenStack-API-Version, X-OpenStack-Nova-API-Version');

    const malformed = await nova.get('/servers', { mv: '2.x' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ badRequest: { code: 400, message: 'API Version String 2.x is of invalid format. Must be of format MajorNum.MinorNum.' } });
  });
});

describe('keystonemiddleware', () => {
  it('answers 401 in Keystone’s envelope without a token or with a bad one', async () => {
    for (const token of ['', 'not-a-token']) {
      const reply = await nova.get('/servers', { token });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } });
      expect(reply.headers.get('www-authenticate')).toMatch(/^Keystone uri="http:\/\/127\.0\.0\.1:\d+"$/);
    }
  });

  it('gives Nova’s own 404 to an unknown path once the token is good', async () => {
    const reply = await nova.get('/no-such-thing');
    expect(reply).toMatchObject({ status: 404, body: { itemNotFound: { code: 404, message: 'The resource could not be found.' } } });
  });
});

describe('the /v2.1/{project_id} form', () => {
  it('answers under the project prefix with links that keep it', async () => {
    const reply = await nova.get(`/${demoProjectId}/servers?limit=1`);
    expect(reply.status).toBe(200);
    const [server] = reply.body.servers as Array<{ id: string; links: Array<{ href: string }> }>;
    const origin = new URL(nova.compute).origin;
    expect(server?.links.map((l) => l.href)).toEqual([`${origin}/v2.1/${demoProjectId}/servers/${server?.id}`, `${origin}/${demoProjectId}/servers/${server?.id}`]);
    expect(reply.body.servers_links).toEqual([{ rel: 'next', href: `${origin}/v2.1/${demoProjectId}/servers?limit=1&marker=${server?.id}` }]);
  });

  it('refuses a project id that is not the token’s, as Nova does', async () => {
    const reply = await nova.get('/0123456789abcdef0123456789abcdef/servers');
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      badRequest: {
        code: 400,
        message: `Malformed request URL: URL's project_id '0123456789abcdef0123456789abcdef' doesn't match Context's project_id '${demoProjectId}'`,
      },
    });
  });
});
