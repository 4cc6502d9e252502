import pLimit from 'p-limit';
import type { ServerSortKey } from '../../domain/api';
import { addressMatches, escapeRegex, ipFilterValue, type NovaServer, planServerSearch, type ServerSearch } from '../../domain/compute';
import { advance, decodeCursor, encodeCursor, maxScanPages, pageAfterMarkers, type SourcePosition } from '../cursor';
import { AppError } from '../errors';
import type { NovaClient } from '../openstack/nova';
import type { Query } from '../openstack/service';

const scanPageSize = 1000;

const sortKeys: Record<ServerSortKey, string> = { name: 'display_name', status: 'vm_state', created: 'created_at' };
const defaultDir: Record<ServerSortKey, 'asc' | 'desc'> = { name: 'asc', status: 'asc', created: 'desc' };

export interface ServerListInput {
  limit: number;
  marker?: string | undefined;
  q?: string | undefined;
  status?: string | undefined;
  sort: ServerSortKey;
  dir?: 'asc' | 'desc' | undefined;
}

export interface ServerListResult {
  servers: NovaServer[];
  next: string | null;
  partial: boolean;
}

type Source = ServerSearch | { kind: 'all' };

interface SourcePage {
  servers: NovaServer[];
  position: SourcePosition;
  partial?: boolean;
}

/**
 * One page of servers for the list and its search box. Each reading of `q` is a source with its
 * own position in the cursor; their pages are merged by id (the SPA also de-duplicates).
 */
export async function listServers(nova: NovaClient, input: ServerListInput): Promise<ServerListResult> {
  const sources: Source[] = input.q ? planServerSearch(input.q) : [{ kind: 'all' }];
  const queryKey = JSON.stringify([input.q ?? '', input.status ?? '', input.sort, input.dir ?? '', input.limit]);
  const positions: SourcePosition[] = input.marker ? decodeCursor(input.marker, queryKey) : sources.map(() => ({ m: [] }));
  if (positions.length !== sources.length) throw new AppError(400, 'cursor.invalid', 'This list position is no longer valid. Reload the list.');

  const base: Query = {
    limit: String(input.limit),
    sort_key: sortKeys[input.sort],
    sort_dir: input.dir ?? defaultDir[input.sort],
    ...(input.status && { status: input.status }),
  };
  const pages = await Promise.all(
    sources.map((source, i) => {
      const position = positions[i];
      return position ? fetchSource(nova, source, position.m, base, input.limit) : Promise.resolve<SourcePage>({ servers: [], position: null });
    }),
  );

  const seen = new Set<string>();
  const servers = pages.flatMap((p) => p.servers).filter((s) => !seen.has(s.id) && seen.add(s.id));
  const nextPositions = pages.map((p) => p.position);
  return {
    servers,
    next: nextPositions.some((p) => p !== null) ? encodeCursor(queryKey, nextPositions) : null,
    partial: pages.some((p) => p.partial),
  };
}

async function fetchSource(nova: NovaClient, source: Source, markers: string[], base: Query, limit: number): Promise<SourcePage> {
  switch (source.kind) {
    case 'all':
      return listPage(nova, base, markers);
    case 'name':
      return listPage(nova, { ...base, name: escapeRegex(source.value) }, markers);
    case 'ip': {
      const filter = source.version === 4 ? 'ip' : 'ip6';
      const page = await listPage(nova, { ...base, [filter]: ipFilterValue(source) }, markers);
      const matches = (s: NovaServer) =>
        addressMatches(
          source,
          Object.values(s.addresses).flatMap((list) => list.map((a) => a.addr)),
        );
      return { ...page, servers: page.servers.filter(matches) };
    }
    case 'id':
      return { servers: await serverOrNothing(nova, source.id), position: null };
    case 'id-prefix':
      return scanByIdPrefix(nova, source.prefix, base, markers, limit);
  }
}

/**
 * One page of Nova's marker pagination. A marker that vanished between pages (Nova: 400 `marker
 * [..] not found`) falls back to the one before it, then to the first page.
 */
async function listPage(nova: NovaClient, query: Query, markers: string[]): Promise<SourcePage> {
  const { page, base } = await pageAfterMarkers(
    markers,
    (marker) => nova.listServers({ ...query, ...(marker && { marker }) }),
    (error) => error instanceof AppError && error.status === 400 && /marker/i.test(error.detail ?? ''),
  );
  const remembered = advance(base, page.servers.map((s) => s.id));
  return { servers: page.servers, position: page.next ? { m: remembered } : null };
}

async function serverOrNothing(nova: NovaClient, id: string): Promise<NovaServer[]> {
  try {
    return [await nova.getServer(id)];
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return [];
    throw error;
  }
}

/** Nova has no id-prefix filter: scan ids (the light `GET /servers`) a few pages at a time. */
async function scanByIdPrefix(nova: NovaClient, prefix: string, base: Query, markers: string[], limit: number): Promise<SourcePage> {
  const compact = prefix.replaceAll('-', '');
  const matches: string[] = [];
  let marker = markers[0];
  let more = true;
  for (let page = 0; page < maxScanPages && more && matches.length < limit; page++) {
    const { ids, next } = await nova.listServerIds({ ...base, limit: String(scanPageSize), ...(marker && { marker }) });
    marker = next;
    more = next !== undefined;
    for (const id of ids) {
      if (!id.replaceAll('-', '').startsWith(compact)) continue;
      matches.push(id);
      if (matches.length === limit) {
        // A full page: go on from this match next time, not from the end of the scanned page.
        marker = id;
        more = true;
        break;
      }
    }
  }
  const fetchDetail = pLimit(4);
  const servers = (await Promise.all(matches.map((id) => fetchDetail(() => serverOrNothing(nova, id))))).flat();
  return { servers, position: more && marker ? { m: [marker] } : null, partial: more };
}
