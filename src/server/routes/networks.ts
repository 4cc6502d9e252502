import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  apiPaths,
  listNetworksQuerySchema,
  listPortsQuerySchema,
  networkDetailSchema,
  type NetworkList,
  type NetworkPortList,
} from '../../domain/api';
import { toNetworkDetail, toNetworkPort, toNetworkSummary } from '../../domain/network';
import type { CloudRegistry } from '../clouds';
import { AppError } from '../errors';
import { listNetworks, subnetCidrs } from '../networks/list';
import { listNetworkPorts, portServers } from '../networks/ports';
import { clientsFor } from '../openstack/clients';
import { requireSession } from '../plugins/session';
import type { SessionCache } from '../sessions/cache';
import { parseInput } from '../validation';

/** Neutron's ids are dashed UUIDs. */
const networkId = z.object({ id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i) });

export interface NetworkRoutesOptions {
  clouds: CloudRegistry;
  cache: SessionCache;
}

export async function networkRoutes(app: FastifyInstance, { clouds, cache }: NetworkRoutesOptions): Promise<void> {
  app.get(apiPaths.networks, { preHandler: requireSession }, async (request) => {
    const query = parseInput(listNetworksQuerySchema, request.query);
    const { neutron } = clientsFor(clouds, request);
    const page = await listNetworks(neutron, query);
    const cidrs = await subnetCidrs(neutron, page.networks, page.knownCidrs);
    // Typed by the contract and parsed by the SPA; not parsed again here, on the hot path.
    const body: NetworkList = {
      items: page.networks.map((n) => toNetworkSummary(n, (id) => cidrs.get(id))),
      next: page.next,
      ...(page.partial && { partial: true }),
      ...(page.search && { search: page.search }),
    };
    return body;
  });

  app.get(`${apiPaths.networks}/:id`, { preHandler: requireSession }, async (request) => {
    const { id } = parseNotFound(request.params);
    const { neutron } = clientsFor(clouds, request);
    const [network, subnets] = await Promise.all([neutron.getNetwork(id), neutron.listAll('subnets', { network_id: id })]);
    return networkDetailSchema.parse(toNetworkDetail(network, subnets));
  });

  app.get(`${apiPaths.networks}/:id/ports`, { preHandler: requireSession }, async (request) => {
    const { id } = parseNotFound(request.params);
    const query = parseInput(listPortsQuerySchema, request.query);
    const clients = clientsFor(clouds, request);
    const page = await listNetworkPorts(clients.neutron, id, query);
    const servers = await portServers(page.ports, clients.nova, cache, request.session.id, request.log);
    const body: NetworkPortList = {
      items: page.ports.map((p) => toNetworkPort(p, (serverId) => servers.get(serverId))),
      next: page.next,
    };
    return body;
  });
}

/** An id that cannot be a network is a 404 in words, and never reaches Neutron. */
function parseNotFound(params: unknown): { id: string } {
  const parsed = networkId.safeParse(params);
  if (!parsed.success) throw new AppError(404, 'network.not_found', 'This network does not exist.');
  return { id: parsed.data.id.toLowerCase() };
}
