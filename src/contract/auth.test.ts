// Sign-in against the target's Keystone: what the BFF asks of it and what a user sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPaths, errorBodySchema, sessionSummarySchema } from '../domain/api';
import { csrf, sessionCookieFrom, startBff } from '../server/testing/stack';
import { openSuite, type Suite } from './suite';

let suite: Suite;
beforeAll(async () => {
  suite = await openSuite();
});
afterAll(() => suite?.close());

const login = (body: object, headers: Record<string, string> = csrf) => suite.bff.app.inject({ method: 'POST', url: apiPaths.login, headers, payload: body });

async function signedIn(extra: object = {}) {
  const { username, password, domain } = suite.target.credentials;
  const res = await login({ username, password, domain, ...extra });
  expect(res.statusCode, res.body).toBe(200);
  return { res, cookie: sessionCookieFrom(res.headers['set-cookie']), summary: sessionSummarySchema.parse(res.json()) };
}

const tokenOf = async (cookie: string) => (await suite.bff.store.get(cookie.split('=')[1] ?? ''))?.token ?? '';

/** Keystone's own answer on a token of the test user's, asked with another of its tokens. */
const keystoneValidates = async (token: string) =>
  (await suite.client.call('identity', '/auth/tokens', { headers: { 'x-subject-token': token } })).status;

describe('sign-in', () => {
  it('signs in with the catalog, the region and the roles Keystone gave', async () => {
    const { summary, res } = await signedIn({ project: suite.target.credentials.project });
    expect(summary.user.name).toBe(suite.target.credentials.username);
    expect(summary.user.domain.name.toLowerCase()).toBe(suite.target.credentials.domain.toLowerCase());
    expect(summary.project.id).toBe(suite.client.projectId);
    expect(summary.projects.map((p) => p.id)).toContain(summary.project.id);
    expect(summary.regions).toContain(summary.region);
    if (suite.target.cloud.region) expect(summary.region).toBe(suite.target.cloud.region);
    expect(summary.roles.length).toBeGreaterThan(0);
    // member and reader together: member wins, the session can change things.
    if (summary.roles.includes('member')) expect(summary.readOnly).toBe(false);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('finds Keystone v3 from an auth URL without a version, through the version document at its root', async () => {
    const root = suite.target.cloud.authUrl.replace(/\/v3\/?$/, '');
    const bff = await startBff({ ...suite.target.cloud, authUrl: root });
    try {
      const { username, password, domain, project } = suite.target.credentials;
      const res = await bff.app.inject({ method: 'POST', url: apiPaths.login, headers: csrf, payload: { username, password, domain, project } });
      expect(res.statusCode, res.body).toBe(200);
      expect(sessionSummarySchema.parse(res.json()).project.id).toBe(suite.client.projectId);
    } finally {
      await bff.app.close();
    }
  });

  it('never hands the Keystone token to the browser', async () => {
    const { res, cookie } = await signedIn();
    const token = await tokenOf(cookie);
    expect(token.length).toBeGreaterThan(20);
    expect(res.body).not.toContain(token);
    expect(JSON.stringify(res.headers)).not.toContain(token);
  });

  it('scopes to a project by name and by id', async () => {
    const first = await signedIn();
    const other = first.summary.projects.at(-1);
    if (!other) throw new Error('the user has no project');
    const byName = await signedIn({ project: other.name });
    expect(byName.summary.project).toEqual(other);
    const byId = await signedIn({ project: other.id });
    expect(byId.summary.project).toEqual(other);
  });

  it('words a wrong password, an unknown user and an unknown domain the same', async () => {
    const { username, domain } = suite.target.credentials;
    const answers = await Promise.all([
      login({ username, password: 'not-the-password', domain }),
      login({ username: `nobody-${Date.now()}`, password: 'x', domain }),
      login({ username, password: 'x', domain: `Nowhere-${Date.now()}` }),
    ]);
    const errors = answers.map((res) => {
      expect(res.statusCode).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
      const { code, message } = errorBodySchema.parse(res.json()).error;
      return { code, message };
    });
    expect(errors[0]).toEqual({ code: 'auth.invalid_credentials', message: 'The username, password or domain is not correct.' });
    expect(errors[1]).toEqual(errors[0]);
    expect(errors[2]).toEqual(errors[0]);
  });

  it('refuses a project the user has no role in, in words', async () => {
    const res = await signedInAs({ project: `no-such-project-${Date.now()}` });
    expect(res.statusCode).toBe(403);
    expect(errorBodySchema.parse(res.json()).error.code).toBe('auth.project_unavailable');
  });
});

function signedInAs(extra: object) {
  const { username, password, domain } = suite.target.credentials;
  return login({ username, password, domain, ...extra });
}

describe('session', () => {
  it('reads the session with the cookie, and refuses without one', async () => {
    const { cookie, summary } = await signedIn();
    const mine = await suite.bff.app.inject({ method: 'GET', url: apiPaths.session, headers: { cookie } });
    expect(sessionSummarySchema.parse(mine.json())).toEqual(summary);
    const anonymous = await suite.bff.app.inject({ method: 'GET', url: apiPaths.session });
    expect(anonymous.statusCode).toBe(401);
  });

  it('logout revokes the Keystone token and ends the session', async () => {
    const { cookie } = await signedIn();
    const token = await tokenOf(cookie);
    expect(await keystoneValidates(token)).toBe(200);
    const res = await suite.bff.app.inject({ method: 'POST', url: apiPaths.logout, headers: { ...csrf, cookie }, payload: {} });
    expect(res.statusCode).toBe(204);
    expect(await keystoneValidates(token)).toBe(404);
    const after = await suite.bff.app.inject({ method: 'GET', url: apiPaths.session, headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('renews the session id at login and revokes the token it replaces', async () => {
    const first = await signedIn();
    const oldToken = await tokenOf(first.cookie);
    const { username, password, domain } = suite.target.credentials;
    const res = await login({ username, password, domain }, { ...csrf, cookie: first.cookie });
    expect(sessionCookieFrom(res.headers['set-cookie'])).not.toBe(first.cookie);
    expect(await keystoneValidates(oldToken)).toBe(404);
  });

  it('never logs a password, a token or a session id', async () => {
    const { cookie } = await signedIn();
    const token = await tokenOf(cookie);
    const guess = `sup3r-s3cret-guess-${Date.now()}`;
    await signedInAs({ password: guess });
    await suite.bff.app.inject({ method: 'POST', url: apiPaths.logout, headers: { ...csrf, cookie }, payload: {} });
    const all = suite.bff.logs.join('');
    expect(all).toContain('upstream call');
    expect(all).not.toContain(guess);
    expect(all).not.toContain(token);
    expect(all).not.toContain(cookie.split('=')[1]);
  });
});
