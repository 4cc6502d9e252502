import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, sessionSummarySchema } from '../domain/api';
import { csrf, type Stack, sessionCookieFrom, startStack } from './testing/stack';

let stack: Stack;
let base: string;
beforeAll(async () => {
  stack = await startStack();
  base = await stack.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => stack.close());

describe('the BFF over real HTTP', () => {
  it('signs in, reads the session with the cookie, and signs out', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { ...csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin' }),
    });
    expect(login.status).toBe(200);
    expect(sessionSummarySchema.parse(await login.json()).roles).toContain('admin');
    const cookie = sessionCookieFrom(login.headers.getSetCookie());

    const session = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    expect(session.headers.get('cache-control')).toBe('no-store');

    const logout = await fetch(`${base}/api/auth/logout`, { method: 'POST', headers: { ...csrf, cookie, 'content-type': 'application/json' }, body: '{}' });
    expect(logout.status).toBe(204);
    expect((await fetch(`${base}/api/auth/session`, { headers: { cookie } })).status).toBe(401);
  });

  it('sends strict security headers', async () => {
    const res = await fetch(`${base}/healthz`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self';");
    // A nonce admits elements of an HTML page; a JSON answer has none to admit.
    expect(csp).not.toContain('nonce-');
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers what the router refuses by itself in the contract’s shape, with the security headers and without the path', async () => {
    for (const [path, status, code] of [
      ['/api/servers/%', 400, 'request.malformed'],
      [`/api/servers/%0D${'f'.repeat(120)}/console`, 404, 'not_found'],
    ] as const) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(status);
      const body = errorBodySchema.parse(await res.json());
      expect(body.error.code).toBe(code);
      expect(JSON.stringify(body)).not.toContain('fff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-request-id')).toBe(body.error.requestId);
    }
  });

  it('offers no HEAD on the task stream, which would never answer and hold a stream slot', async () => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { ...csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'demo' }),
    });
    const cookie = sessionCookieFrom(login.headers.getSetCookie());
    const res = await fetch(`${base}/api/tasks/stream`, { method: 'HEAD', headers: { cookie }, signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(404);
  });
});

