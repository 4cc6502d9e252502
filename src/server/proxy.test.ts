import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../domain/api';
import { type Simulator, startSimulator } from '../simulator';
import { simulatorCloudConfig } from './plugins/config';
import { csrf, startBff, type TestBff } from './testing/stack';

/**
 * Who the client is and how it reached us, behind a proxy or not: an attack test made up 15
 * addresses in X-Forwarded-For to guess 15 passwords unlimited, and passed the Origin check with
 * X-Forwarded-Host, while `STACKDECK_TRUST_PROXY=true` trusted whatever any client wrote.
 */

let simulator: Simulator;
const bffs: TestBff[] = [];
beforeAll(async () => {
  simulator = await startSimulator({ seed: { servers: 5, networks: 2 } });
});
afterAll(async () => {
  for (const bff of bffs) await bff.app.close();
  await simulator.close();
});

async function bff(env: Record<string, string>): Promise<TestBff> {
  const started = await startBff(simulatorCloudConfig(simulator.authUrl), { LOG_LEVEL: 'silent', STACKDECK_LOGIN_RATE_LIMIT: '3', ...env });
  bffs.push(started);
  return started;
}

const login = (app: TestBff['app'], headers: Record<string, string>, remoteAddress: string, password = 'wrong') =>
  app.inject({ method: 'POST', url: '/api/auth/login', headers: { ...csrf, ...headers }, remoteAddress, payload: { username: 'demo', password } });

describe('behind one proxy (STACKDECK_TRUST_PROXY=true, one hop)', () => {
  it('counts the address the proxy saw, not the ones a client invents', async () => {
    const { app } = await bff({ STACKDECK_TRUST_PROXY: 'true' });
    const statuses = [];
    for (let i = 0; i < 15; i++) {
      // The proxy appends the address it saw to whatever the client sent.
      const res = await login(app, { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` }, '10.0.0.2');
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, ...Array(12).fill(429)]);
    // Another client behind the same proxy is someone else.
    expect((await login(app, { 'x-forwarded-for': '198.51.100.8' }, '10.0.0.2')).statusCode).toBe(401);
  });

  it('believes the proxy about HTTPS and the public host: Secure cookie, HSTS, and the Origin check on that host', async () => {
    const { app } = await bff({ STACKDECK_TRUST_PROXY: '1' });
    const forwarded = { 'x-forwarded-for': '198.51.100.9', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'cloud.example', origin: 'https://cloud.example' };
    const res = await login(app, forwarded, '10.0.0.2', 'demo');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('behind proxies named by address', () => {
  it('ignores the forwarding headers of a client that is not one of them', async () => {
    const { app } = await bff({ STACKDECK_TRUST_PROXY: '10.0.0.2, 10.1.0.0/16' });
    const forged = { 'x-forwarded-host': 'evil.example', origin: 'http://evil.example', 'x-forwarded-proto': 'https' };
    const direct = await login(app, forged, '192.0.2.50', 'demo');
    expect(direct.statusCode).toBe(403);
    expect(errorBodySchema.parse(direct.json()).error.code).toBe('auth.csrf');

    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(app, { 'x-forwarded-for': `203.0.113.${i}` }, '192.0.2.51')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('takes the client address from one of them', async () => {
    const { app } = await bff({ STACKDECK_TRUST_PROXY: '10.0.0.2, 10.1.0.0/16' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await login(app, { 'x-forwarded-for': `198.51.100.${20 + i}` }, '10.1.4.4')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401]);
  });
});

describe('without a proxy', () => {
  it('ignores every forwarding header', async () => {
    const { app } = await bff({});
    const res = await login(app, { 'x-forwarded-host': 'evil.example', origin: 'http://evil.example' }, '127.0.0.1', 'demo');
    expect(res.statusCode).toBe(403);
    const plain = await login(app, { 'x-forwarded-proto': 'https' }, '127.0.0.1', 'demo');
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('serving HTTPS itself', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'stackdeck-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', join(directory, 'key.pem'), '-out', join(directory, 'cert.pem')], { stdio: 'ignore' });
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('sends HSTS and a Secure cookie', async () => {
    const { app } = await bff({ STACKDECK_TLS_CERT: join(directory, 'cert.pem'), STACKDECK_TLS_KEY: join(directory, 'key.pem') });
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    expect(origin).toMatch(/^https:/);
    const body = JSON.stringify({ username: 'demo', password: 'demo' });
    const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const req = httpsRequest(`${origin}/api/auth/login`, {
        method: 'POST',
        rejectUnauthorized: false,
        headers: { ...csrf, 'content-type': 'application/json', origin },
      }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(res.headers) : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(headers['strict-transport-security']).toBe('max-age=31536000');
    expect(String(headers['set-cookie'])).toMatch(/; Secure/);
  });
});
