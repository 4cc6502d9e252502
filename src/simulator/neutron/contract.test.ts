// The simulated Neutron against the api-ref samples (keys and types), its version documents,
// extensions, the `.json` suffix, its error bodies and keystonemiddleware's 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openstackFixture, shapeDifferences } from '../testing/shape';
import { startServiceSession, type ServiceSession } from '../testing/service-session';

let s: ServiceSession;
beforeAll(async () => {
  s = await startServiceSession({ seed: { networks: 10, servers: 20, projects: 3 } });
});
afterAll(() => s.close());

const net = <T = Record<string, unknown>>(url: string, token?: string) => s.call<T>('network', url, token === undefined ? {} : { token });

/**
 * Fixture keys from extensions this Neutron does not load (pvlan, QinQ and VLAN transparency are
 * opt-in in ML2), and keys the samples predate (every standard-attr resource has tags now).
 */
const notLoaded = [/\.pvlan\w*: missing$/, /\.qinq: missing$/, /\.vlan_transparent: missing$/];
const newerThanSample = [/\$\[0\]\.tags: not in the fixture$/];
/** What ML2 adds to a port beyond the sample: binding:vnic_type is visible to owners. */
const portExtras = [/\.binding:vnic_type: not in the fixture$/, /\.resource_request: not in the fixture$/];

function unexplained(differences: string[], allowed: RegExp[]): string[] {
  return differences.filter((d) => !allowed.some((pattern) => pattern.test(d)));
}

describe('shapes against the api-ref samples', () => {
  it('lists networks, subnets and ports with the samples’ keys and types', async () => {
    const cases: Array<[string, string, RegExp[]]> = [
      ['networks', 'networks-list-resp.json', [...notLoaded, ...newerThanSample]],
      ['subnets', 'subnets-list-resp.json', []],
      ['ports', 'ports-list-resp.json', [...notLoaded, ...portExtras]],
    ];
    for (const [collection, fixture, allowed] of cases) {
      const { body } = await net<Record<string, unknown[]>>(`/v2.0/${collection}?limit=2`);
      const differences = shapeDifferences(body[collection], openstackFixture('network', fixture)[collection]);
      expect(unexplained(differences, allowed), collection).toEqual([]);
    }
  });

  it('answers the sample bulk create with the sample response’s shape', async () => {
    const request = openstackFixture('network', 'networks-bulk-create-req.json') as { networks: Array<Record<string, unknown>> };
    // The sample names a QoS policy this cloud does not have; the request is otherwise the sample.
    const networks = request.networks.map(({ qos_policy_id: _qos, ...rest }) => rest);
    const { status, body } = await s.call<{ networks: unknown[] }>('network', '/v2.0/networks', { method: 'POST', body: { networks } });
    expect(status).toBe(201);
    const expected = openstackFixture('network', 'networks-bulk-create-resp.json').networks;
    expect(unexplained(shapeDifferences(body.networks, expected), notLoaded)).toEqual([]);
  });

  it('shows provider and binding attributes to admins only', async () => {
    const member = await net<{ networks: Array<Record<string, unknown>> }>('/v2.0/networks?limit=1');
    expect(Object.keys(member.body.networks[0] ?? {}).some((k) => k.startsWith('provider:'))).toBe(false);
    const admin = await net<{ networks: Array<Record<string, unknown>>; ports: unknown }>('/v2.0/networks?limit=1&name=public', s.admin);
    expect(admin.body.networks[0]).toMatchObject({ 'provider:network_type': 'flat', 'provider:physical_network': 'physnet1', 'provider:segmentation_id': null });
    const ports = await net<{ ports: Array<Record<string, unknown>> }>('/v2.0/ports?device_owner=network:dhcp&limit=1', s.admin);
    expect(ports.body.ports[0]).toMatchObject({ 'binding:host_id': 'network-01', 'binding:vif_type': 'ovs', 'binding:vnic_type': 'normal' });
  });

  it('lists floating IPs with port details and a default security group with its rules', async () => {
    const fips = await net<{ floatingips: Array<Record<string, unknown>> }>('/v2.0/floatingips', s.admin);
    const associated = fips.body.floatingips.find((f) => f.port_id !== null);
    expect(associated?.port_details).toMatchObject({ device_owner: 'compute:nova', network_id: expect.any(String), status: expect.any(String) });
    const groups = await net<{ security_groups: Array<{ name: string; security_group_rules: unknown[] }> }>('/v2.0/security-groups');
    expect(groups.body.security_groups.map((g) => g.name)).toEqual(['default']);
    expect(groups.body.security_groups[0]?.security_group_rules).toHaveLength(4);
  });
});

describe('version documents and extensions', () => {
  it('serves GET / without a token and GET /v2.0/ with one', async () => {
    const root = await net('/', '');
    expect(root.status).toBe(200);
    expect(root.body).toEqual({ versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ href: `${s.sim.endpoints.network}/v2.0/`, rel: 'self' }] }] });
    expect((await net('/v2.0/', '')).status).toBe(401);
    const resources = await net<{ resources: Array<{ collection: string; links: Array<{ href: string }> }> }>('/v2.0/');
    expect(resources.body.resources.map((r) => r.collection)).toEqual(['networks', 'subnets', 'ports']);
    expect(resources.body.resources[0]?.links[0]?.href).toBe(`${s.sim.endpoints.network}/v2.0/networks`);
  });

  it('lists the sample’s extensions and those a client checks, each shaped as the sample', async () => {
    const { body } = await net<{ extensions: Array<{ alias: string }> }>('/v2.0/extensions.json');
    const aliases = body.extensions.map((e) => e.alias);
    const sample = openstackFixture('network', 'extensions-list-resp.json').extensions as Array<{ alias: string }>;
    expect(aliases).toEqual(expect.arrayContaining(sample.map((e) => e.alias)));
    const checked = ['pagination', 'sorting', 'filter-validation', 'sort-key-validation', 'empty-string-filtering', 'standard-attr-revisions', 'revision-if-match', 'standard-attr-tag', 'project-id', 'ip-substring-filtering', 'fip-port-details'];
    expect(aliases).toEqual(expect.arrayContaining(checked));
    expect(shapeDifferences(body.extensions, sample)).toEqual([]);
  });

  it('shows one extension by alias and 404s a missing one', async () => {
    const found = await net<{ extension: { alias: string } }>('/v2.0/extensions/revision-if-match');
    expect(found.body.extension.alias).toBe('revision-if-match');
    const missing = await net('/v2.0/extensions/teleport');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ NeutronError: { type: 'HTTPNotFound', message: 'Extension with alias teleport does not exist', detail: '' } });
  });
});

describe('paths and errors', () => {
  it('accepts the .json suffix on lists and items, and keeps any other suffix in the id', async () => {
    const list = await net<{ networks: Array<{ id: string }> }>('/v2.0/networks.json?limit=1');
    const id = list.body.networks[0]?.id as string;
    expect((await net(`/v2.0/networks/${id}.json`)).status).toBe(200);
    const xml = await net(`/v2.0/networks/${id}.xml`);
    expect(xml.body).toEqual({ NeutronError: { type: 'NetworkNotFound', message: `Network ${id}.xml could not be found.`, detail: '' } });
  });

  it('answers an unknown path with HTTPNotFound and a missing token with keystonemiddleware’s 401', async () => {
    const unknown = await net('/v2.0/teleporters');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ NeutronError: { type: 'HTTPNotFound', message: 'The resource could not be found.', detail: '' } });
    const anonymous = await net('/v2.0/networks', '');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Keystone uri=/);
  });

  it('says a bad JSON body is malformed, in Neutron’s envelope', async () => {
    const response = await fetch(`${s.sim.endpoints.network}/v2.0/networks`, {
      method: 'POST',
      headers: { 'x-auth-token': s.member, 'content-type': 'application/json' },
      body: '{"network": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ NeutronError: { type: 'MalformedRequestBody', message: 'Malformed request body: cannot understand JSON.', detail: '' } });
  });
});
