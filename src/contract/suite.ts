// What every contract test file starts from: the target cloud, a BFF for it, a signed-in session
// and a direct client for fixtures.
import { expect } from 'vitest';
import { apiPaths, type Task, taskSchema } from '../domain/api';
import { csrf, sessionCookieFrom, startBff, type TestBff } from '../server/testing/stack';
import type { SimulatorOptions } from '../simulator';
import { type CloudClient, connect, openTestCloud, type TestCloud } from './target';

export interface Suite {
  target: TestCloud;
  bff: TestBff;
  client: CloudClient;
  cookie: string;
  get(url: string, query?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  post(url: string, payload?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** Task polling fast enough that a test waits seconds, not the product's 1 s backing off to 10 s. */
const testPollTiming = { minMs: 200, maxMs: 1000, factor: 1.5 };

export async function openSuite(simulatorOptions: SimulatorOptions = {}): Promise<Suite> {
  const target = await openTestCloud(simulatorOptions);
  const bff = await startBff(target.cloud, { STACKDECK_LOGIN_RATE_LIMIT: '1000', NOVA_POLICY: target.cloud.novaPolicy }, testPollTiming);
  const { username, password, domain, project } = target.credentials;
  const login = await bff.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username, password, domain, project } });
  if (login.statusCode !== 200) throw new Error(`signing in to ${target.label} failed: ${login.statusCode} ${login.body}`);
  const cookie = sessionCookieFrom(login.headers['set-cookie']);
  const client = await connect(target.cloud, target.credentials);
  const reply = (res: { statusCode: number; body: string }) => ({ status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined });
  return {
    target,
    bff,
    client,
    cookie,
    get: async (url, query) => reply(await bff.app.inject({ method: 'GET', url, ...(query && { query }), headers: { cookie } })),
    post: async (url, payload = {}) => reply(await bff.app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie, ...csrf } })),
    close: async () => {
      await bff.app.close();
      await target.close();
    },
  };
}

/** Waits for the BFF's task to end, reading it as the SPA's task list does. */
export async function taskOutcome(suite: Suite, task: Task, timeoutMs = 120_000): Promise<Task> {
  const deadline = Date.now() + timeoutMs;
  let current = task;
  while (current.state === 'running') {
    if (Date.now() > deadline) throw new Error(`task ${task.action} on ${task.serverName} still running at "${current.step}"`);
    await new Promise((r) => setTimeout(r, 250));
    const res = await suite.get(apiPaths.task(task.id));
    expect(res.status).toBe(200);
    current = taskSchema.parse(res.body);
  }
  return current;
}
