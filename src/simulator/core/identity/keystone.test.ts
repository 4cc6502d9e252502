import { describe, expect, it } from 'vitest';
import { sessionSummarySchema } from '../../../domain/api';
import { tokenBodySchema } from '../../../domain/identity';
import { createClock } from '../clock';
import { createCloud } from '../cloud';
import { buildSessionSummary } from '../session-summary';
import { KeystoneError } from './errors';

const cloudInfo = { id: 'simulator', name: 'Simulated cloud' };

function setup() {
  const clock = createClock({ virtual: true });
  const cloud = createCloud({ clock });
  const byName = <T extends { name: string }>(map: Map<string, T>, name: string): T => {
    const found = [...map.values()].find((e) => e.name === name);
    if (!found) throw new Error(`no ${name} in the seed`);
    return found;
  };
  const demo = byName(cloud.store.users, 'demo');
  const project = (name: string) => byName(cloud.store.projects, name);
  return { clock, cloud, keystone: cloud.keystone, store: cloud.store, demo, project };
}

function keystoneErrorOf(action: () => unknown): KeystoneError {
  try {
    action();
  } catch (error) {
    if (error instanceof KeystoneError) return error;
    throw error;
  }
  throw new Error('expected a KeystoneError');
}

describe('clock', () => {
  it('follows wall time, and a virtual clock adds what tests advance', () => {
    const wall = createClock();
    expect(Math.abs(wall.now() - Date.now())).toBeLessThan(50);
    const virtual = createClock({ virtual: true });
    virtual.advance(3_600_000);
    expect(virtual.now() - Date.now()).toBeGreaterThanOrEqual(3_600_000 - 50);
    expect(() => virtual.advance(-1)).toThrow(RangeError);
  });
});

describe('authenticatePassword', () => {
  it('finds a user by name in a domain given by name or id, or by id', () => {
    const { keystone, demo } = setup();
    expect(keystone.authenticatePassword({ userName: 'demo', domainName: 'Default', password: 'demo' })).toEqual(demo);
    expect(keystone.authenticatePassword({ userName: 'demo', domainId: 'default', password: 'demo' })).toEqual(demo);
    expect(keystone.authenticatePassword({ userId: demo.id, password: 'demo' })).toEqual(demo);
  });

  it('returns null alike for a wrong password, an unknown user or domain, a missing domain, a disabled user', () => {
    const { keystone, store, demo } = setup();
    expect(keystone.authenticatePassword({ userName: 'demo', domainName: 'Default', password: 'nope' })).toBeNull();
    expect(keystone.authenticatePassword({ userName: 'nobody', domainName: 'Default', password: 'demo' })).toBeNull();
    expect(keystone.authenticatePassword({ userName: 'demo', domainName: 'Elsewhere', password: 'demo' })).toBeNull();
    expect(keystone.authenticatePassword({ userName: 'demo', password: 'demo' })).toBeNull();
    store.users.set(demo.id, { ...demo, enabled: false });
    expect(keystone.authenticatePassword({ userId: demo.id, password: 'demo' })).toBeNull();
  });
});

describe('issueToken', () => {
  it('scopes to the default project, and reads with the BFF’s token schema', () => {
    const { keystone, demo, project } = setup();
    const { token } = keystone.issueToken({ userId: demo.id });
    expect(token.project?.id).toBe(project('demo').id);
    expect(() => tokenBodySchema.parse({ token })).not.toThrow();
  });

  it('falls back to an unscoped token when the default project is disabled or has no role', () => {
    const { keystone, store, demo, project } = setup();
    store.users.set(demo.id, { ...demo, defaultProjectId: project('demo-archive').id });
    expect(keystone.issueToken({ userId: demo.id }).token.project).toBeUndefined();
    store.users.set(demo.id, { ...demo, defaultProjectId: project('admin').id });
    expect(keystone.issueToken({ userId: demo.id }).token.project).toBeUndefined();
  });

  it('refuses a disabled project, a project without a role and an unknown one as unauthorized', () => {
    const { keystone, demo, project } = setup();
    for (const ref of [{ id: project('demo-archive').id }, { id: project('admin').id }, { id: 'missing' }]) {
      expect(keystoneErrorOf(() => keystone.issueToken({ userId: demo.id, scope: { project: ref } })).kind).toBe('unauthorized');
    }
  });
});

describe('validateToken and revokeToken', () => {
  it('rebuilds the body at each validation: a project disabled since makes the token invalid', () => {
    const { keystone, store, demo, project } = setup();
    const { id } = keystone.issueToken({ userId: demo.id });
    const demoProject = project('demo');
    store.projects.set(demoProject.id, { ...demoProject, enabled: false });
    expect(keystoneErrorOf(() => keystone.validateToken(id)).kind).toBe('not_found');
  });

  it('keeps a revoked token as revoked, and no longer validates it', () => {
    const { keystone, store, demo } = setup();
    const { id } = keystone.issueToken({ userId: demo.id });
    keystone.revokeToken(id);
    expect(store.tokens.get(id)?.revoked).toBe(true);
    expect(keystoneErrorOf(() => keystone.validateToken(id)).message).toBe('Failed to validate token');
    expect(keystoneErrorOf(() => keystone.revokeToken(id)).kind).toBe('not_found');
  });

  it('forgets tokens once they are past the allow_expired window', () => {
    const { keystone, store, clock, demo } = setup();
    const { id } = keystone.issueToken({ userId: demo.id });
    clock.advance(3600_000 + 47 * 3600_000);
    expect(keystone.validateToken(id, { allowExpired: true }).user.id).toBe(demo.id);
    clock.advance(3600_000);
    keystone.issueToken({ userId: demo.id });
    expect(store.tokens.has(id)).toBe(false);
  });

  it('refuses a lifetime that is not positive', () => {
    expect(() => createCloud({ tokenLifetimeSeconds: 0 })).toThrow(RangeError);
  });
});

describe('catalog', () => {
  it('points every region’s endpoints of a service at the URL it is given', () => {
    const { keystone } = setup();
    keystone.setServiceUrls({ compute: 'http://127.0.0.1:1234/v2.1' });
    const compute = keystone.catalog().find((s) => s.type === 'compute');
    expect(compute?.endpoints.map((e) => e.url)).toEqual(Array(4).fill('http://127.0.0.1:1234/v2.1'));
    const image = keystone.catalog().find((s) => s.type === 'image');
    expect(image?.endpoints[0]?.url).toBe('http://image.simulator.invalid');
  });
});

describe('buildSessionSummary', () => {
  it('builds the contract’s session summary from a project token', () => {
    const { keystone, demo } = setup();
    const summary = buildSessionSummary(keystone, keystone.issueToken({ userId: demo.id }).token, { cloud: cloudInfo });
    expect(sessionSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({
      user: { name: 'demo', domain: { id: 'default', name: 'Default' } },
      project: { name: 'demo' },
      roles: ['member', 'reader'],
      region: 'RegionOne',
      regions: ['RegionOne', 'RegionTwo'],
      cloud: cloudInfo,
      readOnly: false,
    });
    expect(summary.projects.map((p) => p.name)).toEqual(['demo', 'demo-staging']);
  });

  it('marks a reader-only session read-only, and refuses an unscoped token', () => {
    const { keystone, store } = setup();
    const reader = [...store.users.values()].find((u) => u.name === 'reader');
    const token = keystone.issueToken({ userId: reader?.id ?? '' }).token;
    expect(buildSessionSummary(keystone, token, { cloud: cloudInfo, region: 'RegionTwo' })).toMatchObject({
      readOnly: true,
      region: 'RegionTwo',
    });
    const unscoped = keystone.issueToken({ userId: reader?.id ?? '', scope: 'unscoped' }).token;
    expect(() => buildSessionSummary(keystone, unscoped, { cloud: cloudInfo })).toThrow();
  });
});
