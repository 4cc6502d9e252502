import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../domain/api';
import { actionIds } from '../domain/compute';
import { projectIds } from '../simulator/core/seed';
import { csrf, type Stack, sessionCookieFrom, startStack } from './testing/stack';

/**
 * The CSRF rule holds for every unsafe method on every route the app registers, however the path
 * is spelled: an attack test stopped a server with `POST /%61pi/servers/ID/actions/stop` from a
 * page on another port, because the check read the raw URL while the router decoded it.
 */

let stack: Stack;
let origin: string;
let cookie: string;
let serverId: string;
let otherServerId: string;
let networkId: string;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

beforeAll(async () => {
  stack = await startStack({ STACKDECK_LOGIN_RATE_LIMIT: '1000' }, { seed: { servers: 20, networks: 4, seed: 5 } });
  origin = await stack.app.listen({ host: '127.0.0.1', port: 0 });
  const login = await stack.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username: 'demo', password: 'demo' } });
  cookie = sessionCookieFrom(login.headers['set-cookie']);
  const servers = [...stack.simulator.cloud.compute.servers.values()];
  const active = servers.filter((s) => s.projectId === projectIds.demo && s.vmState === 'active' && !s.locked && s.taskState === null);
  if (!active[0] || !active[1]) throw new Error('no two active demo servers in the seed');
  serverId = active[0].id;
  otherServerId = active[1].id;
  const network = stack.simulator.cloud.network.networks.values().next().value;
  if (!network) throw new Error('no network in the seed');
  networkId = network.id;
});
afterAll(async () => {
  agent.destroy();
  await stack.close();
});

const unsafeMethods = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Each registered route's path with its parameters filled with real ids (every action for `:action`). */
function concretePaths(url: string): string[] {
  const filled = url.replace(':id', url.startsWith('/api/networks') ? networkId : serverId);
  return filled.includes(':action') ? actionIds.map((a) => filled.replace(':action', a)) : [filled];
}

const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** The same path as a router may read it, written every way that once slipped past a raw-URL check. */
function spellings(path: string): string[] {
  const segments = path.split('/').slice(1);
  const each = (f: (s: string) => string) => `/${segments.map((s) => (s ? f(s) : s)).join('/')}`;
  return [
    path,
    each((s) => hex(s[0] ?? '') + s.slice(1)),
    each((s) => [...s].map(hex).join('')),
    each((s) => `%25${hex(s[0] ?? '').slice(1)}${s.slice(1)}`),
    each((s) => s.toUpperCase()),
    each((s) => (s[0] ?? '').toUpperCase() + s.slice(1)),
    `/${path}`,
    `/.${path}`,
    path.replace('/api/', '/api/./'),
    path.replace('/api/', '/api//'),
    `/x/..${path}`,
    `${path}/`,
    `${path}?next=/`,
    `${origin}${path}`,
  ];
}

const forgeries: Array<{ name: string; headers: Record<string, string> }> = [
  { name: 'no header', headers: {} },
  { name: 'no header, a foreign origin', headers: { origin: 'http://127.0.0.1:1' } },
  { name: 'the header from a foreign origin', headers: { ...csrf, origin: 'http://127.0.0.1:1' } },
  { name: 'the header from a sandboxed frame', headers: { ...csrf, origin: 'null' } },
  { name: 'the header with a wrong value', headers: { 'x-requested-with': 'XMLHttpRequest' } },
];

/** A raw HTTP request: node sends the request target exactly as written (absolute form included). */
function send(method: string, target: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const body = '{}';
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${origin}/`,
      { agent, method, path: target, headers: { ...headers, cookie, 'content-type': 'application/json', 'content-length': String(body.length) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('CSRF on every route', () => {
  it('walks the routes the app registers, unsafe ones included', () => {
    const urls = stack.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(expect.arrayContaining(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/servers/:id/actions/:action']));
  });

  it('refuses every unsafe method on every path, however spelled, without the proof', async () => {
    stack.simulator.requests.clear();
    const paths = [...new Set(stack.app.routeTable.flatMap((r) => concretePaths(r.url)))];
    const accepted: string[] = [];
    let sent = 0;
    for (const path of paths) {
      for (const target of spellings(path)) {
        const batch = unsafeMethods.flatMap((method) =>
          forgeries.map(async ({ name, headers }) => {
            const res = await send(method, target, headers);
            sent += 1;
            const code = res.status === 403 ? errorBodySchema.safeParse(JSON.parse(res.body)).data?.error.code : undefined;
            if (code !== 'auth.csrf') accepted.push(`${method} ${target} (${name}) → ${res.status} ${res.body.slice(0, 120)}`);
          }),
        );
        await Promise.all(batch);
      }
    }
    expect(accepted).toEqual([]);
    expect(sent).toBeGreaterThan(2000);
    // Not one of them reached OpenStack: no sign-in, no action, no sign-out.
    const upstream = (['identity', 'compute', 'network', 'image'] as const).flatMap((s) => stack.simulator.requests.of(s));
    expect(upstream.map((e) => `${e.service} ${e.method} ${e.url}`)).toEqual([]);
    expect(stack.simulator.cloud.compute.servers.get(serverId)?.vmState).toBe('active');
  });

  it('still lets the app itself act, so the refusals above are the rule and not a broken route', async () => {
    const plain = await send('POST', `/api/servers/${serverId}/actions/lock`, { ...csrf, origin });
    expect(plain.status).toBe(202);
    // The router decodes a percent-encoded path to the same route, and the proof is what counts.
    const encoded = await send('POST', `/%61pi/servers/${otherServerId}/actions/lock`, csrf);
    expect(encoded.status).toBe(202);
    expect(stack.simulator.requests.of('compute', /\/action$/).map((e) => e.method)).toEqual(['POST', 'POST']);
  });
});
