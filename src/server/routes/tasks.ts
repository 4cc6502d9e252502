import type { FastifyInstance } from 'fastify';
import { apiPaths, type TaskEvent, taskListSchema, taskSchema } from '../../domain/api';
import type { CloudRegistry } from '../clouds';
import { AppError } from '../errors';
import { clientsFor } from '../openstack/clients';
import { requireSession } from '../plugins/session';
import type { ServerViews } from '../servers/views';
import type { TaskTracker } from '../tasks/tracker';

/** A comment line now and then keeps proxies from closing a quiet stream, and notices a dead session. */
const keepAliveMs = 15_000;

/**
 * Open streams a session may hold: a browser shares one among its tabs (BroadcastChannel), and a
 * reload may open the next before the last has closed. An address may hold a few browsers' worth
 * (people behind one NAT). Each stream holds a socket and a subscription; 300 of them from one
 * session was an attack test's find.
 */
export const streamLimits = { perSession: 4, perAddress: 40 } as const;

export interface TaskRoutesOptions {
  clouds: CloudRegistry;
  tracker: TaskTracker;
  views: ServerViews;
}

export async function taskRoutes(app: FastifyInstance, { clouds, tracker, views }: TaskRoutesOptions): Promise<void> {
  const streams = new Set<() => void>();
  const perSession = new Map<string, number>();
  const perAddress = new Map<string, number>();
  const count = (counts: Map<string, number>, key: string, by: 1 | -1): void => {
    const next = (counts.get(key) ?? 0) + by;
    if (next > 0) counts.set(key, next);
    else counts.delete(key);
  };
  // Fastify's close() waits for open responses: end the streams so a shutdown is not held up.
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });

  app.get(apiPaths.tasks, { preHandler: requireSession }, async (request) => taskListSchema.parse({ items: tracker.list(request.session.id) }));

  // A page holds the stream open by itself: that keeps no session from ending idle.
  // No HEAD: the stream's answer is hijacked, and Node writes nothing of a HEAD answer before its
  // end, so a HEAD would wait forever and hold one of the session's stream slots.
  app.get(apiPaths.taskStream, { preHandler: requireSession, config: { activity: false }, exposeHeadRoute: false }, async (request, reply) => {
    const { session, ip } = request;
    if ((perSession.get(session.id) ?? 0) >= streamLimits.perSession || (perAddress.get(ip) ?? 0) >= streamLimits.perAddress) {
      throw new AppError(
        429,
        'tasks.too_many_streams',
        'Too many task streams are open: close some Stackdeck tabs or windows, or wait a few seconds, and reload.',
        { params: { retryAfter: 5 } },
      );
    }
    const clients = clientsFor(clouds, request);
    count(perSession, session.id, 1);
    count(perAddress, ip, 1);
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
      'x-content-type-options': 'nosniff',
    });
    raw.write('retry: 3000\n\n');

    const send = async (payload: Parameters<Parameters<TaskTracker['subscribe']>[1]>[0]): Promise<void> => {
      const event: TaskEvent = { task: payload.task };
      if (payload.server) {
        try {
          [event.server] = await views.summaries(session, clients, [payload.server], request.log);
        } catch (error) {
          request.log.warn({ err: error }, 'server view for the task stream failed');
        }
      }
      raw.write(`event: task\ndata: ${JSON.stringify(event)}\n\n`);
    };
    const unsubscribe = tracker.subscribe(session.id, (payload) => void send(payload));
    const keepAlive = setInterval(() => {
      void app.sessions.resume(session.id, { activity: false }).then((alive) => (alive ? raw.write(': keep-alive\n\n') : end()));
    }, keepAliveMs);
    const end = (): void => {
      if (!streams.has(end)) return;
      count(perSession, session.id, -1);
      count(perAddress, ip, -1);
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(end);
      if (!raw.writableEnded) raw.end();
    };
    streams.add(end);
    request.raw.on('close', end);
  });

  app.get(`${apiPaths.tasks}/:id`, { preHandler: requireSession }, async (request) => {
    const { id } = request.params as { id: string };
    const task = tracker.get(request.session.id, id);
    if (!task) throw new AppError(404, 'not_found', 'This task does not exist in your session.');
    return taskSchema.parse(task);
  });
}
