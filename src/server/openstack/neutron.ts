import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import {
  type NeutronNetwork,
  type NeutronPort,
  type NeutronSubnet,
  neutronErrorSchema,
  neutronLinksSchema,
  neutronNetworkSchema,
  neutronPortSchema,
  neutronSubnetSchema,
} from '../../domain/network';
import type { CloudRuntime } from '../clouds';
import { AppError } from '../errors';
import type { Session } from '../sessions/store';
import { badResponse, failed, upstreamMessage } from './errors';
import { path, type Query, ServiceClient } from './service';
import type { UpstreamResponse } from './transport';

/** What this Neutron can do for a list, from its extensions (openstack-api.md §3.4). */
export interface NeutronFeatures {
  /** `pagination`: `limit`/`marker` are honoured and pages carry `<collection>_links`. */
  pagination: boolean;
  /** `sorting`: `sort_key`/`sort_dir` are honoured. */
  sorting: boolean;
  /** `filter-validation`: an unknown filter is a 400 rather than silently ignored. */
  filterValidation: boolean;
  /** `external-net`: networks have `router:external`, and it filters. */
  externalNetworks: boolean;
  /** `project-id`: bodies carry `project_id` beside the older `tenant_id`. */
  projectId: boolean;
}

export function neutronFeatures(aliases: ReadonlySet<string>): NeutronFeatures {
  return {
    pagination: aliases.has('pagination'),
    sorting: aliases.has('sorting'),
    filterValidation: aliases.has('filter-validation'),
    externalNetworks: aliases.has('external-net'),
    projectId: aliases.has('project-id'),
  };
}

/** One page of a Neutron list: its rows, and whether Neutron linked a `next` page. */
export interface NeutronPage<T> {
  rows: T[];
  next: boolean;
}

/** How many pages `listAll` follows before it stops (a list that asks for no limit is usually one page). */
const maxListAllPages = 100;

const wordsFor404: Record<string, string> = {
  SubnetNotFound: 'This subnet no longer exists, or it belongs to another project.',
  PortNotFound: 'This port no longer exists, or it belongs to another project.',
};

/**
 * Neutron's answers (the `NeutronError` envelope) in words a person understands; Neutron's own
 * text stays in `detail`. Another project's network is a 404 in Neutron, never a 403.
 */
export function neutronError(res: UpstreamResponse): AppError {
  const fault = neutronErrorSchema.safeParse(res.body);
  const type = fault.success ? fault.data.NeutronError.type : undefined;
  const detail = (fault.success ? fault.data.NeutronError.message : undefined) ?? upstreamMessage(res.body);
  const requestId = res.requestId;
  switch (res.status) {
    case 400:
      return new AppError(400, 'request.invalid', detail ? `Neutron did not accept the request: ${detail}` : 'Neutron did not accept the request.', { detail, requestId });
    case 403:
      return new AppError(403, 'upstream.forbidden', 'You are not allowed to see or change this in this project.', { detail, requestId });
    case 404: {
      const words = type ? wordsFor404[type] : undefined;
      if (words) return new AppError(404, 'not_found', words, { detail, requestId });
      return new AppError(404, 'network.not_found', 'This network no longer exists, or it belongs to another project.', { detail, requestId });
    }
    case 409:
    case 412:
      return new AppError(409, 'upstream.error', 'Neutron refused this because the resource changed or is in use.', {
        detail,
        requestId,
        params: { service: 'network', status: res.status },
      });
    default:
      return failed('network', res.status, detail, requestId);
  }
}

const collections = {
  networks: neutronNetworkSchema,
  subnets: neutronSubnetSchema,
  ports: neutronPortSchema,
} as const;
type Collection = keyof typeof collections;
type Row<C extends Collection> = z.infer<(typeof collections)[C]>;

/**
 * Neutron for one session. Lists come back as Neutron sent them (rows and whether a `next` link
 * was there); paging policy, markers and searches are the callers' (src/server/networks).
 */
export class NeutronClient {
  private readonly service: ServiceClient;

  constructor(
    private readonly cloud: CloudRuntime,
    session: Session,
    log: FastifyBaseLogger,
  ) {
    this.service = new ServiceClient(cloud, session, 'network', log);
  }

  /** From `GET /v2.0/extensions`, asked once per endpoint (VersionDiscovery). */
  async features(): Promise<NeutronFeatures> {
    const aliases = await this.cloud.discovery.networkExtensions(this.service.endpoint, () => this.service.send({ method: 'GET', path: '/extensions' }));
    return neutronFeatures(aliases);
  }

  private async get(url: string, query?: Query): Promise<UpstreamResponse> {
    const res = await this.service.send({ method: 'GET', path: url, query });
    if (res.status !== 200) throw neutronError(res);
    return res;
  }

  async list<C extends Collection>(collection: C, query: Query): Promise<NeutronPage<Row<C>>> {
    const res = await this.get(`/${collection}`, query);
    const body = res.body as Record<string, unknown> | undefined;
    const rows = z.array(collections[collection]).safeParse(body?.[collection]);
    if (!rows.success) throw badResponse('network', `The ${collection} list is not in the expected shape: ${rows.error.issues[0]?.message ?? ''}`, res.requestId);
    const links = neutronLinksSchema.safeParse(body?.[`${collection}_links`] ?? []);
    return { rows: rows.data as Row<C>[], next: links.success && links.data.some((l) => l.rel === 'next') };
  }

  /**
   * Every row of a list that asks for no page: usually one answer, but a cloud with
   * `pagination_max_limit` pages it anyway, so `next` is followed (by marker, never by the href,
   * whose host may be an internal one), up to a bound.
   */
  async listAll<C extends Collection>(collection: C, query: Query): Promise<Array<Row<C>>> {
    const rows: Array<Row<C>> = [];
    let marker: string | undefined;
    for (let page = 0; page < maxListAllPages; page++) {
      const result = await this.list(collection, { ...query, ...(marker && { marker }) });
      rows.push(...result.rows);
      marker = result.next ? result.rows.at(-1)?.id : undefined;
      if (!marker) return rows;
    }
    return rows;
  }

  listNetworks(query: Query): Promise<NeutronPage<NeutronNetwork>> {
    return this.list('networks', query);
  }

  listSubnets(query: Query): Promise<NeutronPage<NeutronSubnet>> {
    return this.list('subnets', query);
  }

  listPorts(query: Query): Promise<NeutronPage<NeutronPort>> {
    return this.list('ports', query);
  }

  /**
   * Every network the session can see, by id and name only (`fields=id&fields=name`): what links
   * Nova's address groups, which name their network, to the network itself.
   */
  async networkNames(): Promise<Array<{ id: string; name: string }>> {
    const rows = await this.listAll('networks', { fields: ['id', 'name'] });
    return rows.map((n) => ({ id: n.id, name: n.name ?? '' }));
  }

  /** One network; 404 (`network.not_found`) when it is gone or another project's. */
  async getNetwork(id: string, query?: Query): Promise<NeutronNetwork> {
    const res = await this.get(path`/networks/${id}`, query);
    const parsed = neutronNetworkSchema.safeParse((res.body as { network?: unknown } | undefined)?.network);
    if (!parsed.success) throw badResponse('network', 'The network is not in the expected shape.', res.requestId);
    return parsed.data;
  }
}
