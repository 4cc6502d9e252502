import type { FastifyInstance, FastifyRequest } from 'fastify';
import pLimit from 'p-limit';
import { z } from 'zod';
import {
  apiPaths,
  consoleOutputSchema,
  consoleQuerySchema,
  listServersQuerySchema,
  serverChangesQuerySchema,
  serverChangesSchema,
  serverDetailSchema,
  serverListSchema,
} from '../../domain/api';
import { type NovaServer, toServerDetail, toServerSummary, type ViewContext } from '../../domain/compute';
import type { CloudRegistry } from '../clouds';
import { AppError } from '../errors';
import { clientsFor, type SessionClients } from '../openstack/clients';
import { requireSession } from '../plugins/session';
import { listServers } from '../servers/list';
import type { SessionCache } from '../sessions/cache';
import { parseInput } from '../validation';

const nameTtlMs = 10 * 60_000;
/** How many of the newest instance actions the detail shows with their events. */
const actionLogLength = 20;
const serverId = z.object({ id: z.string().regex(/^[0-9a-fA-F-]{32,36}$/) });

export interface ServerRoutesOptions {
  clouds: CloudRegistry;
  cache: SessionCache;
}

export async function serverRoutes(app: FastifyInstance, { clouds, cache }: ServerRoutesOptions): Promise<void> {
  /**
   * Names Nova does not embed, from small per-session caches: flavors only before microversion
   * 2.47 (after it, the server carries its flavor), image names one id at a time, best effort.
   */
  async function viewContext(request: FastifyRequest, clients: SessionClients, servers: NovaServer[]): Promise<ViewContext> {
    const sessionId = request.session.id;
    const needsFlavors = servers.some((s) => !('original_name' in s.flavor));
    const flavors = needsFlavors ? await cache.get(sessionId, 'flavors', nameTtlMs, () => clients.nova.flavors()) : [];
    const imageIds = [...new Set(servers.flatMap((s) => (s.image === '' ? [] : [s.image.id])))];
    const lookup = pLimit(4);
    const names = new Map(
      await Promise.all(
        imageIds.map((id) =>
          lookup(async () => {
            const name = await cache
              .get(sessionId, `image:${id}`, nameTtlMs, () => clients.glance.imageName(id))
              .catch((error: unknown) => {
                request.log.warn({ err: error, imageId: id }, 'image name unavailable');
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
    };
  }

  app.get(apiPaths.servers, { preHandler: requireSession }, async (request) => {
    const query = parseInput(listServersQuerySchema, request.query);
    const clients = clientsFor(clouds, request);
    const page = await listServers(clients.nova, query);
    const ctx = await viewContext(request, clients, page.servers);
    return serverListSchema.parse({
      items: page.servers.map((s) => toServerSummary(s, ctx)),
      next: page.next,
      ...(page.partial && { partial: true }),
    });
  });

  app.get(apiPaths.serverChanges, { preHandler: requireSession }, async (request) => {
    const { since } = parseInput(serverChangesQuerySchema, request.query);
    const clients = clientsFor(clouds, request);
    const asOf = new Date().toISOString();
    const page = await clients.nova.listServers({ 'changes-since': since, limit: '200' });
    const ctx = await viewContext(request, clients, page.servers);
    return serverChangesSchema.parse({ items: page.servers.map((s) => toServerSummary(s, ctx)), asOf });
  });

  app.get(`${apiPaths.servers}/:id/console`, { preHandler: requireSession }, async (request) => {
    const { id } = parseNotFound(request.params);
    const { lines } = parseInput(consoleQuerySchema, request.query);
    return consoleOutputSchema.parse({ output: await clientsFor(clouds, request).nova.consoleOutput(id, lines) });
  });

  app.get(`${apiPaths.servers}/:id`, { preHandler: requireSession }, async (request) => {
    const { id } = parseNotFound(request.params);
    const clients = clientsFor(clouds, request);
    const [server, actions] = await Promise.all([clients.nova.getServer(id), clients.nova.instanceActions(id, actionLogLength)]);
    const ctx = await viewContext(request, clients, [server]);
    // Events come one action at a time in Nova's API; fetch them a few at a time.
    const withEvents = pLimit(4);
    const log = actions
      ? await Promise.all(actions.map((a) => withEvents(async () => (await clients.nova.instanceAction(id, a.request_id)) ?? a)))
      : null;
    return serverDetailSchema.parse(toServerDetail(server, ctx, log));
  });
}

/** An id that cannot be a server is a 404 in words, and never reaches Nova. */
function parseNotFound(params: unknown): { id: string } {
  const parsed = serverId.safeParse(params);
  if (!parsed.success) throw new AppError(404, 'server.not_found', 'This server does not exist.');
  return parsed.data;
}
