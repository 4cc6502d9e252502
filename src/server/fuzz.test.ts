import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../domain/api';
import { projectIds } from '../simulator/core/seed';
import { simulatorCloudConfig } from './plugins/config';
import {
  bodyBytes,
  canary,
  encode,
  fill,
  type FuzzCase,
  fuzzCases,
  type RawCase,
  rawCases,
} from './testing/hostile';
import { csrf, type Stack, sessionCookieFrom, startBff, startStack, type TestBff } from './testing/stack';

/**
 * Hostile values on every route the app registers, generated from a seed: path parameters, query
 * strings, headers, cookies and JSON bodies (encoded traversal, absolute URLs, `@host`, CRLF, NUL,
 * over-long and look-alike ids, prototype-pollution keys, deep and huge JSON). It holds when no
 * answer is a 5xx, nothing crashes, every error is the contract's shape with no token in it, and
 * OpenStack is only ever asked at its catalog endpoints under their API paths: counted where the
 * BFF sends (undici's diagnostics channel), where the simulator receives (its journal) and at a
 * decoy loopback server that the hostile values point at and nothing may call.
 *
 * FUZZ_SEED picks other requests (a failure names its seed and case), FUZZ_RUNS how many,
 * FUZZ_CASE (or FUZZ_RAW_CASE) replays one case of a seed, FUZZ_STATS=file writes how far the
 * requests got by route and error code.
 */

const seed = Number(process.env.FUZZ_SEED ?? 14_2024);
const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const rawRuns = Number(process.env.FUZZ_RAW_RUNS ?? 600);
const only = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
const onlyRaw = process.env.FUZZ_RAW_CASE === undefined ? undefined : Number(process.env.FUZZ_RAW_CASE);
/** The Host inject() sends unless a case names its own, so the app's own origin there. */
const injectHost = 'localhost:80';
const replay = (kind: 'FUZZ_CASE' | 'FUZZ_RAW_CASE') => `FUZZ_SEED=${seed} ${kind}=<n> npx vitest run src/server/fuzz.test.ts`;

/** In flight at once: enough to interleave sessions and tasks, few enough for a 2-core machine. */
const concurrency = 16;

interface Target {
  name: string;
  bff: TestBff;
  /** The demo user's session, for every route but those that end or replace a session. */
  main: { id: string; cookie: string };
  /** Another user's session for sign-in, scope and sign-out, which end or replace the one they are sent with. */
  spare: { id: string; cookie: string };
  cursors: Record<string, { query: string; cursor: string }>;
  task: string;
}

/** Routes that end or replace the session they are sent with. */
const sessionConsuming = new Set(['/api/auth/login', '/api/auth/scope', '/api/auth/logout', '/api/auth/logout-everywhere']);

let stack: Stack;
let proxied: TestBff;
let targets: Target[];
let origin: string;
let decoy: Server;
let decoyPort: number;
const decoyHits: string[] = [];
const ids: Record<string, string> = {};

/** Every request the BFFs sent upstream, as undici saw it leave, and whether a client's header went with it. */
const sent: Array<{ origin: string; method: string; path: string; clientHeader: boolean }> = [];
const onRequestCreate = (message: unknown): void => {
  const { request } = message as { request: { origin: unknown; method: string; path: string; headers: unknown } };
  const headers = Array.isArray(request.headers) ? request.headers.map(String) : [String(request.headers)];
  sent.push({ origin: String(request.origin), method: request.method, path: request.path, clientHeader: headers.some((h) => h.includes(canary)) });
};
const crashes: unknown[] = [];
const onCrash = (error: unknown): void => {
  crashes.push(error);
};

async function signIn(bff: TestBff, username: string): Promise<{ id: string; cookie: string }> {
  const res = await bff.app.inject({ method: 'POST', url: '/api/auth/login', headers: csrf, payload: { username, password: username } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username}: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieFrom(res.headers['set-cookie']);
  return { id: cookie.split('=')[1] ?? '', cookie };
}

async function firstPageCursor(bff: TestBff, cookie: string, path: string, query: string): Promise<{ query: string; cursor: string }> {
  const res = await bff.app.inject({ method: 'GET', url: `${path}?${query}`, headers: { cookie } });
  const next = (res.json() as { next?: string | null }).next;
  if (res.statusCode !== 200 || !next) throw new Error(`no second page of ${path}?${query}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return { query, cursor: next };
}

async function prepare(name: string, bff: TestBff, serverForTask: string): Promise<Target> {
  const main = await signIn(bff, 'demo');
  const spare = await signIn(bff, 'admin');
  const task = await bff.app.inject({ method: 'POST', url: `/api/servers/${serverForTask}/actions/lock`, headers: { ...csrf, cookie: main.cookie }, payload: {} });
  if (task.statusCode !== 202) throw new Error(`no task to point at: ${task.statusCode} ${task.body}`);
  return {
    name,
    bff,
    main,
    spare,
    task: (task.json() as { task: { id: string } }).task.id,
    cursors: {
      '/api/servers': await firstPageCursor(bff, main.cookie, '/api/servers', 'limit=2'),
      '/api/networks': await firstPageCursor(bff, main.cookie, '/api/networks', 'limit=1'),
      '/api/networks/:id/ports': await firstPageCursor(bff, main.cookie, `/api/networks/${ids.NETWORK}/ports`, 'limit=1'),
    },
  };
}

beforeAll(async () => {
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  decoy = createServer((req, res) => {
    decoyHits.push(`${req.method} ${req.url}`);
    res.end();
  });
  decoy.on('connection', () => decoyHits.push('(connection)'));
  await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve));
  decoyPort = (decoy.address() as { port: number }).port;

  // Sign-in failures are part of the fuzz: the limit would turn most of them into 429s.
  const env = { STACKDECK_LOGIN_RATE_LIMIT: '1000000' };
  stack = await startStack(env, { seed: { servers: 40, networks: 8, seed: 14 } });
  proxied = await startBff(simulatorCloudConfig(stack.simulator.authUrl), { ...env, STACKDECK_TRUST_PROXY: '1' });
  origin = await stack.app.listen({ host: '127.0.0.1', port: 0 });

  const { cloud } = stack.simulator;
  const servers = [...cloud.compute.servers.values()].filter((s) => s.deletedAt === null);
  const idle = servers.filter((s) => s.projectId === projectIds.demo && s.vmState === 'active' && !s.locked && s.taskState === null);
  const other = servers.find((s) => s.projectId !== projectIds.demo);
  const network = [...cloud.network.networks.values()].find((n) => [...cloud.network.ports.values()].filter((p) => p.networkId === n.id).length > 1);
  const image = [...cloud.images.images.values()].find((i) => i.status === 'active');
  const flavor = cloud.compute.flavors.values().next().value;
  if (idle.length < 4 || !other || !network || !image || !flavor) throw new Error('the seed lacks a server, network, image or flavor the fuzz points at');
  Object.assign(ids, {
    SERVER: idle[0]?.id,
    SERVER2: idle[1]?.id,
    OTHER_SERVER: other.id,
    NETWORK: network.id,
    IMAGE: image.id,
    FLAVOR: flavor.id,
    PROJECT: projectIds.demoStaging,
    OTHER_PROJECT: projectIds.admin,
    DECOY: `127.0.0.1:${decoyPort}`,
    DECOY_PORT: String(decoyPort),
  });
  targets = [await prepare('direct', stack, idle[2]?.id ?? ''), await prepare('behind a proxy', proxied, idle[3]?.id ?? '')];
  stack.simulator.requests.clear();
  subscribe('undici:request:create', onRequestCreate);
}, 60_000);

afterAll(async () => {
  unsubscribe('undici:request:create', onRequestCreate);
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
  await proxied?.app.close();
  await stack?.close();
  await new Promise((resolve) => decoy?.close(resolve));
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** What every answer must be, whatever was asked. */
function problemsWith(res: Answer, method: string, fromApp: boolean): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`status ${res.status}`);
  if (res.headers['access-control-allow-origin'] !== undefined) problems.push(`CORS granted to ${String(res.headers['access-control-allow-origin'])}`);
  const head = Object.entries(res.headers).map(([k, v]) => `${k}: ${String(v)}`);
  if (head.some((line) => ['\r', '\n', '\u0000'].some((c) => line.includes(c)))) problems.push('a header carries CR, LF or NUL');
  const location = res.headers.location;
  if (location !== undefined && !/^\/(?![/\\])/.test(String(location))) problems.push(`redirects away: ${String(location)}`);
  if (/gAAAAA[A-Za-z0-9_-]{20}/.test(res.body) || head.some((line) => /gAAAAA[A-Za-z0-9_-]{20}/.test(line))) problems.push('a Keystone token in the answer');
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('json') && /[\r\n]/.test(res.body)) problems.push('raw CR or LF in a JSON body');
  if (fromApp && res.status >= 400 && method !== 'HEAD' && res.body !== '') {
    let json: unknown;
    try {
      json = JSON.parse(res.body);
    } catch {
      json = undefined;
    }
    if (!errorBodySchema.safeParse(json).success) problems.push(`not the contract's error shape: ${res.body.slice(0, 200)}`);
  }
  return problems;
}

/** The values the placeholders stand for, for one target and transport. */
function lookup(target: Target, host: string): (name: string) => string | undefined {
  return (name) => {
    switch (name) {
      case 'SESSION':
        return target.main.id;
      case 'TASK':
        return target.task;
      case 'HOST':
        return host;
      case 'ORIGIN':
        return `http://${host}`;
      default:
        return ids[name];
    }
  };
}

function forge(cursor: string, forged: NonNullable<FuzzCase['cursor']>, fillIn: (s: string) => string): string {
  const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v: number; q: string; s: unknown[] };
  const write = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const middle = Math.floor(cursor.length / 2);
  switch (forged.tamper) {
    case 'none':
      return cursor;
    case 'markers':
      return write({ ...state, s: state.s.map(() => (forged.markers ? { m: forged.markers.map(fillIn) } : null)) });
    case 'flip':
      return `${cursor.slice(0, middle)}${cursor[middle] === 'A' ? 'B' : 'A'}${cursor.slice(middle + 1)}`;
    case 'truncate':
      return cursor.slice(0, middle);
    case 'pad':
      return `${cursor}==`;
    case 'sources':
      return write({ ...state, s: [...state.s, ...state.s, ...state.s] });
    case 'version':
      return write({ ...state, v: 2 });
  }
}

interface Built {
  method: string;
  url: string;
  headers: Record<string, string | string[]>;
  body: Buffer | undefined;
}

function build(c: FuzzCase, target: Target, host: string): Built {
  const fillIn = (s: string) => fill(s, lookup(target, host));
  const path = `/${c.path.map((p) => ('literal' in p ? p.literal : encode(fillIn(p.value), p.encoding))).join('/')}`;
  let query = c.query
    .map((q) => ('raw' in q ? fillIn(q.raw) : `${encode(fillIn(q.key), q.keyEncoding)}=${encode(fillIn(q.value), q.valueEncoding)}`))
    .join('&');
  const baseline = target.cursors[c.route];
  if (baseline) query = query.replaceAll(encodeURIComponent('{{CURSOR}}'), baseline.cursor).replaceAll('{{CURSOR}}', baseline.cursor);
  if (c.cursor && baseline) query = `${baseline.query}&marker=${encodeURIComponent(forge(baseline.cursor, c.cursor, fillIn))}`;

  const headers: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    const prior = headers[key];
    headers[key] = prior === undefined ? value : [prior, value].flat();
  };
  const session = sessionConsuming.has(c.route) ? target.spare : target.main;
  if (c.who.kind === 'session') add('cookie', session.cookie);
  if (c.who.kind === 'cookie') add('cookie', fillIn(c.who.cookie));
  if (c.csrf !== null) add('x-requested-with', c.csrf);
  if (c.origin !== null) add('origin', fillIn(c.origin));
  for (const [name, value] of c.headers) add(name, fillIn(value));
  const body = c.body ? bodyBytes(c.body.payload, fillIn) : undefined;
  if (c.body?.contentType !== null && c.body?.contentType !== undefined) add('content-type', c.body.contentType);

  return { method: c.method, url: query ? `${path}?${query}` : path, headers, body };
}

/** Could reach the task stream with a live session (the path, however encoded, names tasks). */
function mayStream(c: FuzzCase): boolean {
  const path = c.path.map((p) => ('literal' in p ? p.literal : p.value)).join('/');
  const decoded = [path, safeDecode(path), safeDecode(safeDecode(path))].join(' ').toLowerCase();
  return c.who.kind !== 'anonymous' && decoded.includes('tasks');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function describeRequest(b: Built, target: Target): string {
  const headers = Object.entries(b.headers).map(([k, v]) => `${k}: ${JSON.stringify(v).replaceAll(target.main.id, '<session>').replaceAll(target.spare.id, '<spare session>')}`);
  const body = b.body === undefined ? '' : ` body(${b.body.length} B): ${JSON.stringify(b.body.subarray(0, 300).toString('utf8'))}`;
  return `[${target.name}] ${b.method} ${JSON.stringify(b.url.slice(0, 400))} {${headers.join('; ').slice(0, 600)}}${body}`;
}

/**
 * Sends bytes exactly as written and reads one answer: to the end of its body, or only its head
 * for an event stream (which never ends by itself).
 */
function rawExchange(request: Buffer, head = false, timeoutMs = 5000): Promise<Answer | 'timeout'> {
  const { port } = new URL(origin);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let data = Buffer.alloc(0);
    let settled = false;
    const finish = (answer: Answer | 'timeout') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const parse = (ended: boolean): void => {
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) {
        if (ended) finish({ status: 0, headers: {}, body: data.toString('latin1') });
        return;
      }
      const [statusLine = '', ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Answer['headers'] = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const status = Number(statusLine.split(' ')[1]);
      // An informational answer (100 Continue) comes before the real one.
      if (status >= 100 && status < 200 && status !== 101) {
        data = data.subarray(end + 4);
        parse(ended);
        return;
      }
      const rest = data.subarray(end + 4);
      const length = Number(headers['content-length'] ?? Number.NaN);
      const stream = String(headers['content-type'] ?? '').startsWith('text/event-stream');
      const chunkedDone = headers['transfer-encoding'] === 'chunked' && rest.includes('0\r\n\r\n');
      // A HEAD answer has no body whatever its Content-Length says: what follows is another answer.
      if (head) {
        finish({ status, headers, body: '' });
        return;
      }
      if (stream || status === 101 || status === 304 || status === 204 || (Number.isFinite(length) && rest.length >= length) || chunkedDone || ended) {
        finish({ status, headers, body: stream ? '' : rest.toString('utf8') });
      }
    };
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      parse(false);
    });
    socket.on('end', () => parse(true));
    socket.on('error', () => parse(true));
    socket.write(request);
  });
}

/** A built request over a socket, its header values as they are (CR and LF included). */
function overSocket(b: Built): Promise<Answer | 'timeout'> {
  // The target as inject() would have sent it (WHATWG-parsed), so only the transport differs.
  const url = new URL(b.url.startsWith('//') ? `http://localhost${b.url}` : b.url, 'http://localhost');
  const lines = [`${b.method} ${url.pathname}${url.search} HTTP/1.1`, `host: ${new URL(origin).host}`];
  for (const [name, value] of Object.entries(b.headers)) for (const v of [value].flat()) lines.push(`${name}: ${v}`);
  lines.push(`content-length: ${b.body?.length ?? 0}`, 'connection: close');
  return rawExchange(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'utf8'), b.body ?? Buffer.alloc(0)]), b.method.toUpperCase() === 'HEAD');
}

const servicePaths: Record<string, RegExp> = {
  identity: /^\/(v3(\/|$)|$)/,
  compute: /^\/(v2\.1(\/|$)|$)/,
  network: /^\/(v2\.0(\/|$)|$)/,
  image: /^\/(v2(\/|$)|$)/,
};

/** Every segment one the BFF could have built from a validated value: nothing encoded, no dot segment, no empty one. */
function cleanPath(path: string): boolean {
  const segments = path.split('/').slice(1);
  return segments.every((s, i) => (s === '' ? i === segments.length - 1 : /^[A-Za-z0-9_.~:-]+$/.test(s) && s !== '.' && s !== '..'));
}

/** What the simulator received since the last look: each at its service's API path, built from validated values. */
function drainJournal(into: string[]): number {
  const { requests } = stack.simulator;
  const entries = Object.keys(servicePaths).flatMap((service) => requests.of(service));
  requests.clear();
  for (const e of entries) {
    const path = e.url.split('?')[0] ?? '';
    if (!servicePaths[e.service]?.test(path) || !cleanPath(path)) into.push(`${e.service} received ${e.method} ${e.url}`);
  }
  return entries.length;
}

describe(`fuzz over every route (FUZZ_SEED=${seed})`, () => {
  const statuses = new Map<string, Map<number | string, number>>();
  let answered = 0;

  it('enumerates the routes the app registers', () => {
    expect(stack.app.routeTable.length).toBeGreaterThan(20);
    expect(stack.app.routeTable.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/servers/:id', 'POST /api/servers/:id/actions/:action']));
  });

  it(`answers ${runs} generated hostile requests without a 5xx, a crash, or a call outside the catalog`, async () => {
    // HEAD is the GET handler again; the stream is reached through its GET (over a socket).
    const routes = stack.app.routeTable.filter((r) => r.method !== 'HEAD');
    const t0 = performance.now();
    const cases: Array<FuzzCase | undefined> = fc.sample(fuzzCases(routes), { seed, numRuns: runs });
    const genMs = performance.now() - t0;
    const failures: string[] = [];
    const upstream: string[] = [];
    let journalled = 0;
    const indices = onlyRaw !== undefined ? [] : only === undefined ? cases.map((_, i) => i) : [only];

    for (let start = 0; start < indices.length; start += concurrency) {
      for (const target of targets) {
        if (!(await target.bff.store.get(target.main.id))) target.main = await signIn(target.bff, 'demo');
        if (!(await target.bff.store.get(target.spare.id))) target.spare = await signIn(target.bff, 'admin');
      }
      await Promise.all(
        indices.slice(start, start + concurrency).map(async (index) => {
          const c = cases[index];
          if (!c) return;
          // Huge and deep payloads add up over ten thousand cases: let each go once sent.
          cases[index] = undefined;
          // The stream never ends by itself: a case that may reach it goes over a socket to the
          // listening BFF, which can stop reading. One in five others goes to the BFF that trusts
          // one proxy, where X-Forwarded-* count.
          const viaSocket = mayStream(c);
          const target = (targets[!viaSocket && index % 5 === 4 ? 1 : 0] ?? targets[0]) as Target;
          const b = build(c, target, viaSocket ? new URL(origin).host : injectHost);
          let answer: Answer | 'timeout';
          try {
            if (viaSocket) {
              answer = await overSocket(b);
            } else {
              const res = await target.bff.app.inject({ method: b.method as 'GET', url: b.url, headers: b.headers, ...(b.body && { payload: b.body }), signal: AbortSignal.timeout(15_000) });
              answer = { status: res.statusCode, headers: res.headers, body: res.body };
            }
          } catch (error) {
            failures.push(`#${index} ${describeRequest(b, target)} → threw ${String(error)}`);
            return;
          }
          answered += 1;
          if (answer === 'timeout') {
            failures.push(`#${index} ${describeRequest(b, target)} → no answer in 5 s`);
            return;
          }
          const byRoute = statuses.get(c.route) ?? new Map<number | string, number>();
          const code = /"code":"([^"]+)"/.exec(answer.body)?.[1] ?? '';
          byRoute.set(`${answer.status} ${code}`, (byRoute.get(`${answer.status} ${code}`) ?? 0) + 1);
          statuses.set(c.route, byRoute);
          // Over a socket, Node's parser refuses what it cannot read before the app sees it; the
          // app's own answers carry its request id.
          const fromApp = !viaSocket || answer.headers['x-request-id'] !== undefined;
          const problems = problemsWith(answer, b.method, fromApp);
          if (problems.length > 0) failures.push(`#${index} ${describeRequest(b, target)} → ${answer.status}: ${problems.join('; ')} ${answer.body.slice(0, 300)}`);
        }),
      );
      const drained = drainJournal(upstream);
      // The journal keeps its last 2000: a batch that overflowed it would have hidden some.
      expect(drained, 'a batch sent more upstream requests than the journal keeps: lower the concurrency').toBeLessThan(2000);
      journalled += drained;
    }

    if (process.env.FUZZ_STATS) {
      // How far the requests got, route by route: the way to see that a change to the generator
      // still reaches the handlers and not only the guards in front of them.
      const byRoute = Object.fromEntries([...statuses].map(([route, counts]) => [route, Object.fromEntries(counts)]));
      writeFileSync(process.env.FUZZ_STATS, JSON.stringify({ seed, runs, generatedMs: genMs, journalled, sent: sent.length, byRoute }, null, 1));
    }
    const report = `${failures.length} of ${indices.length} failed (first 25 below). Replay one: ${replay('FUZZ_CASE')}\n${failures.slice(0, 25).join('\n')}`;
    expect(failures, report).toEqual([]);
    expect(upstream, 'the simulator was asked outside its services’ API paths').toEqual([]);
    expect(crashes).toEqual([]);
    if (only === undefined) {
      expect(answered).toBeGreaterThanOrEqual(runs * 0.9);
      // The fuzz reached the handlers, not only the guards in front of them.
      expect(journalled).toBeGreaterThan(runs / 10);
      for (const route of routes.map((r) => r.url)) expect([...(statuses.get(route)?.values() ?? [])].reduce((a, b) => a + b, 0), route).toBeGreaterThan(runs / 400);
      const ok = [...statuses.values()].flatMap((m) => [...m.entries()]).filter(([status]) => Number.parseInt(String(status)) < 300).reduce((a, [, n]) => a + n, 0);
      expect(ok, 'too few requests got through to a handler to mean anything').toBeGreaterThan(runs / 20);
    }
  }, 600_000);

  it(`answers ${rawRuns} requests written byte by byte (request targets, header framing) without a 5xx or a hang`, async () => {
    const cases = fc.sample(rawCases, { seed, numRuns: rawRuns });
    const target = targets[0] as Target;
    const failures: string[] = [];
    const upstream: string[] = [];
    const host = new URL(origin).host;
    const indices = onlyRaw !== undefined ? [onlyRaw] : only === undefined ? cases.map((_, i) => i) : [];
    for (let start = 0; start < indices.length; start += concurrency) {
      if (!(await target.bff.store.get(target.main.id))) target.main = await signIn(target.bff, 'demo');
      await Promise.all(
        indices.slice(start, start + concurrency).map(async (index) => {
          const c = cases[index] as RawCase;
          const fillIn = (s: string) => fill(s, lookup(target, host));
          const request = rawRequest(c, fillIn, target.main.cookie);
          const answer = await rawExchange(request, c.method.toUpperCase() === 'HEAD');
          const shown = `#${index} ${JSON.stringify(request.subarray(0, 300).toString('utf8').replaceAll(target.main.id, '<session>'))}`;
          if (answer === 'timeout') {
            failures.push(`${shown} → no answer in 5 s`);
            return;
          }
          // Node's parser refuses malformed requests before the app sees them; only the app's answers carry a request id.
          const fromApp = answer.headers['x-request-id'] !== undefined;
          const problems = problemsWith(answer, c.method.toUpperCase(), fromApp);
          // Node closes a CONNECT when nothing listens for tunnels: no answer is the right one.
          if (answer.status === 0 && c.method !== 'CONNECT') problems.push('the connection closed without an answer');
          if (problems.length > 0) failures.push(`${shown} → ${answer.status}: ${problems.join('; ')}`);
        }),
      );
      drainJournal(upstream);
    }
    expect(failures, `${failures.length} failed; replay one: ${replay('FUZZ_RAW_CASE')}\n${failures.slice(0, 25).join('\n')}`).toEqual([]);
    expect(upstream).toEqual([]);
  }, 300_000);

  it('sent OpenStack requests only to the catalog endpoints, under their API paths, with none of the client’s headers', () => {
    const endpoints = stack.simulator.endpoints;
    const origins = new Map(Object.entries(endpoints).map(([service, url]) => [new URL(url).origin, service]));
    const outside = sent.filter((r) => {
      const service = origins.get(r.origin.replace(/\/$/, ''));
      const path = r.path.split('?')[0] ?? '';
      return !service || !servicePaths[service]?.test(path) || !cleanPath(path);
    });
    expect(outside.map((r) => `${r.method} ${r.origin}${r.path}`)).toEqual([]);
    expect(sent.filter((r) => r.clientHeader).map((r) => `${r.method} ${r.origin}${r.path}`)).toEqual([]);
    if (only === undefined && onlyRaw === undefined) expect(sent.length).toBeGreaterThan(runs / 10);
    expect(decoyHits).toEqual([]);
    expect(crashes).toEqual([]);
  });

  it('kept every Keystone token out of the logs', () => {
    const tokens = [...stack.simulator.cloud.store.tokens.keys()];
    expect(tokens.length).toBeGreaterThan(2);
    for (const bff of [stack, proxied]) {
      const logs = bff.logs.join('');
      expect(logs.length).toBeGreaterThan(0);
      // A piece from the middle too, so a token cut short or logged without its prefix is found.
      expect(tokens.filter((t) => logs.includes(t.slice(20, 60)))).toEqual([]);
      expect(logs).not.toMatch(/gAAAAA[A-Za-z0-9_-]{20}/);
    }
  }, 120_000);

  it('still serves the app afterwards', async () => {
    const target = targets[0] as Target;
    if (!(await target.bff.store.get(target.main.id))) target.main = await signIn(target.bff, 'demo');
    const res = await stack.app.inject({ method: 'GET', url: '/api/servers?limit=5', headers: { cookie: target.main.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await stack.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

function rawRequest(c: RawCase, fillIn: (s: string) => string, cookie: string): Buffer {
  const lines = [`${c.method} ${fillIn(c.target)} ${c.version}`];
  const headers = c.headers.map((h) => (h === '{{COOKIE}}' ? `Cookie: ${cookie}` : fillIn(h)));
  if (!headers.some((h) => /^host:/i.test(h))) lines.push(`Host: ${new URL(origin).host}`);
  lines.push(...headers);
  if (!headers.some((h) => /^(content-length|transfer-encoding):/i.test(h))) lines.push(`Content-Length: ${Buffer.byteLength(c.body)}`);
  lines.push('Connection: close');
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${c.body}`, 'utf8');
}
