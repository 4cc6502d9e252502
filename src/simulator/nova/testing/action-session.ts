// Test helpers for server actions: a simulator on a virtual clock, a member's, an admin's and a
// reader's token, POST/DELETE calls, and fresh servers in any state so no test leans on the seed.
import { createClock, type VirtualClock } from '../../core/clock';
import { PowerState, type Server } from '../../core/compute/model';
import { addPort, portsOfDevice } from '../../core/network/model';
import { projectIds } from '../../core/seed';
import type { SimulatorOptions } from '../../index';
import { issueToken, passwordAuth } from '../../testing/keystone-client';
import { type CallOptions, type NovaSession, startNovaSession } from './nova-session';

export interface RawReply {
  status: number;
  /** The parsed JSON body, or null for an empty one. */
  body: Record<string, unknown> | null;
  headers: Headers;
}

export interface ActionSession extends NovaSession {
  clock: VirtualClock;
  /** reader, with only the reader role in the demo project. */
  reader: string;
  /** POSTs `/servers`; a string body is sent as is. */
  create(body: unknown, options?: CallOptions): Promise<RawReply>;
  /** POSTs `/servers/{id}/action`; a string body is sent as is. */
  action(id: string, body: unknown, options?: CallOptions): Promise<RawReply>;
  remove(id: string, options?: CallOptions): Promise<RawReply>;
  /** A new server in the demo project, active on a host with one port, then `overrides`. */
  addServer(overrides?: Partial<Server>): Server;
  /** The server as the store holds it after the clock moves `ms` and a read settles it. */
  after(ms: number, id: string): Promise<Record<string, unknown>>;
}

export async function startActionSession(options: SimulatorOptions = {}): Promise<ActionSession> {
  const clock = createClock({ virtual: true });
  const session = await startNovaSession({ clock, seed: { servers: 30, networks: 6 }, ...options });
  const scope = { project: { name: 'demo', domain: { name: 'Default' } } };
  const reader = (await issueToken(session.sim.authUrl, passwordAuth({ name: 'reader', domain: { name: 'Default' }, password: 'reader' }, scope))).id;
  const cloud = session.sim.cloud;
  const template = [...cloud.compute.servers.values()].find((s) => s.projectId === projectIds.demo && s.vmState === 'active' && !s.locked && s.imageId !== '' && portsOfDevice(cloud.network, s.id).length > 0);
  if (!template) throw new Error('the seed has no plain active demo server to copy');
  // cirros: min_disk 1 GB, so resizes between the seeded flavors pass the image check.
  const cirros = [...cloud.images.images.values()].find((image) => image.name.startsWith('cirros')) as { id: string };

  const send = async (method: string, path: string, body: unknown, { mv, token = session.member, headers = {} }: CallOptions = {}): Promise<RawReply> => {
    const sent: Record<string, string> = { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers };
    if (token) sent['x-auth-token'] = token;
    if (mv) sent['openstack-api-version'] = `compute ${mv}`;
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(`${session.compute}${path}`, { method, headers: sent, ...(payload === undefined ? {} : { body: payload }) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, headers: response.headers };
  };

  return {
    ...session,
    clock,
    reader,
    create: (body, options) => send('POST', '/servers', body, options),
    action: (id, body, options) => send('POST', `/servers/${id}/action`, body, options),
    remove: (id, options) => send('DELETE', `/servers/${id}`, undefined, options),
    addServer(overrides = {}) {
      const id = crypto.randomUUID();
      const now = clock.now();
      const server: Server = {
        ...structuredClone({ ...template, pendingSteps: [] }),
        id,
        name: `test-${id.slice(0, 8)}`,
        createdAt: now - 86_400_000,
        updatedAt: now - 86_400_000,
        launchedAt: now - 86_000_000,
        vmState: 'active',
        taskState: null,
        powerState: PowerState.RUNNING,
        flavorId: '2',
        oldFlavorId: null,
        imageId: cirros.id,
        locked: false,
        lockedBy: null,
        lockedReason: null,
        fault: null,
        metadata: {},
        ...overrides,
      };
      cloud.compute.servers.set(id, server);
      cloud.compute.actions.set(id, []);
      const port = portsOfDevice(cloud.network, template.id)[0];
      if (port) addPort(cloud.network, { ...structuredClone(port), id: crypto.randomUUID(), deviceId: id });
      return server;
    },
    async after(ms, id) {
      clock.advance(ms);
      const reply = await session.get<{ server: Record<string, unknown> }>(`/servers/${id}`, { mv: '2.100', token: session.admin });
      return reply.body.server;
    },
  };
}
