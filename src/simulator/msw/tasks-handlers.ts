import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  actionBodySchema,
  actionIdSchema,
  actionResponseSchema,
  apiPaths,
  csrfHeader,
  flavorListSchema,
  imageListSchema,
  limitsSchema,
  taskEventSchema,
  taskListSchema,
  taskSchema,
  type ActionResponse,
  type ErrorBody,
  type Task,
  type TaskEvent,
} from '../../domain/api';
import { busyReason, failedEvent, novaActionBody, observeTask, stepLabel, taskSteps, toServerSummary, type ActionId } from '../../domain/compute';
import type { SimulatedCloud } from '../core/cloud';
import { ComputeError, readActionRequest, type ActionResult } from '../core/compute/actions';
import { projectUsage } from '../core/compute/actions/quota';
import { settle } from '../core/compute/model';
import type { KeystoneToken } from '../core/identity/wire';
import { listsImage } from '../core/image/access';
import { settleImages } from '../core/image/model';
import { findServer, novaAction, readServers, type SessionCheck } from './servers-handlers';
import { errorResponse, respond } from './responses';

export interface TaskHandlerOptions {
  cloud: SimulatedCloud;
  session: SessionCheck;
  /** The signed-in session's key: tasks belong to the session that started them. */
  sessionKey: () => string | undefined;
}

/** One action request the simulated BFF answered, for tests that count calls. */
export interface PostedAction {
  serverId: string;
  action: string;
  body: unknown;
  status: number;
}

export interface SimulatedTasks {
  handlers: HttpHandler[];
  /**
   * One poll of the BFF's tracker: every running task looks at its server once (on the cloud's
   * clock) and each change goes out on the open event streams with the server's new row. Tests
   * call it after moving the clock; nothing polls by itself.
   */
  tick(): void;
  /** This session's tasks, running first, then the newest. */
  list(): Task[];
  /** The task this session runs on a server. */
  running(serverId: string): { action: ActionId } | undefined;
  /** Every action POST, in order, with the status it got. */
  posts: PostedAction[];
  /** Event streams open now. */
  streams(): number;
  /** Sends an event on every open stream, as the BFF's tracker would (for tests that shape one). */
  push(event: TaskEvent): void;
}

interface Tracked {
  task: Task;
  sessionKey: string;
  /** The token that started it: its roles decide how the server's row reads. */
  token: KeystoneToken;
  imageId?: string;
}

const encoder = new TextEncoder();
const serverIdPattern = /^[0-9a-fA-F-]{32,36}$/;

/**
 * The BFF's action, task and dialog-option routes for the SPA's component tests, over the
 * simulator's core: an action runs Nova's own guards and task sequence (`serverActions`), its task
 * follows the server as the BFF's tracker does (`observeTask`, the failed-event check), and the
 * event stream carries each change with the server's new row.
 */
export function createTaskHandlers({ cloud, session, sessionKey }: TaskHandlerOptions): SimulatedTasks {
  const tasks = new Map<string, Tracked>();
  const clients = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const posts: PostedAction[] = [];

  const running = (key: string | undefined, serverId: string) => {
    if (!key) return undefined;
    for (const t of tasks.values()) {
      if (t.sessionKey === key && t.task.serverId === serverId && t.task.state === 'running') return { action: t.task.action };
    }
    return undefined;
  };
  const mine = () => {
    const key = sessionKey();
    return [...tasks.values()]
      .filter((t) => t.sessionKey === key)
      .map((t) => t.task)
      .sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running') || b.startedAt.localeCompare(a.startedAt));
  };

  function push(event: TaskEvent): void {
    const frame = encoder.encode(`event: task\ndata: ${JSON.stringify(taskEventSchema.parse(event))}\n\n`);
    for (const client of clients) {
      try {
        client.enqueue(frame);
      } catch {
        clients.delete(client);
      }
    }
  }

  function tick(): void {
    const now = cloud.clock.now();
    settle(cloud.compute, now);
    settleImages(cloud.images, now);
    for (const tracked of tasks.values()) {
      if (tracked.task.state !== 'running') continue;
      const { task } = tracked;
      const reader = readServers(cloud, tracked.token, (id) => running(tracked.sessionKey, id));
      const found = cloud.compute.servers.get(task.serverId);
      const server = found && found.deletedAt === null ? found : undefined;
      const wire = server ? reader.nova(server) : 'gone';
      const imageStatus = task.action === 'snapshot' && tracked.imageId ? (cloud.images.images.get(tracked.imageId)?.status ?? 'deleted') : undefined;
      let next = observeTask(task.action, { server: wire, imageStatus }, task.progress);
      if (next.state === 'succeeded' && server && task.requestId) {
        const record = cloud.compute.actions.get(server.id)?.find((a) => a.requestId === task.requestId);
        const failure = failedEvent(record && novaAction(record, reader.isAdmin));
        if (failure) next = { state: 'failed', step: 'Failed', progress: next.progress, message: server.fault?.message ?? failure };
      }
      if (next.state === task.state && next.step === task.step && next.progress === task.progress) continue;
      tracked.task = {
        ...task,
        state: next.state,
        step: next.step,
        progress: next.progress,
        ...(next.state !== 'running' && { finishedAt: new Date(now).toISOString() }),
        ...(next.message && { message: next.message }),
      };
      push({ task: tracked.task, ...(server && { server: toServerSummary(reader.nova(server), reader.ctx) }) });
    }
  }

  const handlers: HttpHandler[] = [
    http.post(`*${apiPaths.servers}/:id/actions/:action`, async ({ request, params }) => {
      const serverId = String(params.id);
      const record = (status: number, body: unknown) => posts.push({ serverId, action: String(params.action), body, status });
      if (request.headers.get(csrfHeader.name) !== csrfHeader.value) {
        record(403, undefined);
        return errorResponse(403, { code: 'auth.csrf', message: 'The request was refused: it did not come from the Stackdeck app.' });
      }
      const check = session();
      if ('refusal' in check) return check.refusal;
      const body: unknown = await request.json().catch(() => undefined);
      const answer = (status: number, error: ErrorBody['error']) => {
        record(status, body);
        return errorResponse(status, error);
      };
      if (!serverIdPattern.test(serverId)) return answer(404, { code: 'server.not_found', message: 'This server does not exist.' });
      const action = actionIdSchema.safeParse(params.action);
      if (!action.success) return answer(404, { code: 'not_found', message: `There is no action “${String(params.action)}”.` });
      if (body === undefined) return answer(400, { code: 'request.malformed', message: 'The request body is not valid JSON.' });
      const input = actionBodySchema(action.data).safeParse(body);
      if (!input.success) return answer(400, { code: 'request.invalid', message: 'Some of the values sent are not valid.' });

      const key = sessionKey() ?? '';
      const busy = running(key, serverId);
      if (busy) {
        return answer(409, { code: 'server.conflict', message: busyReason(busy.action) });
      }
      const reader = readServers(cloud, check.token);
      const server = findServer(cloud, serverId);
      if (!reader.owned(server) || server.deletedAt !== null) return answer(404, { code: 'server.not_found', message: 'This server no longer exists.' });

      const requestId = `req-${crypto.randomUUID()}`;
      const roles = (check.token.roles ?? []).map((r) => r.name);
      let result: ActionResult;
      try {
        const nova = readActionRequest(JSON.stringify(novaActionBody(action.data, input.data, () => true)), { atLeast: () => true });
        result = nova.action.run(
          {
            cloud,
            caller: { userId: check.token.user.id, projectId: check.token.project?.id ?? '', isAdmin: reader.isAdmin, roles },
            requestId,
            now: cloud.clock.now(),
            microversion: { atLeast: () => true },
          },
          server,
          nova.value,
        );
      } catch (error) {
        if (!(error instanceof ComputeError)) throw error;
        const { status, message: detail } = error;
        return answer(status, { ...novaError(status, detail), detail, requestId });
      }

      const first = taskSteps(action.data)[0];
      const task: Task = {
        id: crypto.randomUUID(),
        serverId: server.id,
        serverName: server.name,
        action: action.data,
        requestId,
        state: 'running',
        step: first ? stepLabel(first) : 'Sent to Nova',
        progress: 0,
        startedAt: new Date(cloud.clock.now()).toISOString(),
      };
      tasks.set(task.id, { task, sessionKey: key, token: check.token, ...(result.kind === 'image' && { imageId: result.imageId }) });
      push({ task });
      record(202, body);
      const adminPass = result.kind === 'password' || result.kind === 'rebuilt' ? result.adminPass : undefined;
      const response: ActionResponse = { task, ...(adminPass && { adminPass }) };
      return HttpResponse.json(actionResponseSchema.parse(response), { status: 202, headers: { 'cache-control': 'no-store' } });
    }),

    http.get(`*${apiPaths.taskStream}`, ({ request }) => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          controller = c;
          clients.add(c);
          c.enqueue(encoder.encode('retry: 3000\n\n'));
        },
        cancel() {
          if (controller) clients.delete(controller);
        },
      });
      request.signal.addEventListener('abort', () => {
        if (!controller) return;
        clients.delete(controller);
        try {
          controller.close();
        } catch {
          // Already closed.
        }
      });
      return new HttpResponse(stream, { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' } });
    }),

    http.get(`*${apiPaths.tasks}`, () => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      return respond(taskListSchema, { items: mine() });
    }),

    http.get(`*${apiPaths.tasks}/:id`, ({ params }) => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      const found = tasks.get(String(params.id));
      if (!found || found.sessionKey !== sessionKey()) return errorResponse(404, { code: 'not_found', message: 'This task does not exist in your session.' });
      return respond(taskSchema, found.task);
    }),

    http.get(`*${apiPaths.flavors}`, () => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      const items = [...cloud.compute.flavors.values()]
        .filter((f) => f.isPublic && !f.disabled)
        .map((f) => ({ id: f.id, name: f.name, vcpus: f.vcpus, ramMb: f.ramMb, diskGb: f.diskGb }))
        .sort((a, b) => a.vcpus - b.vcpus || a.ramMb - b.ramMb || a.name.localeCompare(b.name));
      return respond(flavorListSchema, { items });
    }),

    http.get(`*${apiPaths.images}`, () => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      const { isAdmin } = readServers(cloud, check.token);
      const viewer = { projectId: check.token.project?.id ?? '', isAdmin };
      const items = [...cloud.images.images.values()]
        .filter((i) => i.status === 'active' && listsImage(viewer, i, { memberStatuses: ['accepted'], visibility: undefined }))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((i) => ({ id: i.id, name: i.name || i.id, status: i.status, minDiskGb: i.minDiskGb, visibility: i.visibility }));
      return respond(imageListSchema, { items });
    }),

    http.get(`*${apiPaths.limits}`, () => {
      const check = session();
      if ('refusal' in check) return check.refusal;
      settle(cloud.compute, cloud.clock.now());
      const projectId = check.token.project?.id ?? '';
      const { quota } = cloud.compute;
      const usage = projectUsage(cloud.compute, projectId);
      const instances = [...cloud.compute.servers.values()].filter((s) => s.projectId === projectId && s.deletedAt === null).length;
      return respond(limitsSchema, {
        cores: { used: usage.cores, max: quota.cores },
        ramMb: { used: usage.ram, max: quota.ramMb },
        instances: { used: instances, max: quota.instances },
      });
    }),
  ];

  return {
    handlers,
    tick,
    list: mine,
    running: (serverId) => running(sessionKey(), serverId),
    posts,
    streams: () => clients.size,
    push,
  };
}


/** The BFF's wording of Nova's refusals; Nova's own text goes in `detail`. */
function novaError(status: 400 | 403 | 404 | 409, detail: string): Pick<ErrorBody['error'], 'code' | 'message'> {
  switch (status) {
    case 400:
      return { code: 'server.invalid', message: `Nova did not accept the request: ${detail}` };
    case 403:
      return { code: 'server.forbidden', message: 'You are not allowed to do this on this cloud.' };
    case 404:
      return { code: 'server.not_found', message: 'This server no longer exists.' };
    case 409:
      return { code: 'server.conflict', message: 'The server changed state before Nova could do this.' };
  }
}

