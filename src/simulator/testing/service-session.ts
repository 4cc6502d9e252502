// Test helpers: a simulator with tokens for a member, a member of another project and an admin,
// and raw HTTP calls to any of its services.
import { type Simulator, type SimulatorEndpoints, type SimulatorOptions, startSimulator } from '../index';
import { demoUser, issueToken, passwordAuth } from './keystone-client';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  /** The JSON body, or the text when the body is not JSON. */
  body: T;
  text: string;
  headers: Headers;
}

export interface CallOptions {
  method?: string;
  /** The token to send; the member's by default, '' for none. */
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ServiceSession {
  sim: Simulator;
  /** demo, member of the demo project. */
  member: string;
  /** demo again, scoped to demo-staging: a member of another project. */
  otherMember: string;
  /** admin, admin of the admin project. */
  admin: string;
  /** `url` is absolute or relative to the service's endpoint. */
  call<T = Record<string, unknown>>(service: keyof SimulatorEndpoints, url: string, options?: CallOptions): Promise<Reply<T>>;
  close(): Promise<void>;
}

const scope = (project: string) => ({ project: { name: project, domain: { name: 'Default' } } });
const adminUser = { name: 'admin', domain: { name: 'Default' }, password: 'admin' };

/** A response with its JSON body read, or its text when the body is not JSON. */
export async function readReply<T>(response: Response): Promise<Reply<T>> {
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // webob's plain-text errors (Glance) stay text
  }
  return { status: response.status, body: parsed as T, text, headers: response.headers };
}

export async function startServiceSession(options: SimulatorOptions = {}): Promise<ServiceSession> {
  const sim = await startSimulator(options);
  const token = async (user: object, project: string) => (await issueToken(sim.authUrl, passwordAuth(user, scope(project)))).id;
  const [member, otherMember, admin] = await Promise.all([token(demoUser, 'demo'), token(demoUser, 'demo-staging'), token(adminUser, 'admin')]);
  return {
    sim,
    member,
    otherMember,
    admin,
    async call<T>(service: keyof SimulatorEndpoints, url: string, { method = 'GET', token = member, body, headers = {} }: CallOptions = {}): Promise<Reply<T>> {
      const sent: Record<string, string> = { ...headers };
      if (token) sent['x-auth-token'] = token;
      if (body !== undefined) sent['content-type'] = 'application/json';
      const target = url.startsWith('http') ? url : `${sim.endpoints[service]}${url}`;
      const response = await fetch(target, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body) });
      return readReply<T>(response);
    },
    close: () => sim.close(),
  };
}
