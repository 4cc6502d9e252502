import { Agent, request } from 'undici';
import { buildApp } from '../server/app';
import { loadConfig, simulatorCloudConfig } from '../server/plugins/config';

/** The figures a benchmark reports; `npm run bench` writes them all to reports/bench.json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target from docs/architecture.md or the issue; undefined when the figure is informative. */
  budget?: number;
  /** Whether a lower value is better (the default) or a higher one. */
  higherIsBetter?: boolean;
}

export interface Result extends Figure {
  pass: boolean | null;
}

export function judge(figure: Figure): Result {
  if (figure.budget === undefined) return { ...figure, pass: null };
  return { ...figure, pass: figure.higherIsBetter ? figure.value >= figure.budget : figure.value <= figure.budget };
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs `fn` `count` times one after another (after a warm-up) and returns each duration in ms. */
export async function timeSequential(count: number, fn: (i: number) => Promise<unknown>, warmup = 20): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Requests per second with `connections` requests always in flight for `durationMs`: a bounded
 * loop against loopback only, which stops by itself.
 */
export async function throughput(connections: number, durationMs: number, fn: () => Promise<unknown>): Promise<number> {
  const end = performance.now() + durationMs;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      await fn();
      done += 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  return done / ((performance.now() - start) / 1000);
}

/** One GET that must answer 200, its body read and dropped: a timed call, nothing more. */
export async function get(url: string, dispatcher: Agent, headers: Record<string, string>): Promise<void> {
  const res = await request(url, { dispatcher, headers });
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  await res.body.dump();
}

export interface SignedInBff {
  base: string;
  /** The session cookie, to send as `cookie` on each call. */
  cookie: string;
  dispatcher: Agent;
  close(): Promise<void>;
}

/**
 * The BFF on loopback over the cloud at `authUrl`, demo signed in through its API. No static
 * directory: these benchmarks call the API only, so they need no build. The login limit is raised
 * because every benchmark signs in again.
 */
export async function startSignedInBff(authUrl: string, connections: number): Promise<SignedInBff> {
  const config = loadConfig({ LOG_LEVEL: 'warn', STACKDECK_STATIC_DIR: '/nonexistent', STACKDECK_LOGIN_RATE_LIMIT: '1000' });
  config.clouds.push(simulatorCloudConfig(authUrl));
  const app = await buildApp({ config });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const dispatcher = new Agent({ connections });
  const login = await request(`${base}/api/auth/login`, {
    method: 'POST',
    dispatcher,
    headers: { 'content-type': 'application/json', 'x-requested-with': 'stackdeck' },
    body: JSON.stringify({ username: 'demo', password: 'demo' }),
  });
  await login.body.dump();
  const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  return {
    base,
    cookie,
    dispatcher,
    close: async () => {
      await dispatcher.close();
      await app.close();
    },
  };
}
