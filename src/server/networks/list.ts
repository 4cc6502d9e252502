import pLimit from 'p-limit';
import type { NetworkSearchInfo, NetworkSortKey, NetworkStatus } from '../../domain/api';
import { type NeutronNetwork, type NeutronSubnet, partialNameMatches, planNetworkSearch, type NetworkSearch, subnetMatches, type SubnetSearch } from '../../domain/network';
import { decodeCursor, encodeCursor, type SourcePosition } from '../cursor';
import { AppError } from '../errors';
import type { NeutronClient, NeutronFeatures } from '../openstack/neutron';
import type { Query } from '../openstack/service';
import { byId, comparator, gather, localPager, neutronPager, type Pager, type SortKey } from './pager';

/** Rows per upstream page when the BFF scans (partial names, subnets for an address). */
export const scanPageSize = 1000;
/** Ids per `?id=a&id=b…` request: real proxies refuse request lines over 4–8 KB. */
export const idsPerRequest = 40;
/** Upstream calls of one request made at once (subnet CIDRs, networks by id). */
const inFlight = 4;

export interface NetworkListInput {
  limit: number;
  marker?: string | undefined;
  q?: string | undefined;
  shared?: boolean | undefined;
  external?: boolean | undefined;
  status?: NetworkStatus | undefined;
  sort: NetworkSortKey;
  dir: 'asc' | 'desc';
}

export interface NetworkListResult {
  networks: NeutronNetwork[];
  next: string | null;
  /** A bounded scan (partial name, address) that has more to read. */
  partial: boolean;
  search?: NetworkSearchInfo;
  /** Subnet CIDRs the search already read, by subnet id, so the page need not ask again. */
  knownCidrs: Map<string, string>;
}

/**
 * The attributes a list row shows, and all that Neutron is asked for (`fields=`): the project
 * under its older name on a Neutron without `project-id`, `router:external` only with `external-net`.
 */
export function summaryFields(features: Pick<NeutronFeatures, 'projectId' | 'externalNetworks'>): string[] {
  return [
    'id',
    'name',
    'subnets',
    'shared',
    ...(features.externalNetworks ? ['router:external'] : []),
    'status',
    'admin_state_up',
    features.projectId ? 'project_id' : 'tenant_id',
  ];
}

/** The subnet attributes the list needs: its CIDR, by id. */
export const subnetCidrFields = ['id', 'cidr', 'network_id'];

type Source =
  | { kind: 'all' }
  | { kind: 'id'; id: string }
  | { kind: 'subnets'; search: SubnetSearch }
  | { kind: 'exact-name'; value: string }
  | { kind: 'partial-name'; value: string };

/**
 * A name is two sources, one after the other: Neutron's exact `name` filter first, then the BFF's
 * partial match over pages of ids and names (which leaves out the exact names already returned).
 */
function sourcesFor(search: NetworkSearch | undefined): Source[] {
  switch (search?.kind) {
    case undefined:
      return [{ kind: 'all' }];
    case 'id':
      return [{ kind: 'id', id: search.id }];
    case 'cidr':
    case 'ip':
      return [{ kind: 'subnets', search }];
    case 'name':
      return [
        { kind: 'exact-name', value: search.value },
        { kind: 'partial-name', value: search.value },
      ];
  }
}

/** Sources Neutron cannot answer exactly, read by the BFF a bounded number of pages at a time. */
function isScan(source: Source): boolean {
  return source.kind === 'partial-name' || (source.kind === 'subnets' && source.search.kind === 'ip');
}

interface Context {
  neutron: NeutronClient;
  features: NeutronFeatures;
  input: NetworkListInput;
  fields: string[];
  knownCidrs: Map<string, string>;
}

interface SourcePage {
  networks: NeutronNetwork[];
  position: SourcePosition;
}

/**
 * One page of networks for the list and its search box. The sources of a search run in turn, each
 * filling what the page still lacks, each with its own position in the cursor.
 */
export async function listNetworks(neutron: NeutronClient, input: NetworkListInput): Promise<NetworkListResult> {
  const search = input.q ? planNetworkSearch(input.q) : undefined;
  const sources = sourcesFor(search);
  const queryKey = JSON.stringify(['networks', input.q ?? '', input.shared ?? '', input.external ?? '', input.status ?? '', input.sort, input.dir, input.limit]);
  const positions: SourcePosition[] = input.marker ? decodeCursor(input.marker, queryKey) : sources.map(() => ({ m: [] }));
  if (positions.length !== sources.length) throw new AppError(400, 'cursor.invalid', 'This list position is no longer valid. Reload the list.');

  const features = await neutron.features();
  const ctx: Context = { neutron, features, input, fields: summaryFields(features), knownCidrs: new Map() };
  const networks: NeutronNetwork[] = [];
  const seen = new Set<string>();
  let scannedNames = false;
  let partial = false;
  for (const [i, source] of sources.entries()) {
    const position = positions[i];
    if (!position) continue;
    if (networks.length >= input.limit) break;
    if (source.kind === 'partial-name') scannedNames = true;
    const page = await fetchSource(ctx, source, position.m, input.limit - networks.length);
    for (const network of page.networks) {
      if (!seen.has(network.id)) networks.push(network);
      seen.add(network.id);
    }
    positions[i] = page.position;
    if (page.position !== null) {
      partial = isScan(source);
      // A source with more to give keeps the page to itself; the next one starts when it is done.
      break;
    }
  }

  return {
    networks,
    next: positions.some((p) => p !== null) ? encodeCursor(queryKey, positions) : null,
    partial,
    ...(search && { search: { kind: search.kind, partialName: scannedNames } }),
    knownCidrs: ctx.knownCidrs,
  };
}

async function fetchSource(ctx: Context, source: Source, markers: string[], want: number): Promise<SourcePage> {
  switch (source.kind) {
    case 'all': {
      const found = await gather(networkPager(ctx, { ...filterQuery(ctx), fields: ctx.fields }), markers, want, { keep: filtersMatch(ctx.input) });
      return { networks: found.items, position: found.position };
    }
    case 'exact-name': {
      const keep = filtersMatch(ctx.input);
      // Neutron's `name` filter is exact, though a case-insensitive database collation may widen it.
      const found = await gather(networkPager(ctx, { ...filterQuery(ctx), name: source.value, fields: ctx.fields }), markers, want, {
        keep: (n) => n.name === source.value && keep(n),
      });
      return { networks: found.items, position: found.position };
    }
    case 'partial-name': {
      const scanFields = ['id', 'name', ...(ctx.input.sort === 'status' ? ['status'] : [])];
      const found = await gather(networkPager(ctx, { ...filterQuery(ctx), fields: scanFields }), markers, want, {
        keep: (n) => partialNameMatches(source.value, n.name ?? undefined),
        pageSize: scanPageSize,
      });
      return { networks: await networksByIds(ctx, found.items.map((n) => n.id)), position: found.position };
    }
    case 'id':
      return { networks: await networkOrNothing(ctx, source.id), position: null };
    case 'subnets':
      return bySubnets(ctx, source.search, markers, want);
  }
}

/** Neutron's filters for the list's own filters; a Neutron without `external-net` has no external networks to filter on. */
function filterQuery({ input, features }: Context): Query {
  return {
    ...(input.shared !== undefined && { shared: String(input.shared) }),
    ...(input.external !== undefined && features.externalNetworks && { 'router:external': String(input.external) }),
    ...(input.status && { status: input.status }),
  };
}

/**
 * The same filters checked on what Neutron answered: a Neutron without `filter-validation`
 * ignores a filter it does not know rather than refusing it, and would return every row.
 */
function filtersMatch(input: NetworkListInput): (network: NeutronNetwork) => boolean {
  return (n) =>
    (input.shared === undefined || (n.shared ?? false) === input.shared) &&
    (input.external === undefined || (n['router:external'] ?? false) === input.external) &&
    (input.status === undefined || n.status === input.status);
}

function sortKeys(input: NetworkListInput): Array<SortKey<NeutronNetwork>> {
  const name: SortKey<NeutronNetwork> = { value: (n) => n.name, dir: input.sort === 'name' ? input.dir : 'asc' };
  return input.sort === 'status' ? [{ value: (n) => n.status, dir: input.dir }, name] : [name];
}

/** `sort_key`/`sort_dir` always in matched pairs (Neutron refuses unequal counts). */
function sortQuery(input: NetworkListInput): Query {
  return input.sort === 'status' ? { sort_key: ['status', 'name'], sort_dir: [input.dir, 'asc'] } : { sort_key: 'name', sort_dir: input.dir };
}

/** Networks in the list's order: Neutron's pages when it can page and sort, else pages of the whole list sorted here. */
function networkPager(ctx: Context, query: Query): Pager<NeutronNetwork> {
  const { neutron, features, input } = ctx;
  if (features.pagination && features.sorting) return neutronPager((q) => neutron.listNetworks(q), { ...query, ...sortQuery(input) }, 'not-found');
  return localPager(() => neutron.listAll('networks', query), comparator(sortKeys(input)));
}

/** Subnets in id order (the order whose marker can be checked, see neutronPager). */
function subnetPager(ctx: Context, query: Query): Pager<NeutronSubnet> {
  const { neutron, features } = ctx;
  if (features.pagination) {
    return neutronPager((q) => neutron.listSubnets(q), { ...query, ...(features.sorting && { sort_key: 'id', sort_dir: 'asc' }) }, 'ignored');
  }
  return localPager(() => neutron.listAll('subnets', query), byId);
}

async function networkOrNothing(ctx: Context, id: string): Promise<NeutronNetwork[]> {
  try {
    const network = await ctx.neutron.getNetwork(id, { fields: ctx.fields });
    return filtersMatch(ctx.input)(network) ? [network] : [];
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return [];
    throw error;
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Rows for networks found by a scan, `idsPerRequest` ids per request, with the list's filters;
 * in the order of `ids`, and without those gone or filtered out meanwhile.
 */
async function networksByIds(ctx: Context, ids: readonly string[]): Promise<NeutronNetwork[]> {
  if (ids.length === 0) return [];
  const limit = pLimit(inFlight);
  const pages = await Promise.all(
    chunks(ids, idsPerRequest).map((chunk) => limit(() => ctx.neutron.listAll('networks', { ...filterQuery(ctx), id: chunk, fields: ctx.fields }))),
  );
  const byIdMap = new Map(pages.flat().map((n) => [n.id, n]));
  const keep = filtersMatch(ctx.input);
  return ids.flatMap((id) => {
    const network = byIdMap.get(id);
    return network && keep(network) ? [network] : [];
  });
}

/**
 * A CIDR or an address: the networks of the subnets that answer it. Subnets are read with only
 * their id, CIDR and network (`fields=`), for an address those of its IP version, and the match is
 * made here: Neutron has no "contains" filter for subnets, and the ports' `fixed_ips` filters find
 * only addresses in use, on the caller's own ports. A CIDR is Neutron's exact `cidr` filter.
 * The page is in the list's order; a further page of the scan is in its own.
 */
async function bySubnets(ctx: Context, search: SubnetSearch, markers: string[], want: number): Promise<SourcePage> {
  const query: Query = { ip_version: String(search.version), ...(search.kind === 'cidr' && { cidr: search.cidr }), fields: subnetCidrFields };
  const networkIds = new Set<string>();
  const found = await gather(subnetPager(ctx, query), markers, want, {
    keep: (subnet) => {
      if (!subnet.network_id || networkIds.has(subnet.network_id) || !subnetMatches(search, subnet.cidr ?? undefined)) return false;
      networkIds.add(subnet.network_id);
      return true;
    },
    pageSize: scanPageSize,
  });
  for (const subnet of found.items) if (subnet.cidr) ctx.knownCidrs.set(subnet.id, subnet.cidr);
  const networks = await networksByIds(ctx, [...networkIds]);
  return { networks: networks.sort(comparator(sortKeys(ctx.input))), position: found.position };
}

/**
 * The CIDRs of the page's subnets in a few requests (`?id=a&id=b…&fields=id&fields=cidr…`, at
 * most `idsPerRequest` ids each), not one per network. Subnets already known are not asked again.
 */
export async function subnetCidrs(neutron: NeutronClient, networks: readonly NeutronNetwork[], known: ReadonlyMap<string, string> = new Map()): Promise<Map<string, string>> {
  const cidrs = new Map(known);
  const ids = [...new Set(networks.flatMap((n) => n.subnets ?? []))].filter((id) => !cidrs.has(id));
  const limit = pLimit(inFlight);
  const pages = await Promise.all(chunks(ids, idsPerRequest).map((chunk) => limit(() => neutron.listAll('subnets', { id: chunk, fields: subnetCidrFields }))));
  for (const subnet of pages.flat()) if (subnet.cidr) cidrs.set(subnet.id, subnet.cidr);
  return cidrs;
}
