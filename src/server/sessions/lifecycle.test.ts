import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, sessionSummarySchema } from '../../domain/api';
import { simulatorCloudConfig } from '../plugins/config';
import { csrf, type Stack, sessionCookieFrom, startBff, startStack, type TestBff } from '../testing/stack';

/**
 * A session ends when its user is idle for an hour, three hours after sign-in (this file's maximum
 * age) however active, at sign-out here or everywhere, and when a BFF that holds it in memory
 * stops; each time its Keystone token is revoked. The clock is virtual: hours pass in a call.
 */

const minute = 60_000;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack(
    { STACKDECK_LOGIN_RATE_LIMIT: '1000', STACKDECK_SESSION_MAX_AGE: String(3 * 3600) },
    // Tokens that outlive every session here, so what ends them is the BFF's rule, not Keystone's.
    { seed: { servers: 10, networks: 2 }, tokenLifetimeSeconds: 24 * 3600 },
  );
});
afterAll(() => stack.close());

async function signIn(username = 'demo', bff: TestBff = stack): Promise<{ cookie: string; token: string; setCookie: string }> {
  const res = await bff.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username, password: username } });
  expect(res.statusCode).toBe(200);
  const cookie = sessionCookieFrom(res.headers['set-cookie']);
  const token = (await bff.store.get(cookie.split('=')[1] ?? ''))?.token ?? '';
  return { cookie, token, setCookie: String(res.headers['set-cookie']) };
}

const get = (url: string, cookie: string) => stack.app.inject({ method: 'GET', url, headers: { cookie } });
const sessionStatus = async (cookie: string) => (await get('/api/auth/session', cookie)).statusCode;
const isRevoked = (token: string) => [...stack.simulator.cloud.store.tokens.entries()].some(([id, record]) => (id === token || record.id === token) && record.revoked);

describe('the idle timeout', () => {
  it('ends a session an hour after its last request, and slides with every request', async () => {
    const { cookie, token } = await signIn();
    stack.advance(59 * minute);
    expect((await get('/api/servers', cookie)).statusCode).toBe(200);
    stack.advance(59 * minute);
    expect(await sessionStatus(cookie)).toBe(200);
    stack.advance(61 * minute);
    const res = await get('/api/servers', cookie);
    expect(res.statusCode).toBe(401);
    expect(errorBodySchema.parse(res.json()).error.code).toBe('auth.session_expired');
    expect(isRevoked(token)).toBe(true);
  });

  it('is not held off by what a page does by itself: change polls and the task stream’s checks', async () => {
    const { cookie, token } = await signIn();
    for (let i = 0; i < 3; i++) {
      stack.advance(15 * minute);
      expect((await get(`/api/servers/changes?since=${encodeURIComponent(new Date().toISOString())}`, cookie)).statusCode).toBe(200);
    }
    stack.advance(16 * minute);
    expect(await sessionStatus(cookie)).toBe(401);
    expect(isRevoked(token)).toBe(true);
  });

  it('ends sessions nobody comes back to, revoking their tokens, at the next sweep', async () => {
    const { cookie, token } = await signIn('reader');
    stack.advance(61 * minute);
    await stack.app.sessions.sweep();
    expect(isRevoked(token)).toBe(true);
    expect(await stack.store.get(cookie.split('=')[1] ?? '')).toBeUndefined();
  });
});

describe('the maximum age', () => {
  it('ends even a busy session, and a project switch does not restart it', async () => {
    const { cookie: first } = await signIn();
    stack.advance(50 * minute);
    const switched = await stack.app.inject({ method: 'POST', url: '/api/auth/scope', headers: { ...csrf, cookie: first }, payload: { projectId: 'demo-staging' } });
    expect(switched.statusCode).toBe(200);
    const summary = sessionSummarySchema.parse(switched.json());
    const cookie = sessionCookieFrom(switched.headers['set-cookie']);
    const stored = await stack.store.get(cookie.split('=')[1] ?? '');
    // The summary says when the session ends at the latest: three hours after the first sign-in.
    expect(Date.parse(summary.expiresAt)).toBe(Date.parse(stored?.createdAt ?? '') + 3 * 3600_000);
    for (let i = 0; i < 2; i++) {
      stack.advance(50 * minute);
      expect(await sessionStatus(cookie)).toBe(200);
    }
    stack.advance(31 * minute);
    expect(await sessionStatus(cookie)).toBe(401);
    expect(isRevoked(stored?.token ?? '')).toBe(true);
  });
});

describe('the cookie', () => {
  it('ends with the browser: no Expires or Max-Age', async () => {
    const { setCookie } = await signIn();
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).not.toMatch(/Expires|Max-Age/i);
  });

  it('lasts until the session’s end when the operator keeps it', async () => {
    const bff = await startBff(simulatorCloudConfig(stack.simulator.authUrl), { LOG_LEVEL: 'silent', STACKDECK_PERSISTENT_COOKIE: 'true' });
    try {
      const res = await bff.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username: 'demo', password: 'demo' } });
      const expires = /Expires=([^;]+)/.exec(String(res.headers['set-cookie']))?.[1];
      expect(Date.parse(expires ?? '')).toBe(Math.floor(Date.parse(sessionSummarySchema.parse(res.json()).expiresAt) / 1000) * 1000);
    } finally {
      await bff.app.close();
    }
  });
});

describe('sign out everywhere', () => {
  it('ends every session of the user, in every browser, and no one else’s', async () => {
    const laptop = await signIn('demo');
    const phone = await signIn('demo');
    const admin = await signIn('admin');
    const forged = await stack.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: { cookie: phone.cookie }, payload: {} });
    expect(errorBodySchema.parse(forged.json()).error.code).toBe('auth.csrf');

    const res = await stack.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: { ...csrf, cookie: phone.cookie }, payload: {} });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/stackdeck_session=;/);
    expect([await sessionStatus(laptop.cookie), await sessionStatus(phone.cookie), await sessionStatus(admin.cookie)]).toEqual([401, 401, 200]);
    expect([isRevoked(laptop.token), isRevoked(phone.token), isRevoked(admin.token)]).toEqual([true, true, false]);
  });

  it('needs a session', async () => {
    const res = await stack.app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: csrf, payload: {} });
    expect(res.statusCode).toBe(401);
  });
});

describe('shutdown', () => {
  it('revokes the tokens of the sessions that end with a BFF holding them in memory', async () => {
    const bff = await startBff(simulatorCloudConfig(stack.simulator.authUrl), { LOG_LEVEL: 'silent' });
    const { token } = await signIn('demo', bff);
    expect(isRevoked(token)).toBe(false);
    await bff.app.close();
    expect(isRevoked(token)).toBe(true);
  });
});
