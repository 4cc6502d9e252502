// Test helpers: the simulator with a member's and an admin's token, and Nova calls over HTTP.
import { type Simulator, type SimulatorOptions, startSimulator } from '../../index';
import { projectIds } from '../../core/seed';
import { demoUser, issueToken, passwordAuth } from '../../testing/keystone-client';

export interface NovaReply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  /** `compute X` in OpenStack-API-Version; none sends no header (2.1). */
  mv?: string;
  /** The token to send; the member's by default, '' for none. */
  token?: string;
  headers?: Record<string, string>;
}

export interface NovaSession {
  sim: Simulator;
  /** demo, member of the demo project. */
  member: string;
  /** admin, admin of the admin project. */
  admin: string;
  /** The compute endpoint, `http://127.0.0.1:PORT/v2.1`. */
  compute: string;
  get<T = Record<string, unknown>>(path: string, options?: CallOptions): Promise<NovaReply<T>>;
}

const scope = (project: string) => ({ project: { name: project, domain: { name: 'Default' } } });

export async function startNovaSession(options: SimulatorOptions = {}): Promise<NovaSession> {
  const sim = await startSimulator(options);
  const member = (await issueToken(sim.authUrl, passwordAuth(demoUser, scope('demo')))).id;
  const admin = (await issueToken(sim.authUrl, passwordAuth({ name: 'admin', domain: { name: 'Default' }, password: 'admin' }, scope('admin')))).id;
  const compute = sim.endpoints.compute;
  return {
    sim,
    member,
    admin,
    compute,
    async get<T>(path: string, { mv, token = member, headers = {} }: CallOptions = {}): Promise<NovaReply<T>> {
      const sent: Record<string, string> = { ...headers };
      if (token) sent['x-auth-token'] = token;
      if (mv) sent['openstack-api-version'] = `compute ${mv}`;
      const response = await fetch(path.startsWith('http') ? path : `${compute}${path}`, { headers: sent });
      return { status: response.status, body: (await response.json()) as T, headers: response.headers };
    },
  };
}

export const demoProjectId = projectIds.demo;
export const adminProjectId = projectIds.admin;
