// Reading a server the check created, and the states it goes through while a task runs: polled
// on the real cloud, every step walked on the simulator.
import type { ServerState } from './sequence';
import type { Side } from './sides';

export const version = '2.93';

export interface NovaServer {
  status: string;
  'OS-EXT-STS:task_state': string | null;
  'OS-EXT-STS:vm_state': string;
  'OS-EXT-STS:power_state': number;
  addresses: Record<string, unknown[]>;
}

/** Once Nova answers 404 the server is gone: its vm_state is `deleted` and no task is left. */
export const gone: ServerState = { status: '(404)', taskState: null, vmState: 'deleted' };

export const stateOf = (s: NovaServer | undefined): ServerState =>
  s ? { status: s.status, taskState: s['OS-EXT-STS:task_state'], vmState: s['OS-EXT-STS:vm_state'] } : gone;

/** The server, or undefined once Nova no longer finds it. */
export async function read(side: Side, id: string): Promise<NovaServer | undefined> {
  const reply = await side.nova(`/servers/${id}`, { version });
  const server = (reply.body as { server?: NovaServer }).server;
  if (server) return server;
  if (reply.status === 404) return undefined;
  throw new Error(`${side.name}: GET /servers/${id} answered ${reply.status}`);
}

export async function show(side: Side, id: string): Promise<NovaServer> {
  const server = await read(side, id);
  if (!server) throw new Error(`${side.name}: GET /servers/${id} answered 404`);
  return server;
}

/**
 * The states after a request up to the one `done` accepts. The real cloud is polled as fast as it
 * answers (quick states may be missed); the simulator is read at each step of its task.
 */
export async function watch(side: Side, id: string, done: (s: NovaServer | undefined) => boolean, label: string): Promise<Array<NovaServer | undefined>> {
  if (side.walk) return side.walk(id, () => read(side, id));
  const seen: Array<NovaServer | undefined> = [];
  const deadline = Date.now() + 90_000;
  for (;;) {
    const now = await read(side, id);
    seen.push(now);
    if (done(now)) return seen;
    if (Date.now() > deadline) throw new Error(`${side.name}: ${label} did not end: ${JSON.stringify(stateOf(now))}`);
  }
}
