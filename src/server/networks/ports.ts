import type { FastifyBaseLogger } from 'fastify';
import pLimit from 'p-limit';
import { isComputeOwner, type NeutronPort, type PortServerLookup } from '../../domain/network';
import { decodeCursor, encodeCursor } from '../cursor';
import { AppError } from '../errors';
import type { NeutronClient } from '../openstack/neutron';
import type { NovaClient } from '../openstack/nova';
import type { Query } from '../openstack/service';
import type { SessionCache } from '../sessions/cache';
import { byId, gather, localPager, neutronPager, type Pager } from './pager';

/** What a port row shows: all Neutron is asked for. */
export const portFields = ['id', 'name', 'mac_address', 'fixed_ips', 'device_owner', 'device_id', 'status', 'admin_state_up'];

const serverNameTtlMs = 10 * 60_000;
/** Nova lookups for one page's server names at once (members cannot list servers by many ids). */
const serverLookupsInFlight = 4;

export interface PortListInput {
  limit: number;
  marker?: string | undefined;
}

export interface PortListResult {
  ports: NeutronPort[];
  next: string | null;
}

/**
 * One page of a network's ports in id order, with the list cursor and its fall-back (a port
 * deleted between pages is Neutron's 404 on the marker). On the first page the network itself is
 * checked: Neutron lists no ports for another project's network rather than saying it is not
 * there, and the answer should be the same 404 as for the network's own page.
 */
export async function listNetworkPorts(neutron: NeutronClient, networkId: string, input: PortListInput): Promise<PortListResult> {
  const queryKey = JSON.stringify(['ports', networkId, input.limit]);
  const [position] = input.marker ? decodeCursor(input.marker, queryKey) : [{ m: [] }];
  if (position === undefined) throw new AppError(400, 'cursor.invalid', 'This list position is no longer valid. Reload the list.');
  if (position === null) return { ports: [], next: null };

  const features = await neutron.features();
  const query: Query = { network_id: networkId, fields: portFields };
  const pager: Pager<NeutronPort> = features.pagination
    ? neutronPager((q) => neutron.listPorts(q), { ...query, ...(features.sorting && { sort_key: 'id', sort_dir: 'asc' }) }, 'not-found')
    : localPager(() => neutron.listAll('ports', query), byId);
  const [found] = await Promise.all([gather(pager, position.m, input.limit), input.marker ? undefined : neutron.getNetwork(networkId, { fields: 'id' })]);
  return { ports: found.items, next: found.position ? encodeCursor(queryKey, [found.position]) : null };
}

/**
 * The servers of a page's `compute:*` ports, by id: names from the session's cache, else
 * `GET /servers/{id}` a few at a time (a member cannot list servers by many ids). A server Nova no
 * longer has is `deleted`; one Nova could not tell about is left out (the row keeps its id).
 */
export async function portServers(
  ports: readonly NeutronPort[],
  nova: NovaClient,
  cache: SessionCache,
  sessionId: string,
  log: FastifyBaseLogger,
): Promise<Map<string, PortServerLookup>> {
  const ids = [...new Set(ports.filter((p) => isComputeOwner(p.device_owner ?? '') && p.device_id).map((p) => p.device_id as string))];
  const lookup = pLimit(serverLookupsInFlight);
  const entries = await Promise.all(
    ids.map((id) =>
      lookup(async () => {
        const found = await cache
          .get<PortServerLookup>(sessionId, `server-name:${id}`, serverNameTtlMs, async () => {
            try {
              return { name: (await nova.getServer(id)).name, deleted: false };
            } catch (error) {
              if (error instanceof AppError && error.status === 404) return { deleted: true };
              throw error;
            }
          })
          .catch((error: unknown) => {
            log.warn({ err: error, serverId: id }, 'server name unavailable');
            return undefined;
          });
        return [id, found] as const;
      }),
    ),
  );
  return new Map(entries);
}
