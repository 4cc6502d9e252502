import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorBody, errorBodySchema } from '../../domain/api';
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

/** Each test signs in from addresses of its own, so that no test uses up another's attempts. */
const login = (username = 'demo', password = 'demo', remoteAddress = '127.0.0.1') =>
  stack.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username, password }, remoteAddress });

describe('a failing Keystone', () => {
  it.each([
    ['down (503)', 'down', 503, 'upstream.unavailable'],
    ['answering garbage', 'garbage', 502, 'upstream.bad_response'],
    ['failing (500)', 'error500', 502, 'upstream.error'],
  ] as const)('%s gets its own clear message, and the BFF keeps serving', async (_what, fault, status, code) => {
    stack.simulator.faults.keystone = fault;
    const res = await login('keystone-fault-user', 'demo', `127.0.1.${status % 250}`);
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

describe('login rate limit (3 a minute per address and name, 6 per address, 6 per name)', () => {
  const codes = async (attempts: Array<Parameters<typeof login>>) => {
    const seen = [];
    for (const args of attempts) seen.push((await login(...args)).statusCode);
    return seen;
  };

  it('slows down guessing per address and user name, saying how long to wait', async () => {
    const address = '127.0.2.1';
    expect(await codes(Array.from({ length: 4 }, () => ['ratelimited', 'guess', address] as const))).toEqual([401, 401, 401, 429]);
    const res = await login('ratelimited', 'guess', address);
    const { error } = errorBodySchema.parse(res.json());
    expect(error).toMatchObject({ code: 'auth.rate_limited', params: { retryAfter: expect.any(Number) } });
    expect(error.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ s\.$/);
    expect(Number(res.headers['retry-after'])).toBe(error.params?.retryAfter);
    // Another user from the same address is not locked out.
    expect((await login('demo', 'demo', address)).statusCode).toBe(200);
  });

  it('stops one address spraying passwords across many user names', async () => {
    const address = '127.0.2.2';
    const sprayed = await codes(Array.from({ length: 30 }, (_, i) => [`sprayed-${i}`, 'Winter2026!', address] as const));
    expect(sprayed.slice(0, 6)).toEqual(Array(6).fill(401));
    expect(sprayed.slice(6)).toEqual(Array(24).fill(429));
  });

  it('stops one user name being guessed from many addresses', async () => {
    const guessed = await codes(Array.from({ length: 10 }, (_, i) => ['demo', `guess-${i}`, `127.0.3.${i + 1}`] as const));
    expect(guessed.slice(0, 6)).toEqual(Array(6).fill(401));
    expect(guessed.slice(6)).toEqual(Array(4).fill(429));
  });

  it('words a refusal the same for a user that exists and one that does not', async () => {
    const refusals: ErrorBody['error'][] = [];
    for (const [i, username] of ['admin', 'nobody-by-this-name'].entries()) {
      const address = `127.0.4.${i + 1}`;
      await codes(Array.from({ length: 3 }, () => [username, 'wrong', address] as const));
      refusals.push(errorBodySchema.parse((await login(username, 'wrong', address)).json()).error);
    }
    expect(refusals.map((e) => [e.code, e.message.replace(/\d+/, 'N')])).toEqual([
      ['auth.rate_limited', 'Too many sign-in attempts. Try again in N s.'],
      ['auth.rate_limited', 'Too many sign-in attempts. Try again in N s.'],
    ]);
    // Refused before Keystone is asked, so the time taken cannot tell the two apart either.
    stack.simulator.requests.clear();
    await login('admin', 'wrong', '127.0.4.1');
    expect(stack.simulator.requests.of('identity')).toEqual([]);
  });

  it('counts failures only: signing in again and again from one address is never refused', async () => {
    expect(await codes(Array.from({ length: 8 }, () => ['reader', 'reader', '127.0.5.1'] as const))).toEqual(Array(8).fill(200));
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
