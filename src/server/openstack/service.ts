import type { FastifyBaseLogger } from 'fastify';
import { findEndpoint, withApiVersion } from '../../domain/identity';
import type { CloudRuntime } from '../clouds';
import { AppError } from '../errors';
import type { Session } from '../sessions/store';
import { type ServiceType, serviceLabels } from './errors';
import type { UpstreamRequest, UpstreamResponse } from './transport';

export type Query = Record<string, string | readonly string[] | undefined>;

export interface ServiceCall {
  method: UpstreamRequest['method'];
  /** Built with `path` below, so every dynamic segment is encoded. */
  path: string;
  query?: Query;
  json?: unknown;
  headers?: Record<string, string>;
}

/**
 * A path whose interpolated values are URL-encoded segments: an id from the browser can never add
 * a segment, a query or `..` to an upstream URL.
 */
export function path(strings: TemplateStringsArray, ...values: string[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(values[i] as string) : ''), '');
}

/** The catalog's URL of a service in a region, as the cloud is configured to reach it (its interface). */
export function catalogEndpoint(cloud: CloudRuntime, { catalog, region }: Pick<Session, 'catalog' | 'region'>, type: ServiceType): string {
  const url = findEndpoint(catalog, { type, region, interface: cloud.config.interface });
  if (!url) throw new AppError(503, 'upstream.not_in_catalog', `${serviceLabels[type]} is not offered in region ${region}.`);
  return url;
}

/** One OpenStack service as one session sees it: endpoint from its catalog, calls with its token. */
export class ServiceClient {
  constructor(
    private readonly cloud: CloudRuntime,
    private readonly session: Session,
    readonly type: ServiceType,
    private readonly log: FastifyBaseLogger,
  ) {}

  get endpoint(): string {
    return withApiVersion(this.type, catalogEndpoint(this.cloud, this.session, this.type));
  }

  async send(call: ServiceCall): Promise<UpstreamResponse> {
    const url = new URL(`${this.endpoint}${call.path}`);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value === undefined) continue;
      for (const v of typeof value === 'string' ? [value] : value) url.searchParams.append(key, v);
    }
    const res = await this.cloud.transport.send({
      service: this.type,
      method: call.method,
      url: url.toString(),
      token: this.session.token,
      headers: call.headers,
      json: call.json,
      log: this.log,
    });
    if (res.status === 401) {
      // The token was revoked or expired under us: the session cannot go on.
      throw new AppError(401, 'auth.session_expired', 'Your session has ended. Sign in again.', { requestId: res.requestId });
    }
    return res;
  }
}
