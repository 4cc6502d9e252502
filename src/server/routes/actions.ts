import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type ActionResponse, actionBodySchema, actionIdSchema, actionResponseSchema, apiPaths } from '../../domain/api';
import { busyReason } from '../../domain/compute';
import type { CloudRegistry } from '../clouds';
import { AppError } from '../errors';
import { clientsFor } from '../openstack/clients';
import { requireSession } from '../plugins/session';
import type { TaskTracker } from '../tasks/tracker';
import { parseInput } from '../validation';

const params = z.object({ id: z.string().regex(/^[0-9a-fA-F-]{32,36}$/), action: z.string() });

/**
 * `POST /api/servers/:id/actions/:action`: one Nova call, one task. Nova stays the judge of what
 * is allowed; its 409/403/400 come back in words with Nova's own text as the detail.
 */
export async function actionRoutes(app: FastifyInstance, { clouds, tracker }: { clouds: CloudRegistry; tracker: TaskTracker }): Promise<void> {
  app.post(`${apiPaths.servers}/:id/actions/:action`, { preHandler: requireSession }, async (request, reply) => {
    const parsedParams = params.safeParse(request.params);
    if (!parsedParams.success) throw new AppError(404, 'server.not_found', 'This server does not exist.');
    const action = actionIdSchema.safeParse(parsedParams.data.action);
    if (!action.success) throw new AppError(404, 'not_found', `There is no action “${parsedParams.data.action}”.`);
    const id = parsedParams.data.id;
    const input = parseInput(actionBodySchema(action.data), request.body);

    const busy = tracker.running(request.session.id, id);
    if (busy) {
      throw new AppError(409, 'server.conflict', busyReason(busy.action));
    }
    const { nova } = clientsFor(clouds, request);
    const server = await nova.getServer(id);
    const result = await nova.serverAction(id, action.data, input);
    const task = tracker.start(request.session, {
      serverId: id,
      serverName: server.name,
      action: action.data,
      requestId: result.requestId,
      imageId: result.imageId,
    });
    request.log.info({ serverId: id, action: action.data, requestId: result.requestId, taskId: task.id }, 'action accepted');
    // The password is in this answer only: never logged, never kept in the task.
    const body: ActionResponse = { task, ...(result.adminPass && { adminPass: result.adminPass }) };
    return reply.status(202).header('cache-control', 'no-store').send(actionResponseSchema.parse(body));
  });
}
