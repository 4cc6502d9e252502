import type { InstanceAction, ServerDetail, ServerSummary } from '../api/servers';
import { availableActions, type Viewer } from './actions';
import type { ActionId } from './server-actions';
import type { NovaFlavor, NovaInstanceAction, NovaServer } from './nova-wire';

/** Nova's power_state integers in words. */
const powerWords: Record<number, ServerSummary['powerState']> = {
  0: 'no state',
  1: 'running',
  3: 'paused',
  4: 'shut down',
  6: 'crashed',
  7: 'suspended',
};

/** What the mapping needs besides the server: names Nova does not embed, and who is looking. */
export interface ViewContext {
  viewer: Viewer;
  /** Flavor by id, for microversions before 2.47 where the server names only the flavor id. */
  flavor?: (id: string) => NovaFlavor | undefined;
  /** Image name by id; null when unknown or not visible to the user. */
  imageName?: (id: string) => string | null;
  /** Network id by name, to link an address group to its network. */
  networkId?: (name: string) => string | undefined;
  /** A task of this session running on the server. */
  busy?: (serverId: string) => { action: ActionId } | undefined;
}

function flavorOf(server: NovaServer, ctx: ViewContext): ServerSummary['flavor'] {
  const f = server.flavor;
  if ('original_name' in f) return { name: f.original_name, vcpus: f.vcpus, ramMb: f.ram, diskGb: f.disk };
  const known = ctx.flavor?.(f.id);
  return known ? { id: f.id, name: known.name, vcpus: known.vcpus, ramMb: known.ram, diskGb: known.disk } : { id: f.id, name: f.id };
}

function addressesOf(server: NovaServer, ctx: ViewContext): ServerSummary['addresses'] {
  return Object.entries(server.addresses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([network, list]) => {
      const networkId = ctx.networkId?.(network);
      return {
        network,
        ...(networkId && { networkId }),
        addresses: list.map((a) => ({
          addr: a.addr,
          version: a.version,
          type: a['OS-EXT-IPS:type'] ?? 'fixed',
          ...(a['OS-EXT-IPS-MAC:mac_addr'] && { mac: a['OS-EXT-IPS-MAC:mac_addr'] }),
        })),
      };
    });
}

export function toServerSummary(server: NovaServer, ctx: ViewContext): ServerSummary {
  const vmState = server['OS-EXT-STS:vm_state'];
  const taskState = server['OS-EXT-STS:task_state'];
  const locked = server.locked ?? false;
  const facts = {
    vmState,
    taskState,
    locked,
    launched: Boolean(server['OS-SRV-USG:launched_at']),
    // Non-admins see no host name; Nova's hostId is empty exactly when there is no host.
    hasHost: Boolean(server['OS-EXT-SRV-ATTR:host'] || server.hostId),
  };
  return {
    id: server.id,
    name: server.name,
    status: server.status,
    vmState,
    taskState,
    powerState: powerWords[server['OS-EXT-STS:power_state']] ?? 'no state',
    locked,
    lockedReason: server.locked_reason ?? null,
    addresses: addressesOf(server, ctx),
    flavor: flavorOf(server, ctx),
    image: server.image === '' ? null : { id: server.image.id, name: ctx.imageName?.(server.image.id) ?? null },
    created: server.created,
    updated: server.updated,
    actions: availableActions(facts, ctx.viewer, ctx.busy?.(server.id)),
  };
}

/** Nova writes launched_at without a zone; it is UTC. */
function utc(time: string | null | undefined): string | null {
  if (!time) return null;
  return /[zZ]|[+-]\d\d:?\d\d$/.test(time) ? time : `${time}Z`;
}

export function toInstanceAction(action: NovaInstanceAction): InstanceAction {
  return {
    requestId: action.request_id,
    action: action.action,
    userId: action.user_id,
    startTime: utc(action.start_time) ?? action.start_time,
    ...(action.updated_at && { updatedAt: utc(action.updated_at) ?? action.updated_at }),
    message: action.message,
    ...(action.events && {
      events: action.events.map((e) => ({
        event: e.event,
        startTime: utc(e.start_time),
        finishTime: utc(e.finish_time),
        result: e.result,
        ...(e.traceback && { traceback: e.traceback }),
        ...(e.host && { host: e.host }),
        ...(e.details && { details: e.details }),
      })),
    }),
  };
}

export function toServerDetail(server: NovaServer, ctx: ViewContext, actionLog: NovaInstanceAction[] | null): ServerDetail {
  return {
    ...toServerSummary(server, ctx),
    projectId: server.tenant_id,
    userId: server.user_id,
    hostId: server.hostId,
    keyName: server.key_name ?? null,
    availabilityZone: server['OS-EXT-AZ:availability_zone'] ?? null,
    description: server.description ?? null,
    launchedAt: utc(server['OS-SRV-USG:launched_at']),
    progress: server.progress ?? null,
    metadata: server.metadata,
    securityGroups: [...new Set((server.security_groups ?? []).map((g) => g.name))],
    volumes: (server['os-extended-volumes:volumes_attached'] ?? []).map((v) => ({
      id: v.id,
      ...(v.delete_on_termination !== undefined && { deleteOnTermination: v.delete_on_termination }),
    })),
    fault: server.fault
      ? { code: server.fault.code, message: server.fault.message, created: utc(server.fault.created), ...(server.fault.details && { details: server.fault.details }) }
      : null,
    actionLog: actionLog ? actionLog.map(toInstanceAction) : null,
  };
}
