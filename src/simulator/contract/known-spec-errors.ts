// Where the OpenAPI specs are wrong: the one place. The specs are generated from code and api-ref
// and are not authoritative; the fixtures (real upstream samples) and docs/openstack-api.md are.
// Every entry must be needed by some body in contract.test.ts, or that test file fails.
import type { JsonSchema } from './spec-document';

/**
 * Where a body disagrees with its spec, each `METHOD /path /pointer`: the operation as the spec
 * writes it, then a JSON pointer into the response body where `*` is any array index or map key.
 */
export interface BodySpecError {
  where: string[];
  /** What the real service sends there, as a schema: only a value it accepts is excused. */
  allow: JsonSchema;
  reason: string;
}

/** The spec files the response under another status code than the service answers with. */
export interface StatusSpecError {
  operation: string;
  status: number;
  specStatus: number;
  reason: string;
}

export type KnownSpecError = BodySpecError | StatusSpecError;

/**
 * What `format: uuid` means here. codegenerator writes it on every OpenStack id, but the services
 * make ids with uuid4().hex (Keystone's ids, Nova's tenant_id) and check them with oslo's
 * is_uuid_like, which takes the hex digits with or without dashes.
 */
export const uuidLike = /^[0-9a-f]{8}-?(?:[0-9a-f]{4}-?){3}[0-9a-f]{12}$/i;

// The bodies that share a resource's schema, e.g. a server in show and in detail.
const at = (operation: string, prefix: string) => (pointer: string) => `${operation} ${prefix}${pointer}`;
const inBoth = (...homes: Array<(pointer: string) => string>) => (...pointers: string[]) => pointers.flatMap((p) => homes.map((home) => home(p)));
const inServers = inBoth(at('GET /v2.1/servers/{id}', '/server'), at('GET /v2.1/servers/detail', '/servers/*'));
const inFlavors = inBoth(at('GET /v2.1/flavors/{id}', '/flavor'), at('GET /v2.1/flavors/detail', '/flavors/*'));
const inInstanceActions = inBoth(at('GET /v2.1/servers/{server_id}/os-instance-actions/{id}', '/instanceAction'), at('GET /v2.1/servers/{server_id}/os-instance-actions', '/instanceActions/*'));
const inTokens = inBoth(at('POST /v3/auth/tokens', '/token'), at('GET /v3/auth/tokens', '/token'));
const inNetworks = inBoth(at('GET /v2.0/networks/{network_id}', '/network'), at('GET /v2.0/networks', '/networks/*'));

const nullable = { type: 'null' };
/** Python's isoformat() of a naive datetime: no zone, which `format: date-time` requires. */
const naiveTime = { type: 'string', pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?$' };

export const knownSpecErrors: KnownSpecError[] = [
  // Keystone
  {
    operation: 'POST /v3/auth/tokens',
    status: 201,
    specStatus: 200,
    reason: 'Keystone answers a new token with 201 Created (auth-project-scoped-resp.json); the spec files it under 200',
  },
  {
    where: [...inTokens('/user/domain/id'), 'POST /v3/auth/tokens /receipt/user/domain/id', 'GET /v3/auth/projects /projects/*/id', 'GET /v3/auth/projects /projects/*/domain_id'],
    allow: { type: 'string', maxLength: 64 },
    reason: 'Keystone ids are any string of up to 64 characters: the default domain is `default` (auth-project-scoped-resp.json), api-ref\'s projects `263fd9` (auth-projects-resp.json)',
  },
  {
    where: inTokens('/user/password_expires_at'),
    allow: { anyOf: [nullable, naiveTime] },
    reason: 'null when the password never expires (auth-appcred-resp.json), else a time without a zone (auth-project-scoped-resp.json)',
  },
  {
    where: ['GET /v3/auth/projects /links', 'GET /v3/auth/projects /projects/*/links', 'GET /v3/auth/catalog /links'],
    allow: { type: 'object', properties: { self: { type: 'string' } }, required: ['self'] },
    reason: 'Keystone\'s links are an object {self, previous, next}, not a list, and the catalog has them too (auth-projects-resp.json, auth-catalog-resp.json)',
  },
  {
    where: ['POST /v3/auth/tokens /required_auth_methods/*'],
    allow: { type: 'array', items: { type: 'string' } },
    reason: 'a receipt lists the rules that would pass as lists of methods, not methods (auth-receipt-401-resp.json)',
  },

  // Nova
  {
    where: ['GET /v2.1/ /versions', 'GET /v2.1/versions/{id} /version'],
    allow: { type: ['array', 'object'] },
    reason: 'the spec gives the version documents a bare object: only the shape tests against versions-get-resp.json and v21-version-get-resp.json check them',
  },
  {
    where: ['GET /v2.1/servers /servers/*/name'],
    allow: { type: 'string' },
    reason: 'a server\'s name, which the spec marks `format: uuid` (servers-list-resp.v2.100.json)',
  },
  {
    where: inServers('/key_name', '/OS-EXT-STS:task_state', '/OS-SRV-USG:terminated_at', '/description'),
    allow: nullable,
    reason: 'null without a key pair, a task running, a deletion or a description (server-get-resp.v2.100.json)',
  },
  {
    where: inServers('/OS-SRV-USG:launched_at'),
    allow: nullable,
    reason: 'null for a server that never launched: Nova sets it when the first spawn ends',
  },
  {
    where: inServers('/OS-EXT-SRV-ATTR:host', '/OS-EXT-SRV-ATTR:hypervisor_hostname', '/OS-EXT-SRV-ATTR:root_device_name'),
    allow: nullable,
    reason: 'null for a server that was never scheduled to a host (ERROR before launch)',
  },
  {
    where: inServers('/OS-EXT-SRV-ATTR:user_data'),
    allow: nullable,
    reason: 'null for a server booted without user data',
  },
  {
    where: inServers('/accessIPv4', '/accessIPv6'),
    allow: { const: '' },
    reason: '"" when unset (docs/openstack-api.md §2.3), which `format: ipv4`/`ipv6` rejects',
  },
  {
    where: inServers('/image'),
    allow: { const: '' },
    reason: '"" for a server booted from a volume, as the spec\'s own description says',
  },
  {
    where: inFlavors('/OS-FLV-DISABLED:disabled'),
    allow: { type: 'boolean' },
    reason: 'the spec\'s closed flavor leaves out OS-FLV-DISABLED:disabled, sent up to 2.101 (flavors-detail-resp.v2.75.json)',
  },
  {
    where: inFlavors('/description'),
    allow: { type: ['string', 'null'] },
    reason: 'the spec\'s closed flavor leaves out description, sent from 2.55 (flavors-detail-resp.v2.102.json)',
  },
  {
    where: ['GET /v2.1/limits /limits'],
    allow: { type: 'object', properties: { absolute: { type: 'object', additionalProperties: { type: 'integer' } }, rate: { type: 'array' } }, required: ['absolute', 'rate'] },
    reason: 'the spec describes `absolute` at the top level; Nova wraps it with `rate` in `limits`',
  },
  {
    where: inInstanceActions('/start_time', '/updated_at', '/events/*/start_time', '/events/*/finish_time'),
    allow: naiveTime,
    reason: 'Nova writes instance action times without a zone (instance-action-get-resp.v2.84.json)',
  },
  {
    // The pointer to the whole body is empty, hence the trailing space.
    where: ['POST /v2.1/servers '],
    allow: {
      type: 'object',
      properties: {
        server: {
          type: 'object',
          properties: { id: { type: 'string' }, links: { type: 'array' }, security_groups: { type: 'array' }, 'OS-DCF:diskConfig': { enum: ['AUTO', 'MANUAL'] }, adminPass: { type: 'string' } },
          required: ['id', 'links', 'security_groups', 'OS-DCF:diskConfig'],
          additionalProperties: false,
        },
      },
      required: ['server'],
      additionalProperties: false,
    },
    reason: 'the spec\'s oneOf offers a `reservation_id` body that requires nothing, so a server body matches both; Nova\'s create_response (schemas/servers.py) requires each',
  },
  {
    operation: 'POST /v2.1/servers/{id}/action',
    status: 200,
    specStatus: 201,
    reason: 'rescue answers 200 with the password (action-rescue-resp.json); the spec files every action body under 201',
  },

  // Neutron
  {
    where: [...inNetworks('/ipv4_address_scope', '/ipv6_address_scope'), 'GET /v2.0/subnets /subnets/*/ipv6_ra_mode', 'GET /v2.0/subnets /subnets/*/ipv6_address_mode', 'GET /v2.0/ports /ports/*/data_plane_status'],
    allow: nullable,
    reason: 'null when unset (networks-list-resp.json, subnets-list-resp.json, ports-list-resp.json)',
  },
  {
    where: inNetworks('/provider:segmentation_id', '/provider:physical_network'),
    allow: nullable,
    reason: 'null where the network type has none: no segment id on a flat network, no physical network on a tunnel',
  },
  {
    where: ['GET /v2.0/ports /ports/*/resource_request'],
    allow: nullable,
    reason: 'null for a port without minimum-bandwidth rules (an object otherwise, never a string)',
  },
  {
    where: inNetworks('/l2_adjacency'),
    allow: { type: 'boolean' },
    reason: 'a boolean (networks-list-resp.json)',
  },
  {
    where: [...inNetworks('/dns_domain'), 'GET /v2.0/ports /ports/*/dns_domain', 'GET /v2.0/ports /ports/*/dns_name', 'GET /v2.0/floatingips /floatingips/*/dns_domain'],
    allow: { const: '' },
    reason: '"" when no DNS name is set (networks-bulk-create-resp.json), which `format: hostname` rejects',
  },
  {
    where: ['GET /v2.0/ports /ports/*/dns_assignment'],
    allow: { type: 'array', items: { type: 'object' } },
    reason: 'a list of {hostname, ip_address, fqdn} (ports-list-resp.json)',
  },
  {
    where: ['GET /v2.0/floatingips /floatingips/*/port_details'],
    allow: { type: ['object', 'null'] },
    reason: 'the port\'s {name, network_id, mac_address, …}, null when unassociated (api-ref, floating IPs)',
  },
  {
    where: ['GET /v2.0/floatingips /floatingips/*/port_forwardings'],
    allow: { type: 'array' },
    reason: 'a list of port forwardings (api-ref, floating IPs)',
  },
  {
    where: ['POST /v2.0/networks /networks'],
    allow: { type: 'array' },
    reason: 'the spec describes the one-network create only; a bulk create answers `networks` (networks-bulk-create-resp.json)',
  },
];
