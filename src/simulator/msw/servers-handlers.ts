import { http, type HttpHandler } from 'msw';
import {
  apiPaths,
  consoleOutputSchema,
  consoleQuerySchema,
  listServersQuerySchema,
  serverChangesQuerySchema,
  serverChangesSchema,
  serverDetailSchema,
  serverListSchema,
  type ServerSortKey,
} from '../../domain/api';
import { toServerDetail, toServerSummary, type ActionId, type NovaInstanceAction, type NovaServer, type ViewContext } from '../../domain/compute';
import { isReadOnly } from '../../domain/identity';
import type { SimulatedCloud } from '../core/cloud';
import { settle, type InstanceAction, type Server } from '../core/compute/model';
import type { KeystoneToken } from '../core/identity/wire';
import { createAddressBook } from '../nova/views/addresses';
import { hostId } from '../nova/views/host-id';
import { isDeleted, serverStatus } from '../nova/views/status';
import { isoTime, naiveTime } from '../nova/views/time';
import { badCursor, decodeCursor, encodeCursor, errorResponse, respond, searchOf } from './responses';

/** The signed-in session's token, or the 401 the BFF answers without one. */
export type SessionCheck = () => { token: KeystoneToken } | { refusal: Response };

export interface ServerHandlerOptions {
  cloud: SimulatedCloud;
  session: SessionCheck;
  busy?: BusyLookup;
}

/** As the BFF: the newest actions of the log, and at most this many changed servers per call. */
const actionLogLength = 20;
const changesLimit = 200;
const serverIdPattern = /^[0-9a-fA-F-]{32,36}$/;
const uuidPattern = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const rememberedIds = 3;
const defaultDir: Record<ServerSortKey, 'asc' | 'desc'> = { name: 'asc', status: 'asc', created: 'desc' };
/** Statuses whose body carries `progress`, and those that carry a `fault` (Nova's views/servers.py). */
const progressStatuses = new Set(['ACTIVE', 'BUILD', 'REBUILD', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING']);
const faultStatuses = new Set(['ERROR', 'DELETED']);

/** How the BFF reads the cloud for one request: due task steps applied, one project's servers, its view context. */
export interface ServerReader {
  ctx: ViewContext;
  nova: (server: Server) => NovaServer;
  owned: (server: Server | undefined) => server is Server;
  isAdmin: boolean;
}

/** A task of this session running on the server, which disables its other actions (as the BFF's tracker says). */
export type BusyLookup = (serverId: string) => { action: ActionId } | undefined;

export function readServers(cloud: SimulatedCloud, token: KeystoneToken, busy?: BusyLookup): ServerReader {
  settle(cloud.compute, cloud.clock.now());
  const projectId = token.project?.id ?? '';
  const roles = (token.roles ?? []).map((r) => r.name);
  const isAdmin = roles.includes('admin');
  const addressesOf = createAddressBook(cloud.network);
  const networkIds = new Map<string, string>();
  for (const network of cloud.network.networks.values()) {
    if (network.projectId === projectId || network.shared || network.external) networkIds.set(network.name, network.id);
  }
  const ctx: ViewContext = {
    viewer: { isAdmin, readOnly: isReadOnly(roles), policy: 'new-defaults' },
    imageName: (id) => cloud.images.images.get(id)?.name ?? null,
    networkId: (name) => networkIds.get(name),
    ...(busy && { busy }),
  };
  const nova = (server: Server) => novaServer(cloud, server, addressesOf(server), isAdmin);
  const owned = (server: Server | undefined): server is Server => server !== undefined && server.projectId === projectId;
  return { ctx, nova, owned, isAdmin };
}

/**
 * The BFF's server routes for the SPA's component tests, answered from the simulator's core and
 * mapped with the domain's view models as the BFF maps Nova's bodies. A simple emulation of the
 * BFF's search (name substring, address prefix, id or id prefix), status filter, sort, and a
 * cursor that remembers the last ids of a page and falls back to an earlier one (then to the
 * start) when they vanished, as the BFF's does: a page may then repeat rows.
 */
export function createServerHandlers({ cloud, session, busy }: ServerHandlerOptions): HttpHandler[] {
  const read = (token: KeystoneToken) => readServers(cloud, token, busy);

  return [
    http.get(`*${apiPaths.serverChanges}`, ({ request }) => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      const query = serverChangesQuerySchema.safeParse(searchOf(request));
      if (!query.success) return invalid('`since` must be a time such as 2026-11-23T10:00:00Z.');
      const { ctx, nova, owned } = read(check.token);
      const since = Date.parse(query.data.since);
      const asOf = new Date(cloud.clock.now()).toISOString();
      const changed = [...cloud.compute.servers.values()]
        .filter((s) => owned(s) && Math.max(s.updatedAt, s.deletedAt ?? 0) >= since)
        .slice(0, changesLimit);
      return respond(serverChangesSchema, { items: changed.map((s) => toServerSummary(nova(s), ctx)), asOf });
    }),

    http.get(`*${apiPaths.servers}/:id/console`, ({ request, params }) => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      const { owned } = read(check.token);
      const server = findServer(cloud, params.id);
      if (!owned(server) || isDeleted(server)) return notFound();
      const query = consoleQuerySchema.safeParse(searchOf(request));
      if (!query.success) return invalid('`lines` must be a number from 1 to 1000.');
      return respond(consoleOutputSchema, { output: consoleLog(server, cloud.images.images.get(server.imageId)?.name).slice(-query.data.lines).join('\n') });
    }),

    http.get(`*${apiPaths.servers}/:id`, ({ params }) => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      const { ctx, nova, owned, isAdmin } = read(check.token);
      const server = findServer(cloud, params.id);
      if (!owned(server) || isDeleted(server)) return notFound();
      const log = (cloud.compute.actions.get(server.id) ?? [])
        .slice(-actionLogLength)
        .reverse()
        .map((action) => novaAction(action, isAdmin));
      return respond(serverDetailSchema, toServerDetail(nova(server), ctx, log));
    }),

    http.get(`*${apiPaths.servers}`, ({ request }) => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      const query = listServersQuerySchema.safeParse(searchOf(request));
      if (!query.success) return invalid('The list parameters are not valid.');
      const { limit, marker, q, status, sort } = query.data;
      const dir = query.data.dir ?? defaultDir[sort];
      const { ctx, nova, owned } = read(check.token);

      const matches = q ? searchMatcher(q, nova) : () => true;
      const servers = [...cloud.compute.servers.values()]
        .filter((s) => owned(s) && !isDeleted(s) && (!status || serverStatus(s) === status) && matches(s))
        .sort(comparator(sort, dir));

      const listKey = JSON.stringify([q ?? '', status ?? '', sort, dir, limit]);
      let remembered: string[] = [];
      if (marker) {
        const decoded = idsOf(decodeCursor(marker, listKey));
        if (!decoded) return badCursor();
        remembered = decoded;
      }
      const start = startAfter(servers, remembered);
      const page = servers.slice(start, start + limit);
      const more = start + limit < servers.length;
      const ids = page.map((s) => s.id);
      const next = more ? encodeCursor(listKey, [...ids.slice(-rememberedIds).reverse(), ...remembered].slice(0, rememberedIds)) : null;
      return respond(serverListSchema, { items: page.map((s) => toServerSummary(nova(s), ctx)), next });
    }),
  ];
}

export function findServer(cloud: SimulatedCloud, id: unknown): Server | undefined {
  if (typeof id !== 'string' || !serverIdPattern.test(id)) return undefined;
  return cloud.compute.servers.get(id.toLowerCase());
}

/** Where the next page starts: after the newest remembered id still in the list, else at the top. */
function startAfter(servers: Server[], remembered: string[]): number {
  for (const id of remembered) {
    const at = servers.findIndex((s) => s.id === id);
    if (at >= 0) return at + 1;
  }
  return 0;
}

function comparator(sort: ServerSortKey, dir: 'asc' | 'desc') {
  const key = (s: Server): string | number => (sort === 'name' ? s.name : sort === 'status' ? s.vmState : s.createdAt);
  const sign = dir === 'asc' ? 1 : -1;
  return (a: Server, b: Server) => {
    const ka = key(a);
    const kb = key(b);
    // Nova breaks ties by id, so pages never overlap or skip.
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
  };
}

/** The BFF's readings of `q`, loosely: a full id, an id prefix, an address prefix, a name substring. */
function searchMatcher(q: string, nova: (s: Server) => NovaServer): (s: Server) => boolean {
  const needle = q.toLowerCase();
  if (uuidPattern.test(needle)) {
    const id = needle.replaceAll('-', '');
    return (s) => s.id.replaceAll('-', '') === id;
  }
  const idPrefix = /^[0-9a-f-]{8,}$/.test(needle) ? needle.replaceAll('-', '') : undefined;
  const address = /^[0-9a-f.:]+$/.test(needle) && /[.:]|^\d+$/.test(needle) ? needle : undefined;
  return (s) => {
    if (s.name.toLowerCase().includes(needle)) return true;
    if (idPrefix && s.id.replaceAll('-', '').startsWith(idPrefix)) return true;
    if (!address) return false;
    return Object.values(nova(s).addresses).some((list) => list.some((a) => a.addr.toLowerCase().startsWith(address)));
  };
}

/** Nova's server body at microversion 2.100, trimmed to what the BFF reads. */
function novaServer(cloud: SimulatedCloud, server: Server, addresses: NovaServer['addresses'], isAdmin: boolean): NovaServer {
  const status = serverStatus(server);
  const flavor = cloud.compute.flavors.get(server.flavorId);
  const fault = server.fault && faultStatuses.has(status) ? server.fault : undefined;
  return {
    id: server.id,
    name: server.name,
    status,
    tenant_id: server.projectId,
    user_id: server.userId,
    created: isoTime(server.createdAt),
    updated: isoTime(server.updatedAt),
    hostId: hostId(server.host, server.projectId),
    addresses,
    flavor: flavor
      ? { original_name: flavor.name, vcpus: flavor.vcpus, ram: flavor.ramMb, disk: flavor.diskGb, ephemeral: flavor.ephemeralGb, swap: flavor.swapMb }
      : { id: server.flavorId },
    image: server.imageId ? { id: server.imageId } : '',
    key_name: server.keyName,
    metadata: server.metadata,
    description: server.description,
    locked: server.locked,
    locked_reason: server.lockedReason,
    ...(progressStatuses.has(status) && { progress: server.progress }),
    ...(fault && {
      fault: {
        code: fault.code,
        message: fault.message,
        created: isoTime(fault.created),
        // Nova shows a 500's traceback to admins only.
        ...(fault.details && (isAdmin || fault.code !== 500) && { details: fault.details }),
      },
    }),
    ...(server.securityGroups.length > 0 && { security_groups: server.securityGroups.map((name) => ({ name })) }),
    'os-extended-volumes:volumes_attached': server.volumesAttached.map((v) => ({ id: v.id, delete_on_termination: v.deleteOnTermination })),
    'OS-EXT-STS:vm_state': server.vmState,
    'OS-EXT-STS:task_state': server.taskState,
    'OS-EXT-STS:power_state': server.powerState,
    'OS-EXT-AZ:availability_zone': server.availabilityZone,
    'OS-SRV-USG:launched_at': naiveTime(server.launchedAt),
    ...(isAdmin && { 'OS-EXT-SRV-ATTR:host': server.host }),
  };
}

/** `os-instance-actions/{request_id}`: events for everyone (2.51), tracebacks and hosts for admins. */
export function novaAction(action: InstanceAction, isAdmin: boolean): NovaInstanceAction {
  return {
    action: action.action,
    request_id: action.requestId,
    user_id: action.userId,
    start_time: naiveTime(action.startTime) as string,
    updated_at: naiveTime(action.updatedAt),
    message: action.message,
    events: action.events.map((e) => ({
      event: e.event,
      start_time: naiveTime(e.startTime),
      finish_time: naiveTime(e.finishTime),
      result: e.result,
      ...(isAdmin && { traceback: e.traceback, host: e.host }),
      details: e.details,
    })),
  };
}

/** A plausible boot log, the same for a server every time. */
function consoleLog(server: Server, imageName: string | undefined): string[] {
  if (server.launchedAt === null) return [];
  const os = imageName?.split('-')[0] ?? 'linux';
  const hostname = server.name.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  const lines = [
    '[    0.000000] Linux version 6.1.0-27-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC',
    '[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz root=/dev/vda1 ro console=tty0 console=ttyS0,115200n8',
    '[    0.000000] BIOS-provided physical RAM map:',
    '[    0.004000] Hypervisor detected: KVM',
    '[    0.120000] smpboot: Allowing 4 CPUs, 0 hotplug CPUs',
    '[    0.530000] virtio_blk virtio2: [vda] 41943040 512-byte logical blocks (21.5 GB/20.0 GiB)',
    '[    0.540000]  vda: vda1 vda14 vda15',
    '[    1.210000] EXT4-fs (vda1): mounted filesystem with ordered data mode.',
    '[    2.030000] systemd[1]: Detected virtualization kvm.',
    `[    2.031000] systemd[1]: Set hostname to <${hostname}>.`,
  ];
  for (let i = 0; i < 60; i++) {
    lines.push(`[  ${String(3 + i).padStart(3, ' ')}.${String((i * 137) % 1000).padStart(3, '0')}000] systemd[1]: Started unit-${i}.service.`);
  }
  lines.push(
    `[   64.200000] cloud-init[512]: Cloud-init v. 23.1 running 'modules:final' at ${new Date(server.launchedAt).toUTCString()}.`,
    `[   64.300000] cloud-init[512]: ci-info: no authorized SSH keys fingerprints found for user ${os}.`,
    `[   64.900000] cloud-init[512]: Cloud-init v. 23.1 finished. Datasource DataSourceOpenStackLocal.`,
    '',
    `${hostname} login:`,
  );
  return lines;
}

/** A cursor's position as the last ids shown, or undefined when it is not that. */
function idsOf(position: unknown): string[] | undefined {
  return Array.isArray(position) ? position.filter((id): id is string => typeof id === 'string') : undefined;
}

function notFound() {
  return errorResponse(404, { code: 'server.not_found', message: 'This server no longer exists.' });
}

function invalid(message: string) {
  return errorResponse(400, { code: 'request.invalid', message });
}
