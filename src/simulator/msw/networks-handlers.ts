import { http, type HttpHandler } from 'msw';
import type { z } from 'zod/mini';
import {
  apiPaths,
  listNetworksQuerySchema,
  listPortsQuerySchema,
  networkDetailSchema,
  networkListSchema,
  networkPortListSchema,
  type NetworkList,
} from '../../domain/api';
import {
  partialNameMatches,
  planNetworkSearch,
  subnetMatches,
  toNetworkDetail,
  toNetworkPort,
  toNetworkSummary,
  type NeutronNetwork,
  type NeutronPort,
  type NeutronSubnet,
  type PortServerLookup,
} from '../../domain/network';
import type { SimulatedCloud } from '../core/cloud';
import { settle } from '../core/compute/model';
import { canSeeNetwork, canSeeSubnet, owns, type Viewer } from '../core/network/access';
import type { Network, Port, Subnet } from '../core/network/model';
import { isoSeconds } from '../http/iso-time';
import { isDeleted } from '../nova/views/status';
import type { SessionCheck } from './servers-handlers';
import { badCursor, decodeCursor, encodeCursor, errorResponse, respond, searchOf } from './responses';

export interface NetworkHandlerOptions {
  cloud: SimulatedCloud;
  session: SessionCheck;
}

/**
 * How many networks a name search looks at per request before it answers `partial: true` with a
 * cursor to go on: the BFF's bounded scan (5 upstream pages), scaled down so that a test cloud of
 * a few hundred networks shows it.
 */
export const nameScanWindow = 250;

const networkIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The BFF's network routes for the SPA's component tests, answered from the simulator's Neutron
 * state and mapped with the domain's view models as the BFF maps Neutron's bodies. A simple
 * emulation of the BFF's list: Neutron's visibility (own, shared, external; admins everything),
 * the shared/external/status filters, sort by name or status, the search read as the BFF reads it
 * (an id, a CIDR exactly, an address within a subnet, a name as a substring, scanned a bounded
 * number of networks per request) and an offset cursor.
 */
export function createNetworkHandlers({ cloud, session }: NetworkHandlerOptions): HttpHandler[] {
  const { network: store } = cloud;

  function viewerOf(check: Exclude<ReturnType<SessionCheck>, { refusal: Response }>): Viewer {
    const roles = (check.token.roles ?? []).map((r) => r.name);
    return { projectId: check.token.project?.id ?? '', isAdmin: roles.includes('admin') };
  }

  function visibleNetwork(viewer: Viewer, id: unknown): Network | undefined {
    if (typeof id !== 'string' || !networkIdPattern.test(id)) return undefined;
    const network = store.networks.get(id.toLowerCase());
    return network && canSeeNetwork(viewer, network) ? network : undefined;
  }

  function subnetsOf(viewer: Viewer, networkId: string): Subnet[] {
    return [...store.subnets.values()].filter((s) => s.networkId === networkId && canSeeSubnet(viewer, s, store));
  }

  return [
    http.get(`*${apiPaths.networks}/:id/ports`, ({ request, params }) => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      const viewer = viewerOf(check);
      const network = visibleNetwork(viewer, params.id);
      if (!network) return notFound();
      const query = listPortsQuerySchema.safeParse(searchOf(request));
      if (!query.success) return invalid(query.error);
      const { limit, marker } = query.data;
      const listKey = JSON.stringify(['ports', network.id, limit]);
      const offset = marker === undefined ? 0 : offsetOf(decodeCursor(marker, listKey));
      if (offset === undefined) return badCursor();

      settle(cloud.compute, cloud.clock.now());
      const ports = [...store.ports.values()].filter((p) => p.networkId === network.id && owns(viewer, p)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const page = ports.slice(offset, offset + limit);
      const end = offset + page.length;
      return respond(networkPortListSchema, {
        items: page.map((p) => toNetworkPort(neutronPort(p), (serverId) => serverLookup(cloud, viewer, serverId))),
        next: end < ports.length ? encodeCursor(listKey, end) : null,
      });
    }),

    http.get(`*${apiPaths.networks}/:id`, ({ params }) => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      const viewer = viewerOf(check);
      const network = visibleNetwork(viewer, params.id);
      if (!network) return notFound();
      const subnets = subnetsOf(viewer, network.id);
      return respond(networkDetailSchema, toNetworkDetail(neutronNetwork(network, subnets), subnets.map(neutronSubnet)));
    }),

    http.get(`*${apiPaths.networks}`, ({ request }) => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      const query = listNetworksQuerySchema.safeParse(searchOf(request));
      if (!query.success) return invalid(query.error);
      const { limit, marker, q, shared, external, status, sort, dir } = query.data;
      const listKey = JSON.stringify(['networks', q ?? '', shared ?? '', external ?? '', status ?? '', sort, dir, limit]);
      const offset = marker === undefined ? 0 : offsetOf(decodeCursor(marker, listKey));
      if (offset === undefined) return badCursor();

      const viewer = viewerOf(check);
      const search = q ? planNetworkSearch(q) : undefined;
      const visibleSubnets = [...store.subnets.values()].filter((s) => canSeeSubnet(viewer, s, store));
      const byNetwork = new Map<string, Subnet[]>();
      for (const subnet of visibleSubnets) {
        const list = byNetwork.get(subnet.networkId);
        if (list) list.push(subnet);
        else byNetwork.set(subnet.networkId, [subnet]);
      }
      const subnetsOfNetwork = (id: string) => byNetwork.get(id) ?? [];

      let matches: (network: Network) => boolean = () => true;
      if (search?.kind === 'id') matches = (n) => n.id === search.id;
      else if (search?.kind === 'cidr' || search?.kind === 'ip') matches = (n) => subnetsOfNetwork(n.id).some((s) => subnetMatches(search, s.cidr));
      else if (search?.kind === 'name') matches = (n) => n.name === search.value || partialNameMatches(search.value, n.name);
      const scan = search?.kind === 'name';

      const candidates = [...store.networks.values()]
        .filter(
          (n) =>
            canSeeNetwork(viewer, n) &&
            (shared === undefined || n.shared === shared) &&
            (external === undefined || n.external === external) &&
            (status === undefined || n.status === status),
        )
        .sort(comparator(sort, dir));

      const found: Network[] = [];
      let at = offset;
      while (at < candidates.length && found.length < limit && (!scan || at - offset < nameScanWindow)) {
        const network = candidates[at] as Network;
        if (matches(network)) found.push(network);
        at += 1;
      }
      const next = at < candidates.length ? encodeCursor(listKey, at) : null;
      const cidrs = new Map(visibleSubnets.map((s) => [s.id, s.cidr]));
      const body: NetworkList = {
        items: found.map((n) => toNetworkSummary(neutronNetwork(n, subnetsOfNetwork(n.id)), (id) => cidrs.get(id))),
        next,
        ...(scan && next !== null && { partial: true }),
        ...(search && { search: { kind: search.kind, partialName: scan } }),
      };
      return respond(networkListSchema, body);
    }),
  ];
}

/** Neutron's order: by name (or by status, then name), ties by id, the whole key turned for `desc`. */
function comparator(sort: 'name' | 'status', dir: 'asc' | 'desc') {
  const sign = dir === 'asc' ? 1 : -1;
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return (a: Network, b: Network) => {
    if (sort === 'status' && a.status !== b.status) return compare(a.status, b.status) * sign;
    const byName = compare(a.name, b.name) * (sort === 'name' ? sign : 1);
    return byName || compare(a.id, b.id) * sign;
  };
}

/** What Nova would say about a port's server to this viewer: another project's is a 404, as a deleted one. */
function serverLookup(cloud: SimulatedCloud, viewer: Viewer, serverId: string): PortServerLookup {
  const server = cloud.compute.servers.get(serverId);
  if (!server || isDeleted(server) || (!viewer.isAdmin && server.projectId !== viewer.projectId)) return { deleted: true };
  return { name: server.name, deleted: false };
}

function neutronNetwork(network: Network, subnets: readonly Subnet[]): NeutronNetwork {
  return {
    id: network.id,
    name: network.name,
    description: network.description,
    status: network.status,
    admin_state_up: network.adminStateUp,
    shared: network.shared,
    'router:external': network.external,
    subnets: subnets.map((s) => s.id),
    project_id: network.projectId,
    tenant_id: network.projectId,
    mtu: network.mtu,
    port_security_enabled: network.portSecurityEnabled,
    availability_zones: network.availabilityZones,
    tags: network.tags,
    created_at: isoSeconds(network.createdAt),
    updated_at: isoSeconds(network.updatedAt),
  };
}

function neutronSubnet(subnet: Subnet): NeutronSubnet {
  return {
    id: subnet.id,
    name: subnet.name,
    network_id: subnet.networkId,
    ip_version: subnet.ipVersion,
    cidr: subnet.cidr,
    gateway_ip: subnet.gatewayIp,
    allocation_pools: subnet.allocationPools,
    enable_dhcp: subnet.enableDhcp,
    dns_nameservers: subnet.dnsNameservers,
    host_routes: subnet.hostRoutes,
    ipv6_address_mode: subnet.ipv6AddressMode,
    ipv6_ra_mode: subnet.ipv6RaMode,
  };
}

function neutronPort(port: Port): NeutronPort {
  return {
    id: port.id,
    name: port.name,
    network_id: port.networkId,
    mac_address: port.macAddress,
    fixed_ips: port.fixedIps.map((ip) => ({ ip_address: ip.ipAddress, subnet_id: ip.subnetId })),
    device_id: port.deviceId,
    device_owner: port.deviceOwner,
    status: port.status,
    admin_state_up: port.adminStateUp,
  };
}

/** A cursor's position as a row offset, or undefined when it is not one. */
function offsetOf(position: unknown): number | undefined {
  return typeof position === 'number' && Number.isInteger(position) && position >= 0 ? position : undefined;
}

function notFound() {
  return errorResponse(404, { code: 'network.not_found', message: 'This network no longer exists, or it belongs to another project.' });
}

/** As the BFF's parseInput: a 400 that names each bad field. */
function invalid(error: z.core.$ZodError) {
  const fields = error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`);
  return errorResponse(400, { code: 'request.invalid', message: `The request is not valid. ${fields.join('; ')}` });
}
