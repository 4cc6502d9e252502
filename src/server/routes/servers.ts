import type { FastifyInstance } from 'fastify';
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
  type ServerList,
} from '../../domain/api';
import { toServerDetail } from '../../domain/compute';
import type { CloudRegistry } from '../clouds';
import { AppError } from '../errors';
import { clientsFor } from '../openstack/clients';
import { requireSession } from '../plugins/session';
import { listServers } from '../servers/list';
import type { ServerViews } from '../servers/views';
import { parseInput } from '../validation';

/** How many of the newest instance actions the detail shows with their events. */
const actionLogLength = 20;
const serverId = z.object({ id: z.string().regex(/^[0-9a-fA-F-]{32,36}$/) });

export interface ServerRoutesOptions {
  clouds: CloudRegistry;
  views: ServerViews;
}

export async function serverRoutes(app: FastifyInstance, { clouds, views }: ServerRoutesOptions): Promise<void> {
  app.get(apiPaths.servers, { preHandler: requireSession }, async (request) => {
    const query = parseInput(listServersQuerySchema, request.query);
    const clients = clientsFor(clouds, request);
    const page = await listServers(clients.nova, query);
    // Typed by the contract and parsed by the SPA; not parsed again here, on the hot path. The
    // rows show no network links, so the first page does not wait for Neutron's network names.
    const body: ServerList = {
      items: await views.summaries(request.session, clients, page.servers, request.log, { networkLinks: 'if-known' }),
      next: page.next,
      ...(page.partial && { partial: true }),
    };
    return body;
  });

  // The list polls for changes by itself: that is no sign of a user at the keyboard.
  app.get(apiPaths.serverChanges, { preHandler: requireSession, config: { activity: false } }, async (request) => {
    const { since } = parseInput(serverChangesQuerySchema, request.query);
    const clients = clientsFor(clouds, request);
    const asOf = new Date().toISOString();
    const page = await clients.nova.listServers({ 'changes-since': since, limit: '200' });
    return serverChangesSchema.parse({ items: await views.summaries(request.session, clients, page.servers, request.log), asOf });
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
    const ctx = await views.context(request.session, clients, [server], request.log);
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
