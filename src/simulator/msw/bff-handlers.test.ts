import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cloudsResponseSchema, errorBodySchema, sessionSummarySchema, type ErrorBody } from '../../domain/api';
import { createClock } from '../core/clock';
import { createCloud } from '../core/cloud';
import { createBffHandlers, type BffHandlers } from './bff-handlers';

const clock = createClock({ virtual: true });
const server = setupServer();
let bff: BffHandlers;

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  bff = createBffHandlers(createCloud({ clock }));
  server.resetHandlers(...bff.handlers);
});
afterAll(() => server.close());

const base = 'http://stackdeck.test';
const csrf = { 'x-requested-with': 'stackdeck' };

function login(body: unknown, headers: Record<string, string> = csrf): Promise<Response> {
  return fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function errorOf(response: Response): Promise<ErrorBody['error']> {
  return errorBodySchema.parse(await response.json()).error;
}

describe('BFF msw handlers', () => {
  it('lists the simulated cloud', async () => {
    const response = await fetch(`${base}/api/clouds`);
    expect(cloudsResponseSchema.parse(await response.json())).toEqual({ clouds: [{ id: 'simulator', name: 'Simulated cloud' }] });
  });

  it('signs in to the default project and keeps the session until logout', async () => {
    const response = await login({ username: 'demo', password: 'demo' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const summary = sessionSummarySchema.parse(await response.json());
    expect(summary).toMatchObject({
      user: { name: 'demo', domain: { id: 'default', name: 'Default' } },
      project: { name: 'demo' },
      roles: ['member', 'reader'],
      region: 'RegionOne',
      regions: ['RegionOne', 'RegionTwo'],
      cloud: { id: 'simulator', name: 'Simulated cloud' },
      readOnly: false,
    });
    expect(summary.projects.map((p) => p.name)).toEqual(['demo', 'demo-staging']);

    const session = await fetch(`${base}/api/auth/session`);
    expect(sessionSummarySchema.parse(await session.json())).toEqual(summary);

    const tokenId = bff.state.session?.tokenId ?? '';
    const logout = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: csrf });
    expect(logout.status).toBe(204);
    expect(bff.cloud.store.tokens.get(tokenId)?.revoked).toBe(true);
    const after = await fetch(`${base}/api/auth/session`);
    expect(after.status).toBe(401);
    expect(await errorOf(after)).toEqual({ code: 'auth.unauthenticated', message: 'You are not signed in.' });
  });

  it('signs in to a project asked for by name or id, and marks a reader read-only', async () => {
    const staging = sessionSummarySchema.parse(await (await login({ username: 'demo', password: 'demo', project: 'demo-staging' })).json());
    expect(staging.project.name).toBe('demo-staging');
    const byId = sessionSummarySchema.parse(await (await login({ username: 'demo', password: 'demo', project: staging.project.id })).json());
    expect(byId.project).toEqual(staging.project);
    const reader = sessionSummarySchema.parse(await (await login({ username: 'reader', password: 'reader' })).json());
    expect(reader).toMatchObject({ roles: ['reader'], readOnly: true });
  });

  it('refuses a wrong password, an unknown user and an unknown domain with one message', async () => {
    const attempts = [
      { username: 'demo', password: 'wrong' },
      { username: 'nobody', password: 'demo' },
      { username: 'demo', password: 'demo', domain: 'Elsewhere' },
    ];
    for (const attempt of attempts) {
      const response = await login(attempt);
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toEqual({
        code: 'auth.invalid_credentials',
        message: 'The username, password or domain is not correct.',
      });
    }
    expect(bff.state.session).toBeNull();
  });

  it('refuses a project without a role, or a disabled one', async () => {
    for (const project of ['admin', 'demo-archive']) {
      const response = await login({ username: 'demo', password: 'demo', project });
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toMatchObject({ code: 'auth.project_unavailable', params: { project } });
    }
  });

  it('refuses changes without the CSRF header, and bad bodies', async () => {
    const noHeader = await login({ username: 'demo', password: 'demo' }, {});
    expect(noHeader.status).toBe(403);
    expect((await errorOf(noHeader)).code).toBe('auth.csrf');
    const logout = await fetch(`${base}/api/auth/logout`, { method: 'POST' });
    expect(logout.status).toBe(403);
    expect((await errorOf(logout)).code).toBe('auth.csrf');

    const malformed = await login('{"username":');
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe('request.malformed');
    const invalid = await login({ username: 'demo' });
    expect(invalid.status).toBe(400);
    expect((await errorOf(invalid)).code).toBe('request.invalid');
  });

  it('switches region, alone or with a project, and refuses one the catalog does not list as the BFF does', async () => {
    const scope = (body: object) =>
      fetch(`${base}/api/auth/scope`, { method: 'POST', headers: { 'content-type': 'application/json', ...csrf }, body: JSON.stringify(body) });
    await login({ username: 'demo', password: 'demo' });
    const tokenId = bff.state.session?.tokenId;

    const two = await scope({ region: 'RegionTwo' });
    expect(sessionSummarySchema.parse(await two.json())).toMatchObject({ project: { name: 'demo' }, region: 'RegionTwo' });
    expect(bff.state.session).toEqual({ tokenId, region: 'RegionTwo' });

    const refused = await scope({ projectId: 'demo-staging', region: 'RegionThree' });
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toEqual({
      code: 'auth.region_unavailable',
      message: 'This cloud has no region “RegionThree”: its regions are RegionOne and RegionTwo.',
      params: { region: 'RegionThree', regions: 'RegionOne, RegionTwo' },
    });

    const both = await scope({ projectId: 'demo-staging', region: 'RegionOne' });
    expect(sessionSummarySchema.parse(await both.json())).toMatchObject({ project: { name: 'demo-staging' }, region: 'RegionOne' });
    expect(bff.cloud.store.tokens.get(tokenId ?? '')?.revoked).toBe(true);
  });

  it('ends the session when the Keystone token expires on the cloud’s clock', async () => {
    await login({ username: 'demo', password: 'demo' });
    clock.advance(3600_000);
    const response = await fetch(`${base}/api/auth/session`);
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('auth.session_expired');
    expect(bff.state.session).toBeNull();
  });

  it('answers relative URLs from any origin', async () => {
    const response = await fetch('http://localhost:5173/api/clouds');
    expect(response.status).toBe(200);
  });
});
