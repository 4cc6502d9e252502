import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../core/clock';
import { startSimulator, type Simulator } from '../index';
import { demoUser, issueToken, passwordAuth, postToken, readToken, tokenHeaders } from '../testing/keystone-client';

let sim: Simulator;
let origin: string;
beforeAll(async () => {
  sim = await startSimulator();
  origin = new URL(sim.authUrl).origin;
});
afterAll(() => sim.close());

const keystoneTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const unauthorizedBody = {
  error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' },
};
const notFoundBody = { error: { code: 404, title: 'Not Found', message: 'Failed to validate token' } };
/** A string that never was a token: Fernet cannot decrypt it. */
const unrecognizedBody = { error: { code: 404, title: 'Not Found', message: 'Could not recognize Fernet token' } };

describe('version documents', () => {
  it('lists v3 at / with 300 and describes it at /v3, with links from the Host header', async () => {
    const root = await fetch(`${origin}/`);
    expect(root.status).toBe(300);
    const { versions } = (await root.json()) as { versions: { values: { id: string; status: string; links: unknown[] }[] } };
    expect(versions.values).toHaveLength(1);
    expect(versions.values[0]).toMatchObject({ id: 'v3.14', status: 'stable', links: [{ rel: 'self', href: `${origin}/v3/` }] });

    for (const path of ['/v3', '/v3/']) {
      // fetch may not set Host; undici's request may.
      const v3 = await request(`${origin}${path}`, { headers: { host: 'keystone.example.test:5000' } });
      expect(v3.statusCode).toBe(200);
      expect(await v3.body.json()).toMatchObject({
        version: { id: 'v3.14', status: 'stable', links: [{ rel: 'self', href: 'http://keystone.example.test:5000/v3/' }] },
      });
    }
  });

  it('puts a request id and Vary on every response, errors included', async () => {
    for (const response of [await fetch(`${origin}/v3`), await fetch(`${origin}/nowhere`), await postToken(sim.authUrl, '{')]) {
      expect(response.headers.get('x-openstack-request-id')).toMatch(
        /^req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(response.headers.get('vary')).toBe('X-Auth-Token');
    }
    const missing = await fetch(`${origin}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 404, title: 'Not Found', message: 'The resource could not be found.' } });
  });
});

describe('POST /v3/auth/tokens with a password', () => {
  it('scopes to the default project when no scope is given, shaped as Keystone', async () => {
    const response = await postToken(sim.authUrl, passwordAuth(demoUser));
    expect(response.status).toBe(201);
    const id = response.headers.get('x-subject-token') ?? '';
    expect(id).toMatch(/^[A-Za-z0-9_-]{170,}$/);
    const token = readToken(await response.json());

    expect(token.project).toEqual({ id: expect.any(String), name: 'demo', domain: { id: 'default', name: 'Default' } });
    expect(token.is_domain).toBe(false);
    expect(token.user).toEqual({ id: expect.any(String), name: 'demo', domain: { id: 'default', name: 'Default' }, password_expires_at: null });
    expect(token.methods).toEqual(['password']);
    expect(token.audit_ids).toEqual([expect.stringMatching(/^[A-Za-z0-9_-]{22}$/)]);
    expect(token.roles?.map((r) => r.name)).toEqual(['member', 'reader']);
    expect(token.expires_at).toMatch(keystoneTime);
    expect(token.issued_at).toMatch(keystoneTime);
    expect(Date.parse(token.expires_at) - Date.parse(token.issued_at)).toBe(3600_000);

    const catalog = token.catalog ?? [];
    expect(catalog.map((s) => s.type).sort()).toEqual(['compute', 'identity', 'image', 'network']);
    for (const service of catalog) {
      expect(service.endpoints.map((e) => `${e.region_id}/${e.interface}`).sort()).toEqual([
        'RegionOne/internal',
        'RegionOne/public',
        'RegionTwo/internal',
        'RegionTwo/public',
      ]);
      for (const endpoint of service.endpoints) expect(endpoint.region).toBe(endpoint.region_id);
    }
    const urls = Object.fromEntries(catalog.map((s) => [s.type, s.endpoints[0]?.url]));
    expect(urls).toEqual(sim.endpoints);
  });

  it('mints a different opaque token id every time', async () => {
    const first = await issueToken(sim.authUrl, passwordAuth(demoUser));
    const second = await issueToken(sim.authUrl, passwordAuth(demoUser));
    expect(first.id).not.toBe(second.id);
    expect(first.token.audit_ids).not.toEqual(second.token.audit_ids);
  });

  it('finds the user by domain id and by user id', async () => {
    const byDomainId = await issueToken(sim.authUrl, passwordAuth({ name: 'demo', domain: { id: 'default' }, password: 'demo' }));
    const byUserId = await issueToken(sim.authUrl, passwordAuth({ id: byDomainId.token.user.id, password: 'demo' }));
    expect(byUserId.token.user).toEqual(byDomainId.token.user);
    expect(byUserId.token.project?.name).toBe('demo');
  });

  it('scopes to a project by name (domain by name or id) and by id', async () => {
    const byName = await issueToken(
      sim.authUrl,
      passwordAuth(demoUser, { project: { name: 'demo-staging', domain: { name: 'Default' } } }),
    );
    expect(byName.token.project?.name).toBe('demo-staging');
    const byDomainId = await issueToken(
      sim.authUrl,
      passwordAuth(demoUser, { project: { name: 'demo-staging', domain: { id: 'default' } } }),
    );
    expect(byDomainId.token.project).toEqual(byName.token.project);
    const byId = await issueToken(sim.authUrl, passwordAuth(demoUser, { project: { id: byName.token.project?.id } }));
    expect(byId.token.project).toEqual(byName.token.project);
  });

  it('gives the admin role with the roles it implies', async () => {
    const { token } = await issueToken(sim.authUrl, passwordAuth({ name: 'admin', domain: { name: 'Default' }, password: 'admin' }));
    expect(token.project?.name).toBe('admin');
    expect(token.roles?.map((r) => r.name)).toEqual(['admin', 'member', 'reader']);
    const reader = await issueToken(sim.authUrl, passwordAuth({ name: 'reader', domain: { name: 'Default' }, password: 'reader' }));
    expect(reader.token.roles?.map((r) => r.name)).toEqual(['reader']);
  });

  it('gives an explicitly unscoped token no project, roles or catalog', async () => {
    const { token } = await issueToken(sim.authUrl, passwordAuth(demoUser, 'unscoped'));
    expect(Object.keys(token).sort()).toEqual(['audit_ids', 'expires_at', 'issued_at', 'methods', 'user']);
  });

  it('leaves the catalog out with ?nocatalog', async () => {
    const { token } = await issueToken(sim.authUrl, passwordAuth(demoUser), '?nocatalog');
    expect(token.catalog).toBeUndefined();
    expect(token.project?.name).toBe('demo');
    expect(token.roles).toBeDefined();
  });

  it('answers every refusal with the same 401, so nothing tells which part was wrong', async () => {
    const refusals = [
      passwordAuth({ ...demoUser, password: 'wrong' }),
      passwordAuth({ ...demoUser, name: 'nobody' }),
      passwordAuth({ ...demoUser, domain: { name: 'Nowhere' } }),
      passwordAuth({ ...demoUser, domain: { id: 'nowhere' } }),
      passwordAuth({ id: 'no-such-user-id', password: 'demo' }),
      passwordAuth(demoUser, { project: { name: 'admin', domain: { name: 'Default' } } }),
      passwordAuth(demoUser, { project: { name: 'demo-archive', domain: { name: 'Default' } } }),
      passwordAuth(demoUser, { project: { id: 'no-such-project' } }),
      passwordAuth(demoUser, { domain: { id: 'default' } }),
      passwordAuth(demoUser, { system: { all: true } }),
      { auth: { identity: { methods: ['totp'], totp: { user: { id: 'x', passcode: '123456' } } } } },
    ];
    const bodies = new Set<string>();
    for (const body of refusals) {
      const response = await postToken(sim.authUrl, body);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(`Keystone uri="${origin}"`);
      expect(response.headers.get('x-subject-token')).toBeNull();
      bodies.add(await response.text());
    }
    expect([...bodies]).toEqual([JSON.stringify(unauthorizedBody)]);
  });

  it.each([
    ['malformed JSON', '{"auth":'],
    ['an empty body', ''],
    ['no identity', { auth: {} }],
    ['a user without a domain', passwordAuth({ name: 'demo', password: 'demo' })],
    ['the password method without its data', { auth: { identity: { methods: ['password'] } } }],
    ['a bad scope', passwordAuth(demoUser, 'everything')],
  ])('answers 400 Bad Request for %s', async (_case, body) => {
    const response = await postToken(sim.authUrl, body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { code: number; title: string; message: string } };
    expect(json.error).toMatchObject({ code: 400, title: 'Bad Request' });
    expect(json.error.message).not.toBe('');
  });

  it('reads a JSON body whatever its content type says, as Keystone does', async () => {
    const response = await fetch(`${sim.authUrl}/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(passwordAuth(demoUser)),
    });
    expect(response.status).toBe(201);
  });
});

describe('rescoping with the token method', () => {
  it('keeps the old expiry, adds the token method and chains the audit ids', async () => {
    const unscoped = await issueToken(sim.authUrl, passwordAuth(demoUser, 'unscoped'));
    const rescope = (id: string, scope: unknown) => ({ auth: { identity: { methods: ['token'], token: { id } }, scope } });

    const staging = await issueToken(sim.authUrl, rescope(unscoped.id, { project: { name: 'demo-staging', domain: { id: 'default' } } }));
    expect(staging.token.project?.name).toBe('demo-staging');
    expect(staging.token.expires_at).toBe(unscoped.token.expires_at);
    expect([...staging.token.methods].sort()).toEqual(['password', 'token']);
    expect(staging.token.audit_ids).toEqual([expect.any(String), unscoped.token.audit_ids[0]]);
    expect(staging.token.catalog).toBeDefined();

    const again = await issueToken(sim.authUrl, rescope(staging.id, { project: { id: staging.token.project?.id } }));
    expect(again.token.expires_at).toBe(unscoped.token.expires_at);
    expect(again.token.audit_ids[1]).toBe(unscoped.token.audit_ids[0]);
    expect([...again.token.methods].sort()).toEqual(['password', 'token']);

    const refused = await postToken(sim.authUrl, rescope(unscoped.id, { project: { name: 'admin', domain: { id: 'default' } } }));
    expect(refused.status).toBe(401);
    const unknown = await postToken(sim.authUrl, rescope('not-a-token', 'unscoped'));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual(unrecognizedBody);
  });
});

describe('GET, HEAD and DELETE /v3/auth/tokens', () => {
  it('validates a token, echoing X-Subject-Token, with or without the catalog', async () => {
    const { id, token } = await issueToken(sim.authUrl, passwordAuth(demoUser));
    const response = await fetch(`${sim.authUrl}/auth/tokens`, { headers: tokenHeaders(id, id) });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-subject-token')).toBe(id);
    expect(readToken(await response.json())).toEqual(token);

    const bare = await fetch(`${sim.authUrl}/auth/tokens?nocatalog`, { headers: tokenHeaders(id, id) });
    expect(readToken(await bare.json()).catalog).toBeUndefined();

    const head = await fetch(`${sim.authUrl}/auth/tokens`, { method: 'HEAD', headers: tokenHeaders(id, id) });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-subject-token')).toBe(id);
    expect(await head.text()).toBe('');
  });

  it('answers 404 for a bad subject, 401 for a bad caller, 403 for another user’s token unless admin', async () => {
    const demo = await issueToken(sim.authUrl, passwordAuth(demoUser));
    const admin = await issueToken(sim.authUrl, passwordAuth({ name: 'admin', domain: { name: 'Default' }, password: 'admin' }));

    const badSubject = await fetch(`${sim.authUrl}/auth/tokens`, { headers: tokenHeaders(demo.id, 'garbage') });
    expect(badSubject.status).toBe(404);
    expect(await badSubject.json()).toEqual(unrecognizedBody);

    for (const headers of [tokenHeaders('garbage', demo.id), { 'x-subject-token': demo.id }]) {
      const badCaller = await fetch(`${sim.authUrl}/auth/tokens`, { headers });
      expect(badCaller.status).toBe(401);
      expect(badCaller.headers.get('www-authenticate')).toBe(`Keystone uri="${origin}"`);
      expect(await badCaller.json()).toEqual(unauthorizedBody);
    }

    const foreign = await fetch(`${sim.authUrl}/auth/tokens`, { headers: tokenHeaders(demo.id, admin.id) });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: 403, title: 'Forbidden' } });
    const byAdmin = await fetch(`${sim.authUrl}/auth/tokens`, { headers: tokenHeaders(admin.id, demo.id) });
    expect(byAdmin.status).toBe(200);
  });

  it('revokes a token: DELETE gives 204, then the token no longer validates', async () => {
    const doomed = await issueToken(sim.authUrl, passwordAuth(demoUser));
    const other = await issueToken(sim.authUrl, passwordAuth(demoUser));

    const deleted = await fetch(`${sim.authUrl}/auth/tokens`, { method: 'DELETE', headers: tokenHeaders(other.id, doomed.id) });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');

    const after = await fetch(`${sim.authUrl}/auth/tokens`, { headers: tokenHeaders(other.id, doomed.id) });
    expect(after.status).toBe(404);
    expect(await after.json()).toEqual(notFoundBody);
    const asCaller = await fetch(`${sim.authUrl}/auth/projects`, { headers: { 'x-auth-token': doomed.id } });
    expect(asCaller.status).toBe(401);

    const self = await fetch(`${sim.authUrl}/auth/tokens`, { method: 'DELETE', headers: tokenHeaders(other.id, other.id) });
    expect(self.status).toBe(204);
  });
});

describe('GET /v3/auth/projects', () => {
  it('lists every project the user has a role in, the disabled one too', async () => {
    const { id } = await issueToken(sim.authUrl, passwordAuth(demoUser, 'unscoped'));
    const response = await fetch(`${sim.authUrl}/auth/projects`, { headers: { 'x-auth-token': id } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { projects: { id: string; name: string; enabled: boolean }[]; links: unknown };
    expect(body.projects.map((p) => [p.name, p.enabled])).toEqual([
      ['demo', true],
      ['demo-staging', true],
      ['demo-archive', false],
    ]);
    const [first] = body.projects;
    expect(first).toEqual({
      description: expect.any(String),
      domain_id: 'default',
      enabled: true,
      id: first?.id,
      is_domain: false,
      links: { self: `${origin}/v3/projects/${first?.id}` },
      name: 'demo',
      options: {},
      parent_id: 'default',
      tags: [],
    });
    expect(body.links).toEqual({ self: `${origin}/v3/auth/projects`, previous: null, next: null });
  });

  it('needs a valid token', async () => {
    const response = await fetch(`${sim.authUrl}/auth/projects`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(unauthorizedBody);
  });
});

describe('token expiry on the simulator clock', () => {
  const clock = createClock({ virtual: true });
  let timed: Simulator;
  beforeAll(async () => {
    timed = await startSimulator({ clock, tokenLifetimeSeconds: 60 });
  });
  afterAll(() => timed.close());

  it('stops accepting a token once it expired, except with allow_expired', async () => {
    const old = await issueToken(timed.authUrl, passwordAuth(demoUser));
    expect(Date.parse(old.token.expires_at) - Date.parse(old.token.issued_at)).toBe(60_000);
    clock.advance(60_000);
    const fresh = await issueToken(timed.authUrl, passwordAuth(demoUser));

    const expired = await fetch(`${timed.authUrl}/auth/tokens`, { headers: tokenHeaders(fresh.id, old.id) });
    expect(expired.status).toBe(404);
    const allowed = await fetch(`${timed.authUrl}/auth/tokens?allow_expired=true`, { headers: tokenHeaders(fresh.id, old.id) });
    expect(allowed.status).toBe(200);
    expect(readToken(await allowed.json()).expires_at).toBe(old.token.expires_at);

    const asCaller = await fetch(`${timed.authUrl}/auth/tokens`, { headers: tokenHeaders(old.id, fresh.id) });
    expect(asCaller.status).toBe(401);
    const rescope = await postToken(timed.authUrl, { auth: { identity: { methods: ['token'], token: { id: old.id } } } });
    expect(rescope.status).toBe(404);
  });
});
