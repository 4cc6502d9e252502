import { beforeEach, describe, expect, it } from 'vitest';
import { actionResponseSchema, errorBodySchema, flavorListSchema, imageListSchema, limitsSchema, serverDetailSchema, taskEventSchema, taskListSchema, type TaskEvent } from '../../domain/api';
import { createClock } from '../core/clock';
import { createCloud } from '../core/cloud';
import type { Server } from '../core/compute/model';
import { projectIds } from '../core/seed';
import { base, csrf, listeningServer, signedInBff } from '../testing/msw-bff';
import type { BffHandlers } from './bff-handlers';

const clock = createClock({ virtual: true });
const server = listeningServer();
let bff: BffHandlers;

beforeEach(async () => {
  bff = await signedInBff(server, createCloud({ clock }));
});

function demo(predicate: (s: Server) => boolean): Server {
  const found = [...bff.cloud.compute.servers.values()].find((s) => s.projectId === projectIds.demo && s.deletedAt === null && predicate(s));
  if (!found) throw new Error('no such demo server');
  return found;
}

function act(id: string, action: string, body: unknown = {}) {
  return fetch(`${base}/api/servers/${id}/actions/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', ...csrf }, body: JSON.stringify(body) });
}

/** Reads `event: task` frames off the stream as they come. */
async function openStream() {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/tasks/stream`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<TaskEvent> {
      for (;;) {
        const frames = buffer.split('\n\n');
        while (frames.length > 1) {
          const frame = frames.shift() as string;
          buffer = frames.join('\n\n');
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (frame.includes('event: task') && data) return taskEventSchema.parse(JSON.parse(data.slice(6)));
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => controller.abort(),
  };
}

describe('the simulated BFF’s actions and tasks', () => {
  it('runs a reboot as a task to its end, with the row on the stream and the actions disabled meanwhile', async () => {
    const target = demo((s) => s.vmState === 'active' && !s.locked);
    const stream = await openStream();
    const response = await act(target.id, 'reboot');
    expect(response.status).toBe(202);
    const { task, adminPass } = actionResponseSchema.parse(await response.json());
    expect(adminPass).toBeUndefined();
    expect(task).toMatchObject({ serverId: target.id, serverName: target.name, action: 'reboot', state: 'running', progress: 0 });
    expect((await stream.next()).task.id).toBe(task.id);

    const detail = serverDetailSchema.parse(await (await fetch(`${base}/api/servers/${target.id}`)).json());
    expect(detail.status).toBe('REBOOT');
    expect(detail.actions.find((a) => a.id === 'stop')).toEqual({ id: 'stop', enabled: false, reason: 'Wait until the reboot you started has finished.' });
    const again = await act(target.id, 'stop');
    expect(again.status).toBe(409);
    expect(errorBodySchema.parse(await again.json()).error.message).toBe('Wait until the reboot you started has finished.');

    clock.advance(10_000);
    bff.tasks.tick();
    const done = await stream.next();
    expect(done.task).toMatchObject({ id: task.id, state: 'succeeded', progress: 100 });
    expect(done.server).toMatchObject({ id: target.id, status: 'ACTIVE' });
    expect(done.server?.actions.find((a) => a.id === 'stop')?.enabled).toBe(true);
    expect(taskListSchema.parse(await (await fetch(`${base}/api/tasks`)).json()).items.map((t) => t.state)).toEqual(['succeeded']);
    expect(bff.tasks.posts.map((p) => [p.action, p.status])).toEqual([['reboot', 202], ['stop', 409]]);
    stream.close();
  });

  it('answers Nova’s 409 in the BFF’s words with Nova’s own text', async () => {
    const stopped = demo((s) => s.vmState === 'stopped' && !s.locked);
    const response = await act(stopped.id, 'reboot');
    expect(response.status).toBe(409);
    const { error } = errorBodySchema.parse(await response.json());
    expect(error.code).toBe('server.conflict');
    expect(error.message).toBe('The server changed state before Nova could do this.');
    expect(error.detail).toMatch(/Cannot 'reboot' instance .* while it is in vm_state stopped/);
  });

  it('hands back the rescue password once, and fails a task as Nova’s events say', async () => {
    const target = demo((s) => s.vmState === 'active' && !s.locked);
    const rescued = actionResponseSchema.parse(await (await act(target.id, 'rescue', {})).json());
    expect(rescued.adminPass).toMatch(/\S{8,}/);
    expect(JSON.stringify(bff.tasks.list())).not.toContain(rescued.adminPass);

    const other = demo((s) => s.vmState === 'active' && !s.locked && s.id !== target.id);
    other.metadata['simulator:fail'] = 'stop';
    other.metadata['simulator:fail-message'] = 'The guest did not shut down';
    await act(other.id, 'stop');
    clock.advance(30_000);
    bff.tasks.tick();
    const failed = bff.tasks.list().find((t) => t.serverId === other.id);
    expect(failed).toMatchObject({ state: 'failed', message: 'The guest did not shut down' });
  });

  it('lists what the dialogs offer: public flavors, active images and the quota headroom', async () => {
    const flavors = flavorListSchema.parse(await (await fetch(`${base}/api/flavors`)).json()).items;
    expect(flavors.map((f) => f.name)).toContain('m1.small');
    const images = imageListSchema.parse(await (await fetch(`${base}/api/images`)).json()).items;
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((i) => i.status === 'active')).toBe(true);
    const limits = limitsSchema.parse(await (await fetch(`${base}/api/limits`)).json());
    expect(limits.cores.max).toBeGreaterThan(limits.cores.used);
  });
});
