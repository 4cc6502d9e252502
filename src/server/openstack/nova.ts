import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { type ActionId, novaActionBody } from '../../domain/compute';
import {
  type NovaFlavor,
  type NovaInstanceAction,
  type NovaServer,
  novaFlavorSchema,
  novaInstanceActionSchema,
  novaServerListSchema,
  novaServerSchema,
} from '../../domain/compute/nova-wire';
import type { CloudRuntime } from '../clouds';
import { AppError } from '../errors';
import type { Session } from '../sessions/store';
import { compareMicroversions, parseMicroversion } from './discovery';
import { badResponse, failed, upstreamMessage } from './errors';
import { path, type Query, ServiceClient } from './service';
import { header, type UpstreamResponse } from './transport';

export interface ActionResult {
  requestId: string | null;
  adminPass?: string;
  imageId?: string;
}

/** Whether `current` is `version` or newer. */
function atLeast(current: string, version: string): boolean {
  const a = parseMicroversion(current);
  const b = parseMicroversion(version);
  return Boolean(a && b && compareMicroversions(a, b) >= 0);
}

export interface ServerPage {
  servers: NovaServer[];
  /** The id to pass as `marker` for the next page; undefined when Nova said there is none. */
  next: string | undefined;
}

/** Nova's answers in words a person understands; Nova's own text stays in `detail`. */
export function novaError(res: UpstreamResponse): AppError {
  const detail = upstreamMessage(res.body);
  const requestId = res.requestId;
  switch (res.status) {
    case 400:
      return new AppError(400, 'server.invalid', detail ? `Nova did not accept the request: ${detail}` : 'Nova did not accept the request.', { detail, requestId });
    case 403:
      return new AppError(403, 'server.forbidden', 'You are not allowed to do this on this cloud.', { detail, requestId });
    case 404:
      return new AppError(404, 'server.not_found', 'This server no longer exists.', { detail, requestId });
    case 409:
      return new AppError(409, 'server.conflict', 'The server changed state before Nova could do this.', { detail, requestId });
    default:
      return failed('compute', res.status, detail, requestId);
  }
}

/** Parses Nova's body, or the value under `key` of it (`{"server": {...}}`). */
function parse<S extends z.ZodType>(schema: S, res: UpstreamResponse, key?: string): z.infer<S> {
  const body = key ? (res.body as Record<string, unknown> | undefined)?.[key] : res.body;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw badResponse('compute', parsed.error.issues[0]?.message ?? 'unexpected shape', res.requestId);
  return parsed.data;
}

/**
 * Nova for one session, speaking the microversion negotiated once per endpoint (VersionDiscovery).
 */
export class NovaClient {
  private readonly service: ServiceClient;

  constructor(
    private readonly cloud: CloudRuntime,
    session: Session,
    private readonly log: FastifyBaseLogger,
  ) {
    this.service = new ServiceClient(cloud, session, 'compute', log);
  }

  async microversion(): Promise<string> {
    return this.cloud.discovery.computeMicroversion(this.service.endpoint, this.log);
  }

  private async call(method: 'GET' | 'POST' | 'DELETE', url: string, query?: Query, json?: unknown): Promise<UpstreamResponse> {
    const version = await this.microversion();
    return this.service.send({ method, path: url, query, json, headers: { 'openstack-api-version': `compute ${version}` } });
  }

  private async get(url: string, query?: Query): Promise<UpstreamResponse> {
    const res = await this.call('GET', url, query);
    if (res.status !== 200) throw novaError(res);
    return res;
  }

  async listServers(query: Query): Promise<ServerPage> {
    const body = parse(novaServerListSchema, await this.get('/servers/detail', query));
    const hasNext = body.servers_links?.some((l) => l.rel === 'next') ?? false;
    return { servers: body.servers, next: hasNext ? body.servers.at(-1)?.id : undefined };
  }

  /** Ids only (`GET /servers`): a tenth of the bytes of detail, for scans by id prefix. */
  async listServerIds(query: Query): Promise<{ ids: string[]; next: string | undefined }> {
    const res = await this.get('/servers', query);
    const body = res.body as { servers?: Array<{ id?: unknown }>; servers_links?: Array<{ rel?: unknown }> };
    if (!Array.isArray(body?.servers)) throw badResponse('compute', 'The server list is not in the expected shape.', res.requestId);
    const ids = body.servers.map((s) => s.id).filter((id): id is string => typeof id === 'string');
    return { ids, next: body.servers_links?.some((l) => l.rel === 'next') ? ids.at(-1) : undefined };
  }

  async getServer(id: string): Promise<NovaServer> {
    return parse(novaServerSchema, await this.get(path`/servers/${id}`), 'server');
  }

  /**
   * Posts an action. Returns Nova's request id (the key of the instance action), the password
   * rescue and rebuild hand back, and the image a snapshot creates.
   */
  async serverAction(serverId: string, action: ActionId, input: unknown): Promise<ActionResult> {
    const version = await this.microversion();
    const res = await this.call('POST', path`/servers/${serverId}/action`, undefined, novaActionBody(action, input, (v: string) => atLeast(version, v)));
    if (res.status >= 300) throw novaError(res);
    const body = (res.body ?? {}) as { adminPass?: unknown; image_id?: unknown; server?: { adminPass?: unknown } };
    const adminPass = body.adminPass ?? body.server?.adminPass;
    const location = header(res.headers, 'location');
    const imageId = typeof body.image_id === 'string' ? body.image_id : location?.split('/').at(-1);
    return {
      requestId: res.requestId ?? null,
      ...(typeof adminPass === 'string' && { adminPass }),
      ...(imageId && { imageId }),
    };
  }

  /** Absolute limits and usage of the project (GET /limits). */
  async limits(): Promise<Record<string, number>> {
    const res = await this.get('/limits');
    const absolute = (res.body as { limits?: { absolute?: unknown } } | undefined)?.limits?.absolute;
    if (!absolute || typeof absolute !== 'object') throw badResponse('compute', 'The limits are missing.', res.requestId);
    return absolute as Record<string, number>;
  }

  /** The last `lines` lines of the console log (os-getConsoleOutput). */
  async consoleOutput(serverId: string, lines: number): Promise<string> {
    const res = await this.call('POST', path`/servers/${serverId}/action`, undefined, { 'os-getConsoleOutput': { length: lines } });
    if (res.status !== 200) throw novaError(res);
    const output = (res.body as { output?: unknown } | undefined)?.output;
    if (typeof output !== 'string') throw badResponse('compute', 'The console output is missing.', res.requestId);
    return output;
  }

  async flavors(): Promise<NovaFlavor[]> {
    return parse(novaFlavorSchema.array(), await this.get('/flavors/detail', { is_public: 'None' }), 'flavors');
  }

  /** Newest first. null when this role may not read the log. */
  async instanceActions(serverId: string, limit: number): Promise<NovaInstanceAction[] | null> {
    const res = await this.call('GET', path`/servers/${serverId}/os-instance-actions`, (await this.supports('2.58')) ? { limit: String(limit) } : undefined);
    if (res.status === 403) return null;
    if (res.status !== 200) throw novaError(res);
    return parse(novaInstanceActionSchema.array(), res, 'instanceActions').slice(0, limit);
  }

  async instanceAction(serverId: string, requestId: string): Promise<NovaInstanceAction | undefined> {
    const res = await this.call('GET', path`/servers/${serverId}/os-instance-actions/${requestId}`);
    if (res.status === 403 || res.status === 404) return undefined;
    if (res.status !== 200) throw novaError(res);
    return parse(novaInstanceActionSchema, res, 'instanceAction');
  }

  async supports(version: string): Promise<boolean> {
    return atLeast(await this.microversion(), version);
  }
}
