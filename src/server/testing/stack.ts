import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type SimulatorOptions, startSimulator } from '../../simulator';
import { listenOnLoopback } from '../../simulator/http/loopback';
import { createNovaApp } from '../../simulator/nova/app';
import { buildApp, logRedactions } from '../app';
import { type CloudConfig, loadConfig, simulatorCloudConfig } from '../plugins/config';
import { MemorySessionStore } from '../sessions/store';
import type { PollTiming } from '../tasks/tracker';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface TestBff {
  app: FastifyInstance;
  store: MemorySessionStore;
  /** Every log line the BFF wrote, to prove no secret reaches the logs. */
  logs: string[];
  /** Moves the sessions' clock, to expire sessions without waiting. */
  advance(ms: number): void;
}

export interface Stack extends TestBff {
  simulator: Simulator;
  close(): Promise<void>;
}

/** A BFF for one cloud, its logs captured and its session clock movable; closed with `app.close()`. */
export async function startBff(cloud: CloudConfig, env: Record<string, string> = {}, pollTiming?: PollTiming): Promise<TestBff> {
  const config = loadConfig({ STACKDECK_STATIC_DIR: '/nonexistent', ...env });
  config.clouds.push(cloud);
  let offset = 0;
  const now = () => Date.now() + offset;
  const store = new MemorySessionStore(now);
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const app = await buildApp({ config, sessionStore: store, now, logger: { level: 'trace', redact: logRedactions, stream }, ...(pollTiming && { pollTiming }) });
  await app.ready();
  return {
    app,
    store,
    logs,
    advance: (ms) => {
      offset += ms;
    },
  };
}

/** A BFF wired to a fresh simulated cloud over loopback HTTP, as `npm start` wires them. */
export async function startStack(env: Record<string, string> = {}, simulatorOptions: SimulatorOptions = {}, pollTiming?: PollTiming): Promise<Stack> {
  const simulator = await startSimulator(simulatorOptions);
  const bff = await startBff(simulatorCloudConfig(simulator.authUrl), env, pollTiming);
  return {
    ...bff,
    simulator,
    close: async () => {
      await bff.app.close();
      await simulator.close();
    },
  };
}

/**
 * Gives one region a Nova of its own, over the same simulated cloud (same servers, same tokens),
 * so that a test can tell which region's endpoint the BFF called: the simulator's regions share
 * one Nova. Returns the `METHOD path` of every request it received.
 */
export async function serveComputeInRegion(simulator: Simulator, region: string): Promise<{ received: string[]; close(): Promise<void> }> {
  const nova = createNovaApp(simulator.cloud);
  const received: string[] = [];
  nova.addHook('onRequest', async (request) => {
    received.push(`${request.method} ${request.url}`);
  });
  const origin = await listenOnLoopback(nova);
  const { store } = simulator.cloud;
  for (const endpoint of store.endpoints.values()) {
    if (endpoint.regionId === region && store.services.get(endpoint.serviceId)?.type === 'compute') endpoint.url = `${origin}/v2.1`;
  }
  return { received, close: () => nova.close() };
}

export const csrf = { 'x-requested-with': 'stackdeck' };

/** The `name=value` of the session cookie from a Set-Cookie header, ready to send back. */
export function sessionCookieFrom(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('\n') : (setCookie ?? '');
  const match = /stackdeck_session=([^;]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `stackdeck_session=${match[1]}`;
}
