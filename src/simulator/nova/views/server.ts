import type { FastifyRequest } from 'fastify';
import type { SimulatedCloud } from '../../core/cloud';
import type { Fault, Server } from '../../core/compute/model';
import type { Image } from '../../core/image/model';
import { NovaLinks } from '../links';
import type { Microversion } from '../microversion';
import { parseBool } from '../query';
import { createAddressBook } from './addresses';
import { embeddedFlavor } from './flavor';
import { hostId } from './host-id';
import { extendedAttributes, hostnameOf } from './server-attributes';
import { serverStatus } from './status';
import { isoTime, naiveTime } from './time';

/** Statuses whose body carries `progress`, and those that carry a `fault` (views/servers.py). */
const progressStatuses = new Set(['ACTIVE', 'BUILD', 'REBUILD', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING']);
const faultStatuses = new Set(['ERROR', 'DELETED']);

export type ServerBody = Record<string, unknown>;

/** Renders servers for one request: its microversion, its caller's role and its Host. */
export interface ServerView {
  /** `GET /servers`: id, name, links. */
  brief(server: Server): ServerBody;
  /** A server of `GET /servers/detail`. */
  detail(server: Server): ServerBody;
  /** `GET /servers/{id}`: the detail body plus `server_groups` from 2.71. */
  show(server: Server): ServerBody;
}

export function createServerView(cloud: SimulatedCloud, request: FastifyRequest): ServerView {
  const mv = request.microversion;
  const { isAdmin } = request.caller;
  const links = new NovaLinks(request);
  const addressesOf = createAddressBook(cloud.network);
  // A page holds many servers of one project on a few hosts: hash each pair once per request.
  const hostIds = new Map<string, string>();
  const hostIdOf = (server: Server): string => {
    const key = `${server.projectId}${server.host ?? ''}`;
    let id = hostIds.get(key);
    if (id === undefined) hostIds.set(key, (id = hostId(server.host, server.projectId)));
    return id;
  };

  const detail = (server: Server): ServerBody => {
    const status = serverStatus(server);
    const image = server.imageId ? cloud.images.images.get(server.imageId) : undefined;
    const body: ServerBody = {
      id: server.id,
      name: server.name,
      status,
      tenant_id: server.projectId,
      user_id: server.userId,
      metadata: server.metadata,
      hostId: hostIdOf(server),
      image: imageRef(server, image, links, mv),
      flavor: flavorRef(cloud, server, links, mv),
      created: isoTime(server.createdAt),
      updated: isoTime(server.updatedAt),
      addresses: addressesOf(server),
      accessIPv4: server.accessIPv4,
      accessIPv6: server.accessIPv6,
      links: links.resource('servers', server.id),
      'OS-DCF:diskConfig': autoDiskConfig(image) ? 'AUTO' : 'MANUAL',
    };
    if (faultStatuses.has(status) && server.fault) body.fault = renderFault(server.fault, isAdmin);
    if (progressStatuses.has(status)) body.progress = server.progress;
    Object.assign(body, {
      'OS-EXT-AZ:availability_zone': server.availabilityZone,
      config_drive: server.configDrive,
      key_name: server.keyName,
      'OS-SRV-USG:launched_at': naiveTime(server.launchedAt),
      'OS-SRV-USG:terminated_at': naiveTime(server.terminatedAt),
      ...(isAdmin ? extendedAttributes(server, mv) : {}),
      'OS-EXT-STS:task_state': server.taskState,
      'OS-EXT-STS:vm_state': server.vmState,
      'OS-EXT-STS:power_state': server.powerState,
      'os-extended-volumes:volumes_attached': server.volumesAttached.map((v) => (mv.atLeast('2.3') ? { id: v.id, delete_on_termination: v.deleteOnTermination } : { id: v.id })),
    });
    // Nova adds security_groups only when the server's ports have some.
    if (server.securityGroups.length > 0) body.security_groups = server.securityGroups.map((name) => ({ name }));
    if (mv.atLeast('2.9')) body.locked = server.locked;
    // host_status is admin-only by default policy; '' when the server has no host.
    if (mv.atLeast('2.16') && isAdmin) body.host_status = server.host ? 'UP' : '';
    if (mv.atLeast('2.19')) body.description = server.description;
    if (mv.atLeast('2.26')) body.tags = server.tags;
    if (mv.atLeast('2.63')) body.trusted_image_certificates = null;
    if (mv.atLeast('2.73')) body.locked_reason = server.lockedReason;
    // 2.90 shows the hostname to everyone; admins have it among the extended attributes already.
    if (mv.atLeast('2.90') && !isAdmin) body['OS-EXT-SRV-ATTR:hostname'] = hostnameOf(server);
    // No server here was booted with an AZ or scheduler hints asked for, so the request spec has none.
    if (mv.atLeast('2.96')) body.pinned_availability_zone = null;
    if (mv.atLeast('2.100')) body.scheduler_hints = {};
    return body;
  };

  return {
    brief: (server) => ({ id: server.id, name: server.name, links: links.resource('servers', server.id) }),
    detail,
    show: (server) => (mv.atLeast('2.71') ? { ...detail(server), server_groups: [] } : detail(server)),
  };
}

/** One server's body as `GET /servers/{id}` answers it; for handlers that answer with a server. */
export function renderServer(cloud: SimulatedCloud, request: FastifyRequest, server: Server): ServerBody {
  return createServerView(cloud, request).show(server);
}

/** `""` for a server booted from a volume; from 2.98 the image's standard properties too. */
function imageRef(server: Server, image: Image | undefined, links: NovaLinks, mv: Microversion): unknown {
  if (!server.imageId) return '';
  const ref: ServerBody = { id: server.imageId, links: links.bookmark('images', server.imageId) };
  if (mv.atLeast('2.98')) ref.properties = standardImageProperties(image);
  return ref;
}

/**
 * Nova copies only the properties its ImageMetaProps knows (hw_*, os_*, img_* and a few legacy
 * names) into the server, so Glance's bookkeeping (instance_uuid, image_type...) stays out.
 */
function standardImageProperties(image: Image | undefined): Record<string, string> {
  if (!image) return {};
  const legacy = new Set(['architecture', 'auto_disk_config', 'hypervisor_type', 'vm_mode']);
  return Object.fromEntries(Object.entries(image.properties).filter(([key]) => /^(hw|os|img)_/.test(key) || legacy.has(key)));
}

/** `{id, links}` before 2.47, the embedded sizes after; `{}` if the flavor is gone, as in Nova. */
function flavorRef(cloud: SimulatedCloud, server: Server, links: NovaLinks, mv: Microversion): ServerBody {
  const flavor = cloud.compute.flavors.get(server.flavorId);
  if (!flavor) return {};
  if (mv.atLeast('2.47')) return embeddedFlavor(flavor);
  return { id: flavor.id, links: links.bookmark('flavors', flavor.id) };
}

/** A fault's traceback (`details`) is for admins only when the fault is a 500. */
function renderFault(fault: Fault, isAdmin: boolean): ServerBody {
  const body: ServerBody = { code: fault.code, created: isoTime(fault.created), message: fault.message };
  if (fault.details && (isAdmin || fault.code !== 500)) body.details = fault.details;
  return body;
}

/** The image's `auto_disk_config` decides `OS-DCF:diskConfig` at boot; without it, MANUAL. */
export function autoDiskConfig(image: Image | undefined): boolean {
  const value = image?.properties.auto_disk_config;
  return value !== undefined && parseBool(value) === true;
}
