import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../domain/api';
import { buildApp } from '../app';
import { loadConfig } from '../plugins/config';
import { csrf, type Stack, startStack } from '../testing/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ STACKDECK_LOGIN_RATE_LIMIT: '3' });
});
afterEach(() => {
  stack.simulator.faults.keystone = undefined;
});
afterAll(() => stack.close());

const login = (username = 'demo', password = 'demo') =>
  stack.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username, password } });

describe('a failing Keystone', () => {
  it.each([
    ['down (503)', 'down', 503, 'upstream.unavailable'],
    ['answering garbage', 'garbage', 502, 'upstream.bad_response'],
    ['failing (500)', 'error500', 502, 'upstream.error'],
  ] as const)('%s gets its own clear message, and the BFF keeps serving', async (_what, fault, status, code) => {
    stack.simulator.faults.keystone = fault;
    const res = await login('keystone-fault-user');
    expect(res.statusCode).toBe(status);
    const { error } = errorBodySchema.parse(res.json());
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/identity service \(Keystone\)/);
    expect((await stack.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('makes /readyz say unavailable, and ready again once Keystone is back', async () => {
    stack.simulator.faults.keystone = 'down';
    expect((await stack.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
    stack.simulator.faults.keystone = undefined;
    const res = await stack.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready' });
  });
});

describe('an unreachable Keystone', () => {
  it('is a 503 in words, not a crash', async () => {
    const port = await closedPort();
    const config = loadConfig({ STACKDECK_STATIC_DIR: '/nonexistent', LOG_LEVEL: 'silent', STACKDECK_UPSTREAM_TIMEOUT: '2' });
    config.clouds.push({ id: 'gone', name: 'Gone', authUrl: `http://127.0.0.1:${port}/v3`, region: undefined, interface: 'public', caFile: undefined, novaPolicy: 'legacy' });
    const app = await buildApp({ config });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username: 'demo', password: 'demo' } });
      expect(res.statusCode).toBe(503);
      expect(errorBodySchema.parse(res.json()).error).toMatchObject({
        code: 'upstream.unavailable',
        message: 'The identity service (Keystone) cannot be reached. Try again in a moment.',
      });
    } finally {
      await app.close();
    }
  });
});

describe('login rate limit', () => {
  it('slows down guessing per address and user name', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await login('ratelimited', 'guess')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const res = await login('ratelimited', 'guess');
    expect(errorBodySchema.parse(res.json()).error.code).toBe('auth.rate_limited');
    expect(res.headers['retry-after']).toBeDefined();
    // Another user from the same address is not locked out.
    expect((await login('demo', 'demo')).statusCode).toBe(200);
  });
});

/** A loopback port with nothing listening: bind one, then free it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}
