// The requests whose answers do not depend on servers the check creates: lists with paging,
// sorting and filters, bad markers and values, unknown ids, and microversion negotiation.
import type { Reply, ServiceType } from '../target';
import { type ScrubOptions, scrubText, scrubValue, shapeOf } from './normalise';
import { answerShape, fieldsShape, isSorted, listShape, nextHref } from './shapes';
import type { Side } from './sides';

export interface Check {
  id: string;
  run(side: Side): Promise<unknown>;
}

const noSuchId = '00000000-0000-4000-8000-000000000000';

/** This side's maximum microversion is its own: compared once (nova.microversion.max), scrubbed elsewhere. */
const ownMax = (side: Side): ScrubOptions => ({ replace: { [side.maxVersion]: '<max>' } });

/** Follows a link as a client does: relative ones (Glance) against the endpoint's origin. */
function follow(side: Side, type: ServiceType, href: string): Promise<Reply<unknown>> {
  return side.call(type, new URL(href, side.client.endpoint(type)).href);
}

async function nextPage(side: Side, type: ServiceType, first: string, collection: string): Promise<Reply<unknown> | undefined> {
  const href = nextHref(await side.call(type, first), collection);
  return href === undefined ? undefined : follow(side, type, href);
}

const list = (id: string, type: ServiceType, path: string, collection: string, version?: string): Check => ({
  id,
  run: async (side) => listShape(type === 'compute' ? await side.nova(path, { version }) : await side.call(type, path), collection, ownMax(side)),
});

const answer = (id: string, type: ServiceType, path: string, init: { method?: string; body?: unknown; version?: string } = {}): Check => ({
  id,
  run: async (side) => answerShape(type === 'compute' ? await side.nova(path, init) : await side.call(type, path, init), ownMax(side)),
});

const sorted = (id: string, type: ServiceType, path: string, collection: string, key: string, dir: 'asc' | 'desc'): Check => ({
  id,
  run: async (side) => isSorted(type === 'compute' ? await side.nova(path) : await side.call(type, path), collection, key, dir),
});

/** Each page after the first, reached by the first page's `next` link. */
const secondPage = (id: string, type: ServiceType, first: string, collection: string): Check => ({
  id,
  run: async (side) => {
    const page = await nextPage(side, type, first, collection);
    return page ? listShape(page, collection) : 'no next link';
  },
});

function versionHeaders(reply: Reply<unknown>, side: Side) {
  const header = (name: string) => (reply.headers.has(name) ? scrubText(reply.headers.get(name) ?? '', ownMax(side)) : '(absent)');
  return { status: reply.status, 'openstack-api-version': header('openstack-api-version'), 'x-openstack-nova-api-version': header('x-openstack-nova-api-version'), vary: header('vary') };
}

const negotiation = (id: string, headers: Record<string, string>): Check => ({
  id,
  run: async (side) => {
    const reply = await side.nova('/servers?limit=1', { headers });
    return { ...versionHeaders(reply, side), ...(reply.status >= 400 && { body: scrubValue(reply.body, ownMax(side)) }) };
  },
});

const novaChecks: Check[] = [
  list('nova.servers.list.page', 'compute', '/servers?limit=2', 'servers'),
  secondPage('nova.servers.list.next-page', 'compute', '/servers?limit=2', 'servers'),
  list('nova.servers.detail.page', 'compute', '/servers/detail?limit=2&status=ACTIVE', 'servers', '2.93'),
  list('nova.servers.list.limit-zero', 'compute', '/servers?limit=0', 'servers'),
  answer('nova.servers.list.limit-negative', 'compute', '/servers?limit=-1'),
  answer('nova.servers.list.limit-text', 'compute', '/servers?limit=abc'),
  answer('nova.servers.list.marker-unknown', 'compute', `/servers?limit=2&marker=${noSuchId}`),
  answer('nova.servers.list.marker-malformed', 'compute', '/servers/detail?marker=abc'),
  sorted('nova.servers.list.sort-name', 'compute', '/servers?limit=10&sort_key=display_name&sort_dir=asc', 'servers', 'name', 'asc'),
  list('nova.servers.list.sort-key-unknown@2.1', 'compute', '/servers?limit=1&sort_key=foo', 'servers'),
  answer('nova.servers.list.sort-key-unknown@2.93', 'compute', '/servers?limit=1&sort_key=foo', { version: '2.93' }),
  answer('nova.servers.list.sort-dir-unknown', 'compute', '/servers?limit=1&sort_key=display_name&sort_dir=up'),
  answer('nova.servers.list.sort-host', 'compute', '/servers?limit=1&sort_key=host'),
  list('nova.servers.list.filter-status', 'compute', '/servers/detail?limit=1&status=ACTIVE', 'servers'),
  list('nova.servers.list.filter-status-unknown@2.1', 'compute', '/servers?status=BOGUS', 'servers'),
  answer('nova.servers.list.filter-status-unknown@2.93', 'compute', '/servers?status=BOGUS', { version: '2.93' }),
  answer('nova.servers.list.filter-status-deleted', 'compute', '/servers?status=DELETED'),
  answer('nova.servers.list.all-tenants', 'compute', '/servers?all_tenants=1'),
  list('nova.servers.list.filter-unknown@2.1', 'compute', '/servers?limit=1&foo=bar', 'servers'),
  answer('nova.servers.list.filter-unknown@2.93', 'compute', '/servers?limit=1&foo=bar', { version: '2.93' }),
  answer('nova.servers.list.filter-locked-malformed', 'compute', '/servers?locked=maybe', { version: '2.93' }),
  answer('nova.servers.list.changes-since-malformed', 'compute', '/servers?changes-since=yesterday'),
  list('nova.servers.list.name-no-match', 'compute', '/servers?name=%5Eno-such-server%24', 'servers'),
  answer('nova.servers.unknown', 'compute', `/servers/${noSuchId}`),
  answer('nova.servers.unknown-malformed', 'compute', '/servers/abc'),
  answer('nova.servers.unknown.action', 'compute', `/servers/${noSuchId}/action`, { method: 'POST', body: { 'os-stop': null } }),
  answer('nova.servers.unknown.delete', 'compute', `/servers/${noSuchId}`, { method: 'DELETE' }),
  answer('nova.servers.unknown.instance-actions', 'compute', `/servers/${noSuchId}/os-instance-actions`),
  list('nova.flavors.list.page', 'compute', '/flavors?limit=1', 'flavors'),
  secondPage('nova.flavors.list.next-page', 'compute', '/flavors?limit=1', 'flavors'),
  list('nova.flavors.detail.page@2.1', 'compute', '/flavors/detail?limit=2', 'flavors'),
  list('nova.flavors.detail.page@2.93', 'compute', '/flavors/detail?limit=2', 'flavors', '2.93'),
  {
    id: 'nova.flavors.detail.fields@2.93',
    run: async (side) => {
      const reply = await side.nova('/flavors/detail?limit=1', { version: '2.93' });
      return fieldsShape({ ...reply, body: { flavor: (reply.body as { flavors?: unknown[] }).flavors?.[0] } }, 'flavor', ['extra_specs']);
    },
  },
  answer('nova.flavors.list.marker-unknown', 'compute', '/flavors?marker=no-such-flavor'),
  answer('nova.flavors.list.min-ram-malformed', 'compute', '/flavors?minRam=abc'),
  answer('nova.flavors.unknown', 'compute', '/flavors/no-such-flavor'),
];

const microversionChecks: Check[] = [
  { id: 'nova.microversion.max', run: async (side) => side.maxVersion },
  negotiation('nova.microversion.none', {}),
  negotiation('nova.microversion.latest', { 'openstack-api-version': 'compute latest' }),
  negotiation('nova.microversion.explicit', { 'openstack-api-version': 'compute 2.60' }),
  negotiation('nova.microversion.legacy-header', { 'x-openstack-nova-api-version': '2.60' }),
  negotiation('nova.microversion.too-high', { 'openstack-api-version': 'compute 2.200' }),
  negotiation('nova.microversion.too-low', { 'openstack-api-version': 'compute 2.0' }),
  negotiation('nova.microversion.malformed', { 'openstack-api-version': 'compute 2.x' }),
  negotiation('nova.microversion.other-service', { 'openstack-api-version': 'volume 3.50' }),
  {
    id: 'nova.versions.root',
    run: async (side) => answerShape(await side.call('compute', new URL('/', side.client.endpoint('compute')).href), ownMax(side)),
  },
];

/** One resource of the project, by id: its fields with their types. */
const neutronFields = (collection: string, key: string): Check => ({
  id: `neutron.${collection}.fields`,
  run: async (side) => {
    const first = ((await side.call('network', `/${collection}?limit=1&project_id=${side.client.projectId}${collection === 'ports' ? '&device_owner=compute:nova' : ''}`)).body as Record<string, Array<{ id: string }>>)[collection]?.[0];
    return first ? fieldsShape(await side.call('network', `/${collection}/${first.id}`), key) : `no ${key}`;
  },
});

/** Glance's own image fields; images also carry any custom properties their owners set. */
const glanceFields = ['checksum', 'container_format', 'created_at', 'disk_format', 'file', 'id', 'min_disk', 'min_ram', 'name', 'os_hash_algo', 'os_hash_value', 'os_hidden', 'owner', 'protected', 'schema', 'self', 'size', 'status', 'tags', 'updated_at', 'virtual_size', 'visibility'];

const neutronChecks: Check[] = [
  list('neutron.networks.page', 'network', '/networks?limit=2', 'networks'),
  secondPage('neutron.networks.next-page', 'network', '/networks?limit=2', 'networks'),
  {
    id: 'neutron.networks.previous-page',
    run: async (side) => {
      const second = await nextPage(side, 'network', '/networks?limit=2', 'networks');
      const href = ((second?.body as { networks_links?: Array<{ rel: string; href: string }> }).networks_links ?? []).find((l) => l.rel === 'previous')?.href;
      return href ? listShape(await follow(side, 'network', href), 'networks') : 'no previous link';
    },
  },
  list('neutron.networks.fields', 'network', '/networks?limit=2&fields=id&fields=name', 'networks'),
  sorted('neutron.networks.sort-name', 'network', '/networks?limit=10&sort_key=name&sort_dir=asc', 'networks', 'name', 'asc'),
  list('neutron.networks.sort-page', 'network', '/networks?limit=2&sort_key=name&sort_dir=desc', 'networks'),
  answer('neutron.networks.sort-count-mismatch', 'network', '/networks?sort_key=name&sort_key=id&sort_dir=asc'),
  answer('neutron.networks.sort-dir-unknown', 'network', '/networks?sort_key=name&sort_dir=up'),
  answer('neutron.networks.sort-key-unknown', 'network', '/networks?sort_key=bogus&sort_dir=asc'),
  answer('neutron.networks.limit-text', 'network', '/networks?limit=abc'),
  answer('neutron.networks.limit-negative', 'network', '/networks?limit=-1'),
  answer('neutron.networks.marker-unknown', 'network', `/networks?limit=2&marker=${noSuchId}`),
  answer('neutron.networks.filter-unknown', 'network', '/networks?foo=bar'),
  answer('neutron.networks.filter-bool-malformed', 'network', '/networks?admin_state_up=maybe'),
  list('neutron.networks.filter-no-match', 'network', '/networks?name=no-such-network&limit=2', 'networks'),
  answer('neutron.networks.unknown', 'network', `/networks/${noSuchId}`),
  neutronFields('networks', 'network'),
  neutronFields('subnets', 'subnet'),
  neutronFields('ports', 'port'),
  list('neutron.subnets.page', 'network', '/subnets?limit=2', 'subnets'),
  secondPage('neutron.subnets.next-page', 'network', '/subnets?limit=2', 'subnets'),
  list('neutron.subnets.marker-unknown', 'network', `/subnets?limit=2&marker=${noSuchId}`, 'subnets'),
  answer('neutron.subnets.unknown', 'network', `/subnets/${noSuchId}`),
  list('neutron.ports.page', 'network', '/ports?limit=2', 'ports'),
  secondPage('neutron.ports.next-page', 'network', '/ports?limit=2', 'ports'),
  answer('neutron.ports.marker-unknown', 'network', `/ports?limit=2&marker=${noSuchId}`),
  list('neutron.ports.filter-device', 'network', `/ports?limit=2&device_id=${noSuchId}`, 'ports'),
  answer('neutron.ports.unknown', 'network', `/ports/${noSuchId}`),
  {
    id: 'neutron.extensions.used',
    run: async (side) => {
      const aliases = new Set(((await side.call('network', '/extensions')).body as { extensions?: Array<{ alias: string }> }).extensions?.map((e) => e.alias));
      const used = ['pagination', 'sorting', 'filter-validation', 'sort-key-validation', 'empty-string-filtering', 'standard-attr-revisions', 'revision-if-match', 'standard-attr-tag', 'project-id', 'ip-substring-filtering'];
      return Object.fromEntries(used.map((alias) => [alias, aliases.has(alias)]));
    },
  },
];

const glanceChecks: Check[] = [
  list('glance.images.page', 'image', '/images?limit=2', 'images'),
  secondPage('glance.images.next-page', 'image', '/images?limit=2', 'images'),
  {
    id: 'glance.images.fields',
    run: async (side) => {
      const image = ((await side.call('image', '/images?limit=1&visibility=public&status=active')).body as { images?: Array<Record<string, unknown>> }).images?.[0] ?? {};
      return shapeOf(Object.fromEntries(Object.entries(image).filter(([k]) => glanceFields.includes(k))));
    },
  },
  sorted('glance.images.sort-name', 'image', '/images?limit=10&sort=name:asc', 'images', 'name', 'asc'),
  answer('glance.images.sort-key-unknown', 'image', '/images?sort_key=bogus'),
  answer('glance.images.marker-unknown', 'image', `/images?marker=${noSuchId}`),
  answer('glance.images.limit-text', 'image', '/images?limit=abc'),
  answer('glance.images.limit-negative', 'image', '/images?limit=-1'),
  list('glance.images.filter-no-match', 'image', '/images?name=no-such-image', 'images'),
  answer('glance.images.unknown', 'image', `/images/${noSuchId}`),
  answer('glance.path.unknown', 'image', '/no-such-path'),
];

const keystoneChecks: Check[] = [
  {
    id: 'keystone.auth.projects',
    run: async (side) => {
      const reply = await side.call('identity', '/auth/projects');
      const body = reply.body as { projects?: unknown[]; links?: object };
      return { status: reply.status, keys: Object.keys(body).sort(), links: Object.keys(body.links ?? {}).sort(), fields: Object.keys(body.projects?.[0] ?? {}).sort() };
    },
  },
  answer('keystone.projects.unknown', 'identity', `/projects/${noSuchId.replaceAll('-', '')}`),
  {
    id: 'keystone.tokens.unknown',
    run: async (side) => answerShape(await side.client.call('identity', '/auth/tokens', { headers: { 'x-subject-token': 'no-such-token' } })),
  },
];

export const requestChecks: Check[] = [...novaChecks, ...microversionChecks, ...neutronChecks, ...glanceChecks, ...keystoneChecks];
