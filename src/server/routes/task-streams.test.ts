import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../domain/api';
import { csrf, type Stack, sessionCookieFrom, startStack } from '../testing/stack';
import { streamLimits } from './tasks';

/** An attack test held 300 task streams open from one session; a browser needs one for all its tabs. */

let stack: Stack;
let base: string;
const open: AbortController[] = [];
beforeAll(async () => {
  stack = await startStack({ STACKDECK_LOGIN_RATE_LIMIT: '1000' }, { seed: { servers: 5, networks: 2 } });
  base = await stack.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  for (const controller of open) controller.abort();
  await stack.close();
});

async function signIn(): Promise<string> {
  const res = await stack.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username: 'demo', password: 'demo' } });
  return sessionCookieFrom(res.headers['set-cookie']);
}

/** Opens a stream and returns its response, kept open until `close` (or the test's end). */
async function stream(cookie: string): Promise<{ status: number; body: () => Promise<unknown>; close: () => void }> {
  const controller = new AbortController();
  open.push(controller);
  const res = await fetch(`${base}/api/tasks/stream`, { headers: { cookie }, signal: controller.signal });
  return { status: res.status, body: () => res.json(), close: () => controller.abort() };
}

describe('task streams', () => {
  it(`allows ${streamLimits.perSession} per session and refuses the next in words, until one closes`, async () => {
    const cookie = await signIn();
    const streams = [];
    for (let i = 0; i < streamLimits.perSession; i++) streams.push(await stream(cookie));
    expect(streams.map((s) => s.status)).toEqual(Array(streamLimits.perSession).fill(200));

    const refused = await stream(cookie);
    expect(refused.status).toBe(429);
    expect(errorBodySchema.parse(await refused.body()).error).toMatchObject({ code: 'tasks.too_many_streams', params: { retryAfter: 5 } });

    streams[0]?.close();
    await expect.poll(async () => (await stream(cookie)).status).toBe(200);
  });

  it(`allows ${streamLimits.perAddress} per address, whatever the sessions`, async () => {
    const cookies = await Promise.all(Array.from({ length: streamLimits.perAddress / streamLimits.perSession + 1 }, signIn));
    // The first test's streams are still open from this address: count them in.
    let opened = streamLimits.perSession;
    const statuses = [];
    for (const cookie of cookies) {
      for (let i = 0; i < streamLimits.perSession && opened < streamLimits.perAddress + 2; i++) {
        statuses.push((await stream(cookie)).status);
        opened += 1;
      }
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(streamLimits.perAddress - streamLimits.perSession);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });
});
