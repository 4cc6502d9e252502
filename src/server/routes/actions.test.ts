import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionResponseSchema, errorBodySchema, type Task, taskEventSchema, taskListSchema } from '../../domain/api';
import { createClock, type VirtualClock } from '../../simulator';
import { armFailure } from '../../simulator/core/compute/actions';
import { replaceFaults } from '../../simulator/faults/model';
import type { Server } from '../../simulator/core/compute/model';
import { projectIds } from '../../simulator/core/seed';
import { csrf, serveComputeInRegion, type Stack, sessionCookieFrom, startStack } from '../testing/stack';

let stack: Stack;
let clock: VirtualClock;
let base: string;
let cookie: string;

async function signIn(username: string): Promise<string> {
  const res = await stack.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username, password: username } });
  return sessionCookieFrom(res.headers['set-cookie']);
}

beforeAll(async () => {
  clock = createClock({ virtual: true });
  stack = await startStack({ STACKDECK_LOGIN_RATE_LIMIT: '1000' }, { clock, seed: { servers: 60, networks: 6, seed: 11 } }, { minMs: 20, maxMs: 60, factor: 1.5 });
  base = await stack.app.listen({ host: '127.0.0.1', port: 0 });
  cookie = await signIn('demo');
});
afterAll(() => stack.close());

/** An idle demo server in the given vm_state, unlocked, launched, on a host. */
function idleServer(vmState: Server['vmState'], taken: Set<string> = used): Server {
  const server = [...stack.simulator.cloud.compute.servers.values()].find(
    (s) => s.projectId === projectIds.demo && s.vmState === vmState && !s.locked && s.taskState === null && s.host && s.launchedAt && !taken.has(s.id),
  );
  if (!server) throw new Error(`no idle ${vmState} server in the seed`);
  taken.add(server.id);
  return server;
}
const used = new Set<string>();

function act(serverId: string, action: string, payload: object = {}, who = cookie) {
  return stack.app.inject({ method: 'POST', url: `/api/servers/${serverId}/actions/${action}`, headers: { ...csrf, cookie: who }, payload });
}

/** Reads the session's task stream over real HTTP (inject cannot stream) until `done` says so. */
async function watch(who: string, until: (task: Task) => boolean, advanceMs = 700): Promise<Task[]> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/tasks/stream`, { headers: { cookie: who }, signal: controller.signal });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const seen: Task[] = [];
  const ticker = setInterval(() => clock.advance(advanceMs), 25);
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    while (reader) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const frames = buffer.split('\n\n');
      buffer = frames.pop() ?? '';
      for (const frame of frames) {
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (!data) continue;
        const event = taskEventSchema.parse(JSON.parse(data.slice(6)));
        seen.push(event.task);
        if (until(event.task)) return seen;
      }
    }
    return seen;
  } finally {
    clearInterval(ticker);
    controller.abort();
  }
}

describe('an action becomes a task', () => {
  it('hard reboot runs to succeeded, its steps in order and its bar never going back', async () => {
    const server = idleServer('active');
    const res = await act(server.id, 'hard-reboot');
    expect(res.statusCode, res.body).toBe(202);
    const { task } = actionResponseSchema.parse(res.json());
    expect(task).toMatchObject({ serverId: server.id, serverName: server.name, action: 'hard-reboot', state: 'running', requestId: expect.stringMatching(/^req-/) });

    const seen = await watch(cookie, (t) => t.id === task.id && t.state !== 'running');
    const mine = seen.filter((t) => t.id === task.id);
    expect(mine.at(-1)).toMatchObject({ state: 'succeeded', progress: 100, finishedAt: expect.any(String) });
    const progress = mine.map((t) => t.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const steps = mine.map((t) => t.step).filter((s, i, all) => all.indexOf(s) === i);
    const order = ['Powering the server off and on', 'Hard reboot pending', 'Hard rebooting', 'Done'];
    expect(steps.filter((s) => order.includes(s))).toEqual(order.filter((s) => steps.includes(s)));
    expect(steps.at(-1)).toBe('Done');

    const list = taskListSchema.parse((await stack.app.inject({ method: 'GET', url: '/api/tasks', headers: { cookie } })).json());
    expect(list.items.find((t) => t.id === task.id)?.state).toBe('succeeded');
  });

  it('carries the rescue password in the 202 only', async () => {
    const server = idleServer('active');
    const res = await act(server.id, 'rescue', { password: 'Rescue-me-1' });
    const body = actionResponseSchema.parse(res.json());
    expect(body.adminPass).toBe('Rescue-me-1');
    expect(res.headers['cache-control']).toBe('no-store');
    const task = await stack.app.inject({ method: 'GET', url: `/api/tasks/${body.task.id}`, headers: { cookie } });
    expect(task.body).not.toContain('Rescue-me-1');
    expect(stack.logs.join('')).not.toContain('Rescue-me-1');
  });

  it('a forced failure ends failed with Nova’s words, and the server stays usable', async () => {
    const server = idleServer('active');
    armFailure(server, 'resize', 'Insufficient compute resources: Free disk 0 GB < requested 40 GB.');
    const flavor = [...stack.simulator.cloud.compute.flavors.values()].find((f) => f.id !== server.flavorId && f.diskGb >= (stack.simulator.cloud.compute.flavors.get(server.flavorId)?.diskGb ?? 0));
    const res = await act(server.id, 'resize', { flavorId: flavor?.id });
    expect(res.statusCode, res.body).toBe(202);
    const { task } = actionResponseSchema.parse(res.json());
    const seen = await watch(cookie, (t) => t.id === task.id && t.state !== 'running');
    expect(seen.at(-1)).toMatchObject({ state: 'failed', message: expect.stringContaining('Insufficient compute resources') });
    const again = await act(server.id, 'hard-reboot');
    expect(again.statusCode).toBe(202);
    // Seen to its end, so no poll of this server is left running into the next test's counts.
    const { task: retry } = actionResponseSchema.parse(again.json());
    await watch(cookie, (t) => t.id === retry.id && t.state !== 'running');
  });

  it.each([
    ['compute', 'stop', {}, 'The compute service (Nova) cannot be reached; still trying.'],
    // Nova's part is done when Glance goes: the tracker waits for the image to become active.
    ['image', 'snapshot', { name: 'outage-snapshot' }, 'The image service (Glance) cannot be reached; still trying.'],
  ] as const)('a task says that it waits for %s through its outage (%s), then goes on to its real end', async (service, action, body, message) => {
    const server = idleServer('active');
    const res = await act(server.id, action, body);
    expect(res.statusCode, res.body).toBe(202);
    const { task } = actionResponseSchema.parse(res.json());
    stack.simulator.faults[service] = { outage: true };
    let waited: Task | undefined;
    try {
      const seen = await watch(cookie, (t) => {
        if (t.id !== task.id) return false;
        if (t.waiting && !waited) {
          waited = t;
          replaceFaults(stack.simulator.faults, {});
        }
        return t.state !== 'running';
      });
      expect(waited).toMatchObject({ state: 'running', waiting: { service, message } });
      const mine = seen.filter((t) => t.id === task.id);
      const after = mine.slice(mine.indexOf(waited as Task) + 1);
      // The first answer after the outage clears the wait, and nothing says it again.
      expect(after.length).toBeGreaterThan(0);
      expect(after.every((t) => t.waiting === undefined)).toBe(true);
      expect(mine.at(-1)?.state).toBe('succeeded');
    } finally {
      replaceFaults(stack.simulator.faults, {});
    }
  });

  it('refuses a second action of the same session while its task runs', async () => {
    const server = idleServer('active');
    expect((await act(server.id, 'reboot')).statusCode).toBe(202);
    const second = await act(server.id, 'hard-reboot');
    expect(second.statusCode).toBe(409);
    expect(errorBodySchema.parse(second.json()).error.message).toBe('Wait until the reboot you started has finished.');
    await watch(cookie, (t) => t.serverId === server.id && t.state !== 'running');
  });
});

describe('watching', () => {
  it('polls a server once per interval however many sessions have tasks on it', async () => {
    const admin = await signIn('admin');
    const server = idleServer('active');
    const journal = stack.simulator.requests;
    const first = actionResponseSchema.parse((await act(server.id, 'hard-reboot')).json()).task;
    // Hard reboot is accepted during another hard reboot (Nova's ALLOW_REBOOT): two tasks, one server.
    const second = actionResponseSchema.parse((await act(server.id, 'hard-reboot', {}, admin)).json()).task;
    journal.clear();
    const pollsBefore = stack.app.tasks.polls;
    await Promise.all([
      watch(cookie, (t) => t.id === first.id && t.state !== 'running', 250),
      watch(admin, (t) => t.id === second.id && t.state !== 'running', 250),
    ]);
    const serverGets = journal.of('compute', new RegExp(`/servers/${server.id}$`)).filter((e) => e.method === 'GET').length;
    expect(stack.app.tasks.polls - pollsBefore).toBeGreaterThan(1);
    expect(serverGets).toBe(stack.app.tasks.polls - pollsBefore);
    await new Promise((r) => setTimeout(r, 100));
    expect(stack.app.tasks.watching).toBe(0);
  });

  it('follows a task in the region it started in after the session moves to another region', async () => {
    const regionTwo = await serveComputeInRegion(stack.simulator, 'RegionTwo');
    try {
      const mine = await signIn('demo');
      const server = idleServer('active');
      const { task } = actionResponseSchema.parse((await act(server.id, 'hard-reboot', {}, mine)).json());
      const switched = await stack.app.inject({ method: 'POST', url: '/api/auth/scope', headers: { ...csrf, cookie: mine }, payload: { region: 'RegionTwo' } });
      expect(switched.statusCode).toBe(200);
      const moved = sessionCookieFrom(switched.headers['set-cookie']);
      stack.simulator.requests.clear();

      const seen = await watch(moved, (t) => t.id === task.id && t.state !== 'running');
      expect(seen.at(-1)).toMatchObject({ id: task.id, state: 'succeeded' });
      const polls = new RegExp(`/servers/${server.id}$`);
      expect(stack.simulator.requests.of('compute', polls).length).toBeGreaterThan(0);
      expect(regionTwo.received.filter((r) => polls.test(r))).toEqual([]);
    } finally {
      await regionTwo.close();
    }
  });
});

describe('Nova’s answers carried through', () => {
  it('a 403 for a reader', async () => {
    const reader = await signIn('reader');
    const server = idleServer('active');
    const denied = await act(server.id, 'reboot', {}, reader);
    expect(denied.statusCode).toBe(403);
    expect(errorBodySchema.parse(denied.json()).error.code).toBe('server.forbidden');
  });
});
