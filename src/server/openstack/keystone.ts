import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { authProjectsSchema, type TokenBody, tokenBodySchema } from '../../domain/identity';
import { AppError } from '../errors';
import type { AuthPlugin } from './auth/plugins';
import { badResponse, failed, upstreamMessage } from './errors';
import { header, type Transport, type UpstreamResponse } from './transport';

export type Scope = { kind: 'default' } | { kind: 'unscoped' } | { kind: 'project'; id: string };

export interface IssuedToken {
  token: string;
  body: TokenBody['token'];
}

export interface Project {
  id: string;
  name: string;
}

const versionsSchema = z.object({
  versions: z.object({
    values: z.array(z.object({ id: z.string(), status: z.string().optional(), links: z.array(z.object({ rel: z.string(), href: z.string() })) })),
  }),
});

/**
 * Keystone v3 for one cloud. The v3 URL is discovered once from the version document when the
 * configured auth URL does not name a version, as keystoneauth does.
 */
export class KeystoneClient {
  private v3: Promise<string> | undefined;

  constructor(
    private readonly transport: Transport,
    private readonly authUrl: string,
  ) {}

  async authenticate(plugin: AuthPlugin, scope: Scope, log: FastifyBaseLogger): Promise<IssuedToken> {
    const auth: Record<string, unknown> = { identity: plugin.identity() };
    if (scope.kind === 'unscoped') auth.scope = 'unscoped';
    if (scope.kind === 'project') auth.scope = { project: { id: scope.id } };

    const res = await this.call(log, 'POST', '/auth/tokens', { json: { auth } });
    if (res.status === 401 || res.status === 404) {
      // Keystone words every credential failure the same; so do we (no user enumeration).
      throw new AppError(401, 'auth.invalid_credentials', 'The username, password or domain is not correct.', {
        requestId: res.requestId,
      });
    }
    if (res.status === 400) {
      throw new AppError(400, 'request.invalid', 'Keystone did not accept these sign-in details.', {
        detail: upstreamMessage(res.body),
        requestId: res.requestId,
      });
    }
    expectStatus(res, 201);
    const token = header(res.headers, 'x-subject-token');
    const parsed = tokenBodySchema.safeParse(res.body);
    if (!token || !parsed.success) throw badResponse('identity', 'The token response is incomplete.', res.requestId);
    return { token, body: parsed.data.token };
  }

  /** The enabled projects the token's user has a role on, sorted by name. */
  async projects(token: string, log: FastifyBaseLogger): Promise<Project[]> {
    const res = await this.call(log, 'GET', '/auth/projects', { token });
    expectStatus(res, 200);
    const parsed = authProjectsSchema.safeParse(res.body);
    if (!parsed.success) throw badResponse('identity', 'The project list is not in the expected shape.', res.requestId);
    return parsed.data.projects
      .filter((p) => p.enabled !== false)
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async revoke(token: string, log: FastifyBaseLogger): Promise<void> {
    const res = await this.call(log, 'DELETE', '/auth/tokens', { token, headers: { 'x-subject-token': token } });
    // 404: already revoked or expired, which is what we wanted.
    if (res.status !== 204 && res.status !== 200 && res.status !== 404) expectStatus(res, 204);
  }

  /** Readiness: Keystone answers its version document within `timeoutMs`. */
  async ping(log: FastifyBaseLogger, timeoutMs?: number): Promise<void> {
    const res = await this.call(log, 'GET', '', { timeoutMs });
    if (res.status !== 200 || !isJsonObject(res.body)) expectStatus(res, 200);
  }

  private async call(
    log: FastifyBaseLogger,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    opts: { json?: unknown; token?: string; headers?: Record<string, string>; timeoutMs?: number | undefined },
  ): Promise<UpstreamResponse> {
    const base = await this.v3Url(log);
    return this.transport.send({ service: 'identity', method, url: `${base}${path}`, log, ...opts });
  }

  private v3Url(log: FastifyBaseLogger): Promise<string> {
    this.v3 ??= this.discover(log).catch((error: unknown) => {
      this.v3 = undefined; // a Keystone that was down at first must be found once it is up
      throw error;
    });
    return this.v3;
  }

  private async discover(log: FastifyBaseLogger): Promise<string> {
    const configured = this.authUrl.replace(/\/+$/, '');
    const res = await this.transport.send({ service: 'identity', method: 'GET', url: configured, log });
    if (/\/v3$/.test(configured)) {
      if (res.status >= 500) expectStatus(res, 200);
      if (!isJsonObject(res.body)) throw badResponse('identity', 'The version document is not JSON.', res.requestId);
      return configured;
    }
    if (res.status !== 300 && res.status !== 200) expectStatus(res, 300);
    const parsed = versionsSchema.safeParse(res.body);
    const v3 = parsed.data?.versions.values.find((v) => v.id.startsWith('v3'));
    const href = v3?.links.find((l) => l.rel === 'self')?.href;
    if (!href) throw badResponse('identity', 'The version document lists no Identity v3.', res.requestId);
    return href.replace(/\/+$/, '');
  }
}

function isJsonObject(body: unknown): boolean {
  return typeof body === 'object' && body !== null;
}

function expectStatus(res: UpstreamResponse, status: number): void {
  if (res.status === status) return;
  if (typeof res.body === 'string' && res.status < 400) {
    throw badResponse('identity', `Unexpected HTTP ${res.status} with a non-JSON body.`, res.requestId);
  }
  throw failed('identity', res.status, upstreamMessage(res.body), res.requestId);
}
