import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectIds, userIds } from '../core/seed';
import { startSimulator, type Simulator } from '../index';
import { demoUser, issueToken, passwordAuth } from '../testing/keystone-client';

// What a token may be scoped to, its catalog, and the project lists `openstack project list` calls.
let sim: Simulator;
let origin: string;
let tokens: { demo: string; admin: string; unscoped: string };
beforeAll(async () => {
  sim = await startSimulator({ seed: { servers: 5 } });
  origin = new URL(sim.authUrl).origin;
  const admin = { name: 'admin', domain: { name: 'Default' }, password: 'admin' };
  tokens = {
    demo: (await issueToken(sim.authUrl, passwordAuth(demoUser))).id,
    admin: (await issueToken(sim.authUrl, passwordAuth(admin))).id,
    unscoped: (await issueToken(sim.authUrl, passwordAuth(demoUser, 'unscoped'))).id,
  };
});
afterAll(() => sim.close());

async function get(path: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sim.authUrl}${path}`, { headers: token ? { 'x-auth-token': token } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const links = (path: string) => ({ self: `${origin}/v3${path}`, previous: null, next: null });
const forbidden = (message: string) => ({ error: { code: 403, title: 'Forbidden', message } });

describe('GET /v3/auth/catalog, /v3/auth/domains, /v3/auth/system', () => {
  it('gives a project token’s catalog, and refuses an unscoped token with the generic 403', async () => {
    const { token } = await issueToken(sim.authUrl, passwordAuth(demoUser));
    expect(await get('/auth/catalog', tokens.demo)).toEqual({
      status: 200,
      body: { catalog: token.catalog, links: links('/auth/catalog') },
    });
    expect(await get('/auth/catalog', tokens.unscoped)).toEqual({
      status: 403,
      body: forbidden('You are not authorized to perform the requested action.'),
    });
  });

  it('lists no domain and no system scope: the simulator grants roles on projects only', async () => {
    expect(await get('/auth/domains', tokens.unscoped)).toEqual({
      status: 200,
      body: { domains: [], links: links('/auth/domains') },
    });
    expect(await get('/auth/system', tokens.admin)).toEqual({
      status: 200,
      body: { system: [], links: { self: `${origin}/v3/auth/system` } },
    });
  });

  it('needs a valid token on each', async () => {
    for (const path of ['/auth/catalog', '/auth/domains', '/auth/system']) {
      expect((await get(path)).status).toBe(401);
      expect((await get(path, 'garbage')).status).toBe(401);
    }
  });
});

describe('GET /v3/projects and /v3/users/{id}/projects', () => {
  const names = (body: Record<string, unknown>) => (body.projects as { name: string }[]).map((p) => p.name);

  it('lists every project for an admin, filtered by name, and forbids the rest', async () => {
    const all = await get('/projects', tokens.admin);
    expect(all.status).toBe(200);
    expect(names(all.body)).toEqual(['demo', 'demo-staging', 'admin', 'demo-archive']);
    expect(all.body.links).toEqual(links('/projects'));
    expect(names((await get('/projects?name=demo', tokens.admin)).body)).toEqual(['demo']);

    expect(await get('/projects', tokens.demo)).toEqual({
      status: 403,
      body: forbidden('You are not authorized to perform the requested action: identity:list_projects.'),
    });
  });

  it('lists a user’s own projects for that user or an admin', async () => {
    const own = await get(`/users/${userIds.demo}/projects`, tokens.demo);
    expect(own.status).toBe(200);
    expect(names(own.body)).toEqual(['demo', 'demo-staging', 'demo-archive']);
    expect((own.body.projects as { id: string }[])[0]?.id).toBe(projectIds.demo);
    expect((await get(`/users/${userIds.demo}/projects`, tokens.admin)).status).toBe(200);
    expect(await get(`/users/${userIds.admin}/projects`, tokens.demo)).toEqual({
      status: 403,
      body: forbidden('You are not authorized to perform the requested action: identity:list_user_projects.'),
    });
  });
});
