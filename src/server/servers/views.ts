import type { FastifyBaseLogger } from 'fastify';
import pLimit from 'p-limit';
import type { ServerSummary } from '../../domain/api';
import { type ActionId, type NovaServer, toServerSummary, type ViewContext } from '../../domain/compute';
import type { SessionClients } from '../openstack/clients';
import type { SessionCache } from '../sessions/cache';
import type { Session } from '../sessions/store';

const nameTtlMs = 10 * 60_000;

/**
 * Turns Nova's servers into the session's view models: names Nova does not embed come from small
 * per-session caches (flavors only before microversion 2.47, image names one id at a time, best
 * effort), and a task of the session on a server disables its actions.
 */
export class ServerViews {
  constructor(
    private readonly cache: SessionCache,
    private readonly busy: (sessionId: string, serverId: string) => { action: ActionId } | undefined,
  ) {}

  async context(session: Session, clients: SessionClients, servers: readonly NovaServer[], log: FastifyBaseLogger): Promise<ViewContext> {
    const needsFlavors = servers.some((s) => !('original_name' in s.flavor));
    const flavors = needsFlavors ? await this.cache.get(session.id, 'flavors', nameTtlMs, () => clients.nova.flavors()) : [];
    const imageIds = [...new Set(servers.flatMap((s) => (s.image === '' ? [] : [s.image.id])))];
    const lookup = pLimit(4);
    const names = new Map(
      await Promise.all(
        imageIds.map((id) =>
          lookup(async () => {
            const name = await this.cache
              .get(session.id, `image:${id}`, nameTtlMs, () => clients.glance.imageName(id))
              .catch((error: unknown) => {
                log.warn({ err: error, imageId: id }, 'image name unavailable');
                return null;
              });
            return [id, name] as const;
          }),
        ),
      ),
    );
    return {
      viewer: clients.viewer,
      flavor: (id) => flavors.find((f) => f.id === id),
      imageName: (id) => names.get(id) ?? null,
      busy: (serverId) => this.busy(session.id, serverId),
    };
  }

  async summaries(session: Session, clients: SessionClients, servers: readonly NovaServer[], log: FastifyBaseLogger): Promise<ServerSummary[]> {
    const ctx = await this.context(session, clients, servers, log);
    return servers.map((s) => toServerSummary(s, ctx));
  }
}
