import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { type SimulatorOptions, startSimulator } from '../../simulator';
import { buildApp, logRedactions } from '../app';
import { loadConfig, simulatorCloudConfig } from '../plugins/config';
import { MemorySessionStore } from '../sessions/store';
import type { PollTiming } from '../tasks/tracker';

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;

export interface Stack {
  app: FastifyInstance;
  simulator: Simulator;
  store: MemorySessionStore;
  /** Every log line the BFF wrote, to prove no secret reaches the logs. */
  logs: string[];
  /** Moves the session store's clock, to expire sessions without waiting. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** A BFF wired to a fresh simulated cloud over loopback HTTP, as `npm start` wires them. */
export async function startStack(env: Record<string, string> = {}, simulatorOptions: SimulatorOptions = {}, pollTiming?: PollTiming): Promise<Stack> {
  const simulator = await startSimulator(simulatorOptions);
  const config = loadConfig({ STACKDECK_STATIC_DIR: '/nonexistent', ...env });
  config.clouds.push(simulatorCloudConfig(simulator.authUrl));
  let offset = 0;
  const store = new MemorySessionStore(() => Date.now() + offset);
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const app = await buildApp({ config, sessionStore: store, logger: { level: 'trace', redact: logRedactions, stream }, ...(pollTiming && { pollTiming }) });
  await app.ready();
  return {
    app,
    simulator,
    store,
    logs,
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      await app.close();
      await simulator.close();
    },
  };
}

export const csrf = { 'x-requested-with': 'stackdeck' };

/** The `name=value` of the session cookie from a Set-Cookie header, ready to send back. */
export function sessionCookieFrom(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('\n') : (setCookie ?? '');
  const match = /stackdeck_session=([^;]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `stackdeck_session=${match[1]}`;
}
