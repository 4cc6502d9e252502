/**
 * POST /servers: servers.py::create and compute API's create, in their order. The request is
 * judged in the API (schema, then the controller's own checks, then the compute API's: zone,
 * image, flavor, security groups, networks, key pair, metadata, image fit, quota); the servers
 * then go `building` and step through the build on the clock.
 *
 * Ports are made (or taken over) inside the request rather than in the `networking` phase, with
 * the server already bound to its host: every check that could fail the allocation has run by
 * then, and addresses stay hidden while the server builds, so no client can tell.
 */
import { settleImages } from '../../image/model';
import { canSeeNetwork, owns } from '../../network/access';
import { type FixedIpRequest, subnetContains } from '../../network/allocation';
import type { Network, NetworkStore, Port } from '../../network/model';
import { createPort, subnetsOf, updatePort } from '../../network/operations';
import { ensureDefaultSecurityGroup } from '../../network/security-groups';
import { atomically } from '../../network/transaction';
import { opsKey } from '../keypairs';
import { availabilityZone, computeHosts, PowerState, type Server } from '../model';
import type { ActionContext } from './context';
import { conflict, forbidden, invalidRequest } from './errors';
import { flavorNotFound, usableFlavor } from './flavors';
import { mayAct, policyMessage } from './guard-table';
import { flavorImageMismatch, visibleImage } from './images';
import {
  adminPassword,
  boolean,
  booleanSpellings,
  description,
  diskConfig,
  fieldsAt,
  type FieldsSince,
  flavorRef,
  imageId,
  ipAddress,
  metadata,
  name,
  positiveInteger,
  tag,
} from './parameter-types';
import { generatePassword } from './password';
import { taskPlans } from './plans';
import { removePorts } from './ports';
import { instancesWithinQuota } from './quota';
import { type Schema, uuidLike, validate } from './schema';
import { startTask } from './tasks';

type Microversion = ActionContext['microversion'];

interface NetworkEntry {
  uuid?: string;
  port?: string | null;
  fixed_ip?: string;
}

export interface CreateRequest {
  server: {
    name: string;
    imageRef?: string;
    flavorRef: string | number;
    adminPass?: string;
    metadata?: Record<string, string>;
    networks?: 'auto' | 'none' | NetworkEntry[];
    'OS-DCF:diskConfig'?: 'AUTO' | 'MANUAL';
    accessIPv4?: string;
    accessIPv6?: string;
    availability_zone?: string;
    config_drive?: boolean | string;
    key_name?: string;
    min_count?: number | string;
    max_count?: number | string;
    security_groups?: Array<{ name?: string }>;
    description?: string | null;
    tags?: string[];
  };
}

/** The network list's items: `tag` came at 2.32, went at 2.33 by mistake and came back at 2.42. */
function networkEntry(mv: Microversion): Schema {
  const properties: Record<string, Schema> = {
    fixed_ip: ipAddress,
    port: { type: ['string', 'null'], format: 'uuid' },
    uuid: mv.atLeast('2.37') ? { type: 'string', format: 'uuid' } : { type: 'string' },
  };
  if ((mv.atLeast('2.32') && !mv.atLeast('2.33')) || mv.atLeast('2.42')) properties.tag = tag;
  return { type: 'object', properties, additionalProperties: false };
}

/** From 2.37 `networks` is required, and either a list or `auto`/`none`. */
function networks(mv: Microversion): Schema {
  const list: Schema = { type: 'array', items: networkEntry(mv) };
  return mv.atLeast('2.37') ? { oneOf: [list, { type: 'string', enum: ['none', 'auto'] }] } : list;
}

const serverFields = (mv: Microversion): FieldsSince => [
  [
    '2.1',
    {
      name,
      // The empty string is for booting from a volume, which the simulator has no Cinder for.
      imageRef: { oneOf: [imageId, { type: 'string', maxLength: 0 }] },
      flavorRef,
      adminPass: adminPassword,
      metadata,
      networks: networks(mv),
      'OS-DCF:diskConfig': diskConfig,
      accessIPv4: { type: 'string', format: 'ipv4' },
      accessIPv6: { type: 'string', format: 'ipv6' },
      availability_zone: name,
      config_drive: boolean,
      key_name: name,
      min_count: positiveInteger,
      max_count: positiveInteger,
      security_groups: { type: 'array', items: { type: 'object', properties: { name }, additionalProperties: false } },
      user_data: { type: 'string', maxLength: 65535 },
    },
  ],
  ['2.19', { description }],
  ['2.52', { tags: { type: 'array', items: tag, maxItems: 50 } }],
];

/** schemas/servers.py's create schema of the request's microversion. */
export function createSchema(mv: Microversion): Schema {
  const properties = fieldsAt(mv, serverFields(mv));
  if (!mv.atLeast('2.57')) properties.personality = { type: 'array' };
  const hints: Schema = { type: 'object' };
  return {
    type: 'object',
    properties: {
      server: { type: 'object', properties, required: mv.atLeast('2.37') ? ['name', 'flavorRef', 'networks'] : ['name', 'flavorRef'], additionalProperties: false },
      'os:scheduler_hints': hints,
      'OS-SCH-HNT:scheduler_hints': hints,
    },
    required: ['server'],
    additionalProperties: false,
  };
}

/** The body as Nova's deserializer and schema read it; throws Nova's 400s. */
export function readCreateRequest(text: string, mv: Microversion): CreateRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidRequest('Malformed request body');
  }
  validate(createSchema(mv), body);
  return body as CreateRequest;
}

/** One entry of the network list, as _get_requested_networks makes it. */
type NetworkRequest = { portId: string } | { networkId: string; address: string | undefined };

/** servers.py::_get_requested_networks: the 400s the controller gives before the compute API. */
function requestedNetworks(entries: NetworkEntry[]): NetworkRequest[] {
  const ports = new Set<string>();
  return entries.map((entry) => {
    if (entry.port) {
      if (ports.has(entry.port)) throw invalidRequest(`Port ID '${entry.port}' was specified twice: you cannot attach a port multiple times.`);
      if (entry.fixed_ip !== undefined) {
        throw invalidRequest(`Specified Fixed IP '${entry.fixed_ip}' cannot be used with port '${entry.port}': the two cannot be specified together.`);
      }
      ports.add(entry.port);
      return { portId: entry.port };
    }
    if (entry.uuid === undefined) throw invalidRequest("Bad network format: missing 'uuid'");
    // Only reachable before 2.37, whose schema does not check the format.
    if (!uuidLike(entry.uuid)) throw invalidRequest(`Bad networks format: network uuid is not in proper format (${entry.uuid})`);
    return { networkId: entry.uuid, address: entry.fixed_ip };
  });
}

/** Where each server is plugged: a network (maybe at an address), or a port it takes over. */
type Attachment = { network: Network; fixedIp: FixedIpRequest | undefined } | { port: Port };
/** A network request as validate_networks finds it: usable, or not there for the caller. */
type Found = { port: Port } | { network: Network; address: string | undefined } | { lost: string };

export interface CreatedServers {
  /** In launch order; the response shows the first. */
  servers: Server[];
  adminPass: string;
}

export function createServers(ctx: ActionContext, { server: request }: CreateRequest): CreatedServers {
  const { cloud, caller, now, microversion: mv } = ctx;
  const adminPass = request.adminPass ?? generatePassword();
  const minCount = Number(request.min_count ?? 1);
  const maxCount = Number(request.max_count ?? minCount);
  if (minCount > maxCount) throw invalidRequest('min_count must be <= max_count');
  if (!mayAct(caller)) throw forbidden(policyMessage('os_compute_api:servers:create'));
  if (!request.imageRef) throw invalidRequest('Missing imageRef attribute');
  const entries = Array.isArray(request.networks) ? requestedNetworks(request.networks) : [];
  const flavorId = idFromHref(String(request.flavorRef));
  const flavor = usableFlavor(cloud.compute, caller, flavorId);
  if (!flavor) throw invalidRequest(flavorNotFound(flavorId));

  // compute API's create
  if (maxCount > 1 && entries.some((e) => 'address' in e && e.address !== undefined)) {
    throw invalidRequest('Failed to launch instances: max_count cannot be greater than 1 if an fixed_ip is specified.');
  }
  if (maxCount > 1 && entries.some((e) => 'portId' in e)) {
    throw invalidRequest('Failed to launch instances: Unable to launch multiple instances with a single configured port ID. Please launch your instance one by one with different ports.');
  }
  if (request.availability_zone !== undefined && request.availability_zone !== availabilityZone) {
    throw invalidRequest('The requested availability zone is not available');
  }
  settleImages(cloud.images, now);
  const image = visibleImage(cloud.images, caller, request.imageRef);
  if (!image) throw invalidRequest('Can not find requested image');
  if (flavor.disabled) throw invalidRequest(flavorNotFound(flavorId));
  const named = [...new Set((request.security_groups ?? []).flatMap((group) => (group.name ? [group.name] : [])))];
  const groupNames = named.length > 0 ? named : ['default'];
  const groups = securityGroupIds(ctx, groupNames);
  const attachments = request.networks === 'none' ? [] : attachmentsFor(ctx, request.networks === 'auto', entries);
  if (request.key_name !== undefined && request.key_name !== opsKey.name) throw invalidRequest('Invalid key_name provided.');
  const meta = request.metadata ?? {};
  const metadataItems = cloud.compute.quota.metadataItems;
  if (metadataItems >= 0 && Object.keys(meta).length > metadataItems) throw forbidden(`Maximum number of metadata items exceeds ${metadataItems}`);
  if (image.status !== 'active') throw invalidRequest(`Image ${image.id} is not active.`);
  const mismatch = flavorImageMismatch(flavor, image, true);
  if (mismatch) throw invalidRequest(mismatch);
  const count = instancesWithinQuota(cloud.compute, caller.projectId, flavor, minCount, maxCount);

  const servers = Array.from({ length: count }, (_, index) => {
    const server: Server = {
      id: crypto.randomUUID(),
      name: count > 1 ? `${request.name}-${index + 1}` : request.name,
      projectId: caller.projectId,
      userId: caller.userId,
      createdAt: now,
      updatedAt: now,
      launchedAt: null,
      terminatedAt: null,
      deletedAt: null,
      vmState: 'building',
      taskState: 'scheduling',
      powerState: PowerState.NOSTATE,
      progress: 0,
      flavorId: flavor.id,
      oldFlavorId: null,
      imageId: image.id,
      host: quietestHost(cloud.compute.servers.values()),
      availabilityZone,
      keyName: request.key_name ?? null,
      metadata: { ...meta },
      // Before 2.19 there is no description, and Nova stores the name in its place.
      description: mv.atLeast('2.19') ? (request.description ?? null) : request.name,
      tags: [...(request.tags ?? [])],
      locked: false,
      lockedBy: null,
      lockedReason: null,
      // Nova shows the groups of the server's ports, so a server without any shows none.
      securityGroups: attachments.length > 0 ? groupNames : [],
      volumesAttached: [],
      preservedPortIds: attachments.flatMap((a) => ('port' in a ? [a.port.id] : [])),
      fault: null,
      accessIPv4: request.accessIPv4 ?? '',
      accessIPv6: request.accessIPv6 ?? '',
      configDrive: isTrue(request.config_drive) ? 'True' : '',
      pendingSteps: [],
    };
    cloud.compute.servers.set(server.id, server);
    plug(cloud.network, server, attachments, groups, now);
    startTask(ctx, server, taskPlans.create, {
      finish(s, at) {
        s.launchedAt = at;
      },
      // A build that fails deallocates what it allocated (the manager's _cleanup_allocated_networks).
      failed(s, at) {
        removePorts(cloud.network, s, at);
      },
    });
    return server;
  });
  return { servers, adminPass };
}

/** common.get_id_from_href: a flavorRef may be the flavor's URL. */
function idFromHref(href: string): string {
  return (href.split(/[?#]/)[0] ?? '').split('/').at(-1) ?? '';
}

const isTrue = (value: boolean | string | undefined) => (booleanSpellings.true as readonly unknown[]).includes(value);

/** The groups' ids for the new ports; `default` is the project's own, made if it has none yet. */
function securityGroupIds({ cloud, caller, now }: ActionContext, names: string[]): string[] {
  return names.map((groupName) => {
    if (groupName === 'default') return ensureDefaultSecurityGroup(cloud.network, caller.projectId, now).id;
    const groups = [...cloud.network.securityGroups.values()].filter((g) => g.projectId === caller.projectId);
    const found = groups.find((g) => g.id === groupName) ?? groups.find((g) => g.name === groupName);
    if (!found) throw invalidRequest(`Unable to find security_group with name or id '${groupName}'`);
    return found.id;
  });
}

/**
 * neutron API's validate_networks (_ports_needed_per_instance) and what the compute manager
 * then picks: with no list, or `auto`, the one network the project can use (its own and the
 * shared ones); else each port the caller owns and nobody uses, each network it can see.
 */
function attachmentsFor({ cloud, caller }: ActionContext, auto: boolean, entries: NetworkRequest[]): Attachment[] {
  const store = cloud.network;
  if (entries.length === 0) {
    const usable = [...store.networks.values()].filter((n) => n.projectId === caller.projectId || n.shared);
    if (usable.length > 1) throw conflict('Multiple possible networks found, use a Network ID to be more specific.');
    if (usable.length === 0 && auto) throw invalidRequest(`Unable to automatically allocate a network for project ${caller.projectId}`);
    return usable.map((network) => ({ network, fixedIp: undefined }));
  }
  const found = entries.map((entry): Found => {
    if ('portId' in entry) {
      const port = store.ports.get(entry.portId);
      if (!port || !owns(caller, port)) throw invalidRequest(`Port id ${entry.portId} could not be found.`);
      if (port.deviceId) throw conflict(`Port ${port.id} is still in use.`);
      return { port };
    }
    const holder = entry.address === undefined ? undefined : [...store.ports.values()].find((p) => p.networkId === entry.networkId && p.fixedIps.some((ip) => ip.ipAddress === entry.address));
    if (holder) throw invalidRequest(`Fixed IP address ${entry.address} is already in use on instance ${holder.deviceId}.`);
    const network = store.networks.get(entry.networkId);
    return network && canSeeNetwork(caller, network) ? { network, address: entry.address } : { lost: entry.networkId };
  });
  for (const item of found) {
    if ('network' in item && subnetsOf(store, item.network.id).length === 0) throw invalidRequest(`Network ${item.network.id} requires a subnet in order to boot instances on.`);
  }
  const lost = [...new Set(found.flatMap((item) => ('lost' in item ? [item.lost] : [])))];
  if (lost.length > 0) throw invalidRequest(`Network ${lost.join(', ')} could not be found.`);
  return found.flatMap((item): Attachment[] => ('port' in item ? [item] : 'network' in item ? [{ network: item.network, fixedIp: fixedIpOn(store, item.network, item.address) }] : []));
}

/**
 * Where a requested address lies. Nova learns that an address fits no subnet only when Neutron
 * refuses the port on the compute host; the simulator answers it in the API with Nova's text.
 */
function fixedIpOn(store: NetworkStore, network: Network, address: string | undefined): FixedIpRequest | undefined {
  if (address === undefined) return undefined;
  const subnet = subnetsOf(store, network.id).find((s) => subnetContains(s, address));
  if (!subnet) throw invalidRequest(`Fixed IP ${address} is not a valid ip address for network ${network.id}.`);
  return { subnet, ipAddress: address };
}

/** The host with the fewest servers, as the scheduler's default weighers spread a cloud. */
function quietestHost(servers: Iterable<Server>): string {
  const load = new Map(computeHosts.map((host) => [host, 0]));
  for (const server of servers) if (server.host && server.deletedAt === null) load.set(server.host, (load.get(server.host) ?? 0) + 1);
  return [...load].reduce((best, next) => (next[1] < best[1] ? next : best))[0];
}

/** A port per network on the server's host (compute:<zone>), and the ports it was given, bound to it. */
function plug(store: NetworkStore, server: Server, attachments: Attachment[], securityGroups: string[], now: number): void {
  const binding = { deviceId: server.id, deviceOwner: `compute:${server.availabilityZone}`, bindingHostId: server.host ?? '' };
  atomically((tx) => {
    for (const attachment of attachments) {
      if ('port' in attachment) {
        updatePort(tx, store, attachment.port, binding, now);
        continue;
      }
      const port = {
        projectId: server.projectId,
        name: '',
        description: '',
        networkId: attachment.network.id,
        adminStateUp: true,
        macAddress: undefined,
        fixedIps: attachment.fixedIp && [attachment.fixedIp],
        securityGroups,
        ...binding,
      };
      createPort(tx, store, port, now);
    }
  });
}
