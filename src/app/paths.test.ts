import { describe, expect, it } from 'vitest';
import { loginHref, safeRedirectTarget } from './paths';

describe('safeRedirectTarget', () => {
  it.each([
    ['/servers', '/servers'],
    ['/networks?q=ext#top', '/networks?q=ext#top'],
    ['/servers/../tasks', '/tasks'],
    // An encoded slash is only a strange path on this origin, not a way out of it.
    ['/%2F/evil.com', '/%2F/evil.com'],
  ])('keeps %s', (next, expected) => {
    expect(safeRedirectTarget(next)).toBe(expected);
  });

  it.each([
    null,
    '',
    'servers',
    '//evil.com',
    '//evil.com/servers',
    '/\\evil.com',
    '/\t/evil.com',
    '\\\\evil.com',
    'https://evil.com',
    'javascript:alert(1)',
    '/login',
    '/login?next=%2Fservers',
  ])('rejects %s', (next) => {
    expect(safeRedirectTarget(next)).toBeUndefined();
  });
});

describe('loginHref', () => {
  it('carries where to come back to, unless that is the default', () => {
    expect(loginHref('/networks?q=a')).toBe('/login?next=%2Fnetworks%3Fq%3Da');
    expect(loginHref('/servers')).toBe('/login');
    expect(loginHref('/')).toBe('/login');
    expect(loginHref('//evil.com')).toBe('/login');
    expect(loginHref('/tasks', 'session_expired')).toBe('/login?next=%2Ftasks&reason=session_expired');
  });
});
