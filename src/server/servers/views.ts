import type { FastifyBaseLogger } from 'fastify';
import pLimit from 'p-limit';
import type { ServerSummary } from '../../domain/api';
import { type ActionId, type NovaServer, toServerSummary, type ViewContext } from '../../domain/compute';
import type { SessionClients } from '../openstack/clients';
import type { SessionCache } from '../sessions/cache';
import type { Session } from '../sessions/store';

const nameTtlMs = 10 * 60_000;
/** Network names change seldom; a network created meanwhile is linked after this at most. */
const networkIdsTtlMs = 5 * 60_000;

export interface ViewOptions {
  /**
   * `wait` (the default): every address group links to its network, waiting for the session's
   * network names when they are not known yet (one Neutron list per session and TTL).
   * `if-known`: links only when the names are already known, and starts the lookup otherwise, so
   * that a list's first rows never wait for Neutron (its rows show no links anyway).
   */
  networkLinks?: 'wait' | 'if-known';
}

/**
 * Turns Nova's servers into the session's view models: names Nova does not embed come from small
 * per-session caches (flavors only before microversion 2.47, image names in one Glance list, the
 * ids of the networks that Nova's address groups name; all best effort), and a task of the
 * session on a server disables its actions.
 */
export class ServerViews {
  constructor(
    private readonly cache: SessionCache,
    private readonly busy: (sessionId: string, serverId: string) => { action: ActionId } | undefined,
  ) {}

  async context(session: Session, clients: SessionClients, servers: readonly NovaServer[], log: FastifyBaseLogger, options: ViewOptions = {}): Promise<ViewContext> {
    // Image names first: a page waits for them, while a list only starts the network lookup.
    const names = this.imageNames(session, clients, servers, log);
    const needsNetworks = servers.some((s) => Object.keys(s.addresses).length > 0);
    const networkIds = needsNetworks ? this.networkIds(session, clients, log, options.networkLinks ?? 'wait') : undefined;
    const needsFlavors = servers.some((s) => !('original_name' in s.flavor));
    const flavors = needsFlavors ? this.cache.get(session.id, 'flavors', nameTtlMs, () => clients.nova.flavors()) : undefined;
    const [flavorList = [], imageName, networks] = await Promise.all([flavors, names, networkIds]);
    const flavorById = new Map(flavorList.map((f) => [f.id, f]));
    return {
      viewer: clients.viewer,
      flavor: (id) => flavorById.get(id),
      imageName: (id) => imageName.get(id) ?? null,
      ...(networks && { networkId: (name: string) => networks.get(name) }),
      busy: (serverId) => this.busy(session.id, serverId),
    };
  }

  async summaries(session: Session, clients: SessionClients, servers: readonly NovaServer[], log: FastifyBaseLogger, options?: ViewOptions): Promise<ServerSummary[]> {
    const ctx = await this.context(session, clients, servers, log, options);
    return servers.map((s) => toServerSummary(s, ctx));
  }

  /**
   * Image names by id from the session's cache; the ids it lacks are named by one Glance list,
   * then a show for each one that list leaves out (a hidden image, or one gone), so that a name
   * is what a show would give. A failed lookup is not kept, and its names are null this once.
   */
  private async imageNames(session: Session, clients: SessionClients, servers: readonly NovaServer[], log: FastifyBaseLogger): Promise<Map<string, string | null>> {
    const ids = [...new Set(servers.flatMap((s) => (s.image === '' ? [] : [s.image.id])))];
    const lookups = this.cache.getMany<string | null>(session.id, 'image', ids, nameTtlMs, (missing) => {
      const listed = clients.glance.imageNames(missing);
      // Images a list leaves out are rare, but a page of deleted ones must not fire 100 shows at once.
      const show = pLimit(4);
      return new Map(missing.map((id) => [id, listed.then((names) => (names.has(id) ? (names.get(id) ?? null) : show(() => clients.glance.imageName(id))))]));
    });
    const names = await Promise.all(
      lookups.map((lookup, i) =>
        lookup.catch((error: unknown) => {
          log.warn({ err: error, imageId: ids[i] }, 'image name unavailable');
          return null;
        }),
      ),
    );
    return new Map(ids.map((id, i) => [id, names[i] ?? null]));
  }

  /**
   * Network ids by name, from `GET /v2.0/networks?fields=id&fields=name` once per session and TTL;
   * undefined when Neutron could not say (the groups then show their names without links). A
   * failed lookup is not kept, so the next request asks again.
   */
  private async networkIds(session: Session, clients: SessionClients, log: FastifyBaseLogger, mode: 'wait' | 'if-known'): Promise<ReadonlyMap<string, string> | undefined> {
    const lookup = this.cache.get(session.id, 'network-ids', networkIdsTtlMs, async () => idsByName(await clients.neutron.networkNames()));
    const found = mode === 'wait' ? lookup : ifSettled(lookup);
    return found.catch((error: unknown) => {
      log.warn({ err: error }, 'network names unavailable');
      return undefined;
    });
  }
}

/**
 * Nova labels an address group with its network's name only. A name that two visible networks
 * share (another project's shared network, or any two for an admin) links to neither: a link to
 * the wrong network is worse than none.
 */
export function idsByName(networks: ReadonlyArray<{ id: string; name: string }>): Map<string, string> {
  const ids = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const { id, name } of networks) {
    if (!name || ambiguous.has(name)) continue;
    if (ids.has(name) && ids.get(name) !== id) {
      ids.delete(name);
      ambiguous.add(name);
    } else {
      ids.set(name, id);
    }
  }
  return ids;
}

const pending = Symbol('pending');

/**
 * The promise's value if it has already settled, else undefined at once. `Promise.race` settles
 * with the first entry whose reaction runs first: an already-settled promise queues its reaction
 * before the marker's, a pending one does not.
 */
async function ifSettled<T>(promise: Promise<T>): Promise<T | undefined> {
  const first = await Promise.race([promise, Promise.resolve(pending)]);
  return first === pending ? undefined : first;
}
