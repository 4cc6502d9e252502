import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, sessionSummarySchema } from '../../domain/api';
import { csrf, serveComputeInRegion, type Stack, sessionCookieFrom, startStack } from '../testing/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ STACKDECK_LOGIN_RATE_LIMIT: '1000' });
});
afterAll(() => stack.close());

const login = (body: unknown, headers: Record<string, string> = csrf) =>
  stack.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: body as object });

async function signedIn(username = 'demo', password = username, extra: object = {}) {
  const res = await login({ username, password, ...extra });
  expect(res.statusCode).toBe(200);
  return { res, cookie: sessionCookieFrom(res.headers['set-cookie']), summary: sessionSummarySchema.parse(res.json()) };
}

function errorOf(res: { json(): unknown }) {
  return errorBodySchema.parse(res.json()).error;
}

const switchTo = (cookie: string | undefined, body: unknown, headers: Record<string, string> = csrf) =>
  stack.app.inject({ method: 'POST', url: '/api/auth/scope', headers: { ...headers, ...(cookie && { cookie }) }, payload: body as object });
const tokenOf = async (cookie: string) => (await stack.store.get(cookie.split('=')[1] ?? ''))?.token ?? '';
const isRevoked = (token: string) =>
  [...stack.simulator.cloud.store.tokens.entries()].some(([id, record]) => (id === token || record.id === token) && record.revoked);

describe('POST /api/auth/login', () => {
  it('signs in to the default project and sets a safe session cookie', async () => {
    const { res, summary } = await signedIn();
    expect(summary.user).toMatchObject({ name: 'demo', domain: { name: 'Default' } });
    expect(summary.project.name).toBe('demo');
    expect(summary.projects.map((p) => p.name)).toEqual(['demo', 'demo-staging']);
    expect(summary.roles).toContain('member');
    expect(summary.readOnly).toBe(false);
    expect(summary.regions).toEqual(['RegionOne', 'RegionTwo']);
    expect(summary.region).toBe('RegionOne');
    expect(summary.cloud).toEqual({ id: 'simulator', name: 'Simulated cloud' });

    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^stackdeck_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP on loopback; Secure is set over TLS
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('scopes to the project asked for, by name or by id', async () => {
    const byName = await signedIn('demo', 'demo', { project: 'demo-staging' });
    expect(byName.summary.project.name).toBe('demo-staging');
    const byId = await signedIn('demo', 'demo', { project: byName.summary.project.id });
    expect(byId.summary.project).toEqual(byName.summary.project);
  });

  it('marks a reader-only session read-only', async () => {
    const { summary } = await signedIn('reader');
    expect(summary.roles).toEqual(['reader']);
    expect(summary.readOnly).toBe(true);
  });

  it('refuses a project the user has no role in, in words', async () => {
    const res = await login({ username: 'demo', password: 'demo', project: 'admin' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res)).toMatchObject({ code: 'auth.project_unavailable', message: 'You have no role in a project named “admin”.' });
  });

  it('revokes the tokens it used on the way to the chosen project', async () => {
    const before = stack.simulator.cloud.store.tokens.size;
    await signedIn('demo', 'demo', { project: 'demo-staging' });
    const live = [...stack.simulator.cloud.store.tokens.values()].filter((t) => !t.revoked);
    expect(stack.simulator.cloud.store.tokens.size).toBeGreaterThan(before);
    expect(live.length).toBeLessThanOrEqual(before + 1);
  });
});

describe('bad input', () => {
  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"username":', 400, 'request.malformed'],
    ['an empty JSON body', { 'content-type': 'application/json' }, '', 400, 'request.malformed'],
    ['a body that is not JSON', { 'content-type': 'text/plain' }, 'username=demo', 415, 'request.unsupported_media_type'],
    ['a body over the size limit', { 'content-type': 'application/json' }, JSON.stringify({ username: 'demo', password: 'x'.repeat(70_000) }), 413, 'request.too_large'],
    ['missing fields', { 'content-type': 'application/json' }, '{}', 400, 'request.invalid'],
    ['wrong-typed fields', { 'content-type': 'application/json' }, '{"username":1,"password":[]}', 400, 'request.invalid'],
    ['a JSON array', { 'content-type': 'application/json' }, '[]', 400, 'request.invalid'],
  ])('answers %s with a clear error', async (_what, headers, payload, status, code) => {
    const res = await stack.app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...csrf, ...headers }, payload });
    expect(res.statusCode).toBe(status);
    const error = errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.requestId).toBe(res.headers['x-request-id']);
  });

  it('names the bad fields, in words', async () => {
    const res = await login({ username: '', password: 'x' });
    // The contract is on zod/mini, which has no messages of its own: the BFF's must be English.
    expect(errorOf(res).message).toBe('The request is not valid. username: Too small: expected string to have >=1 characters');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await stack.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res)).toMatchObject({ code: 'not_found', message: 'There is nothing at this address.' });
  });

  it('keeps serving after all of the above', async () => {
    const res = await stack.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('CSRF', () => {
  it('refuses a state-changing call without the header', async () => {
    const res = await login({ username: 'demo', password: 'demo' }, {});
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('auth.csrf');
  });

  it('refuses a call from another origin', async () => {
    const res = await login({ username: 'demo', password: 'demo' }, { ...csrf, origin: 'http://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('auth.csrf');
  });

  it('accepts our own origin', async () => {
    const res = await login({ username: 'demo', password: 'demo' }, { ...csrf, origin: 'http://localhost:80', host: 'localhost:80' });
    expect(res.statusCode).toBe(200);
  });

  it('guards logout too', async () => {
    const { cookie } = await signedIn();
    const res = await stack.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie }, payload: {} });
    expect(res.statusCode).toBe(403);
  });
});

describe('session', () => {
  it('says a session ended when the cookie names none', async () => {
    const res = await stack.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: 'stackdeck_session=forged' } });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res)).toMatchObject({ code: 'auth.session_expired', message: 'Your session has ended. Sign in again.' });
    expect(String(res.headers['set-cookie'])).toMatch(/stackdeck_session=;/);
  });

  it('ends the session when the Keystone token expires', async () => {
    const { cookie } = await signedIn();
    stack.advance(3601_000);
    try {
      const res = await stack.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
      expect(errorOf(res).code).toBe('auth.session_expired');
    } finally {
      stack.advance(-3601_000);
    }
  });
});

describe('POST /api/auth/scope', () => {

  it('switches the session to another project by name, with a new session id, revoking the old token', async () => {
    const { cookie } = await signedIn();
    const oldToken = await tokenOf(cookie);
    expect(isRevoked(oldToken)).toBe(false);

    const res = await switchTo(cookie, { projectId: 'demo-staging' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const summary = sessionSummarySchema.parse(res.json());
    expect(summary.project.name).toBe('demo-staging');
    expect(summary.user.name).toBe('demo');
    expect(summary.projects.map((p) => p.name)).toEqual(['demo', 'demo-staging']);

    const next = sessionCookieFrom(res.headers['set-cookie']);
    expect(next).not.toBe(cookie);
    expect(isRevoked(oldToken)).toBe(true);
    expect((await stack.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).statusCode).toBe(401);
    const session = await stack.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: next } });
    expect(sessionSummarySchema.parse(session.json())).toEqual(summary);
  });

  it('switches by id, and the server list then shows the other project’s servers', async () => {
    const { cookie, summary: before } = await signedIn();
    const listOf = async (c: string) => {
      const res = await stack.app.inject({ method: 'GET', url: '/api/servers', headers: { cookie: c } });
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: { id: string }[] }).items.map((s) => s.id);
    };
    const projectOf = (id: string) => stack.simulator.cloud.compute.servers.get(id)?.projectId;
    const staging = before.projects.find((p) => p.name === 'demo-staging');
    expect(staging).toBeDefined();
    const demoIds = await listOf(cookie);
    expect(demoIds.every((id) => projectOf(id) === before.project.id)).toBe(true);

    const res = await switchTo(cookie, { projectId: staging?.id });
    expect(res.statusCode).toBe(200);
    expect(sessionSummarySchema.parse(res.json()).project).toEqual(staging);
    const stagingIds = await listOf(sessionCookieFrom(res.headers['set-cookie']));
    expect(stagingIds.length).toBeGreaterThan(0);
    expect(stagingIds.every((id) => projectOf(id) === staging?.id)).toBe(true);
  });

  it('refuses a project the user has no role in, in words, and keeps the session', async () => {
    const { cookie } = await signedIn();
    const res = await switchTo(cookie, { projectId: 'admin' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res)).toMatchObject({ code: 'auth.project_unavailable', message: 'You have no role in a project named “admin”.' });
    expect((await stack.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).statusCode).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const res = await switchTo(undefined, { projectId: 'demo-staging' });
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe('auth.unauthenticated');
  });

  it('answers 400 to a bad body', async () => {
    const { cookie } = await signedIn();
    for (const body of [{}, { projectId: '' }, { projectId: 3 }]) {
      const res = await switchTo(cookie, body);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).code).toBe('request.invalid');
    }
  });

  it('is CSRF-guarded', async () => {
    const { cookie } = await signedIn();
    const res = await switchTo(cookie, { projectId: 'demo-staging' }, {});
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('auth.csrf');
  });
});

describe('POST /api/auth/scope with a region', () => {
  let regionTwo: Awaited<ReturnType<typeof serveComputeInRegion>>;
  beforeAll(async () => {
    regionTwo = await serveComputeInRegion(stack.simulator, 'RegionTwo');
  });
  afterAll(() => regionTwo.close());

  const get = (url: string, cookie: string) => stack.app.inject({ method: 'GET', url, headers: { cookie } });
  /** The Nova calls of each region's endpoint made while `run` runs. */
  async function novaCalls(run: () => Promise<unknown>) {
    stack.simulator.requests.clear();
    const from = regionTwo.received.length;
    await run();
    return {
      one: stack.simulator.requests.of('compute').map((e) => `${e.method} ${e.url}`),
      two: regionTwo.received.slice(from),
    };
  }

  it('signs in to the configured region, listing every region of the catalog', async () => {
    const { summary } = await signedIn();
    expect(summary).toMatchObject({ region: 'RegionOne', regions: ['RegionOne', 'RegionTwo'] });
  });

  it('switches region with the same token and a new session id, and later calls go to that region’s endpoints', async () => {
    const { cookie, summary: before } = await signedIn();
    const token = await tokenOf(cookie);

    const res = await switchTo(cookie, { region: 'RegionTwo' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const summary = sessionSummarySchema.parse(res.json());
    expect(summary).toEqual({ ...before, region: 'RegionTwo' });
    const next = sessionCookieFrom(res.headers['set-cookie']);
    expect(next).not.toBe(cookie);
    expect((await get('/api/auth/session', cookie)).statusCode).toBe(401);
    expect(sessionSummarySchema.parse((await get('/api/auth/session', next)).json())).toEqual(summary);
    expect(await tokenOf(next)).toBe(token);
    expect(isRevoked(token)).toBe(false);

    const inTwo = await novaCalls(async () => expect((await get('/api/servers', next)).statusCode).toBe(200));
    expect(inTwo.one).toEqual([]);
    expect(inTwo.two).toContainEqual(expect.stringMatching(/^GET \/v2\.1\/servers\/detail/));

    const back = sessionCookieFrom((await switchTo(next, { region: 'RegionOne' })).headers['set-cookie']);
    const inOne = await novaCalls(async () => expect((await get('/api/servers', back)).statusCode).toBe(200));
    expect(inOne.two).toEqual([]);
    expect(inOne.one).toContainEqual(expect.stringMatching(/^GET \/v2\.1\/servers\/detail/));
  });

  it('leaves the old region’s cached flavors behind', async () => {
    const { cookie } = await signedIn();
    expect((await get('/api/flavors', cookie)).statusCode).toBe(200);
    const next = sessionCookieFrom((await switchTo(cookie, { region: 'RegionTwo' })).headers['set-cookie']);
    const calls = await novaCalls(async () => expect((await get('/api/flavors', next)).statusCode).toBe(200));
    expect(calls.two).toContainEqual(expect.stringMatching(/^GET \/v2\.1\/flavors/));
  });

  it('switches project and region together, and a later project switch keeps the region', async () => {
    const { cookie } = await signedIn();
    const token = await tokenOf(cookie);
    const res = await switchTo(cookie, { projectId: 'demo-staging', region: 'RegionTwo' });
    expect(res.statusCode).toBe(200);
    expect(sessionSummarySchema.parse(res.json())).toMatchObject({ project: { name: 'demo-staging' }, region: 'RegionTwo' });
    expect(isRevoked(token)).toBe(true);

    const again = await switchTo(sessionCookieFrom(res.headers['set-cookie']), { projectId: 'demo' });
    expect(sessionSummarySchema.parse(again.json())).toMatchObject({ project: { name: 'demo' }, region: 'RegionTwo' });
  });

  it('refuses a region the cloud does not have, in words naming those it has, before any token is issued', async () => {
    const { cookie } = await signedIn();
    const tokens = stack.simulator.cloud.store.tokens.size;
    for (const body of [{ region: 'RegionThree' }, { projectId: 'demo-staging', region: 'RegionThree' }]) {
      const res = await switchTo(cookie, body);
      expect(res.statusCode).toBe(400);
      expect(errorOf(res)).toMatchObject({
        code: 'auth.region_unavailable',
        message: 'This cloud has no region “RegionThree”: its regions are RegionOne and RegionTwo.',
        params: { region: 'RegionThree', regions: 'RegionOne, RegionTwo' },
      });
    }
    expect(stack.simulator.cloud.store.tokens.size).toBe(tokens);
    const session = sessionSummarySchema.parse((await get('/api/auth/session', cookie)).json());
    expect(session).toMatchObject({ project: { name: 'demo' }, region: 'RegionOne' });
  });

  it('answers 400 to an empty region, 401 without a session, and 403 without the CSRF header', async () => {
    const { cookie } = await signedIn();
    expect(errorOf(await switchTo(cookie, { region: '' })).code).toBe('request.invalid');
    const anonymous = await switchTo(undefined, { region: 'RegionTwo' });
    expect(anonymous.statusCode).toBe(401);
    expect(errorOf(anonymous).code).toBe('auth.unauthenticated');
    const forged = await switchTo(cookie, { region: 'RegionTwo' }, {});
    expect(forged.statusCode).toBe(403);
    expect(errorOf(forged).code).toBe('auth.csrf');
    expect(sessionSummarySchema.parse((await get('/api/auth/session', cookie)).json()).region).toBe('RegionOne');
  });
});
