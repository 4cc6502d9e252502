import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import { type Server, settle } from '../core/compute/model';
import { NovaLinks } from './links';
import { findServer } from './lookup';
import { collectionLinks, markerNotFound } from './paging';
import { readServerSearch, type ServerSearch } from './server-search';
import { compareTuples, type SortOrder, sortTuple } from './server-sort';
import { firstInOrder, type SortValue } from './sort-values';
import { createServerView, renderServer } from './views/server';

/** `GET /servers`, `/servers/detail` and `/servers/{id}`. */
export function registerServerRoutes(app: FastifyInstance, cloud: SimulatedCloud): void {
  app.get('/servers', async (request) => listServers(cloud, request, false));
  app.get('/servers/detail', async (request) => listServers(cloud, request, true));
  app.get<{ Params: { id: string } }>('/servers/:id', async (request) => ({
    server: renderServer(cloud, request, findServer(cloud, request, request.params.id)),
  }));
}

function listServers(cloud: SimulatedCloud, request: FastifyRequest, detail: boolean): Record<string, unknown> {
  settle(cloud.compute, cloud.clock.now());
  const search = readServerSearch(cloud, request, detail);
  const page = search.nothing ? [] : selectPage(cloud, search);
  const view = createServerView(cloud, request);
  const links = collectionLinks(new NovaLinks(request), request, detail ? 'servers/detail' : 'servers', search.paging, page);
  return { servers: page.map(detail ? view.detail : view.brief), ...(links.length > 0 ? { servers_links: links } : {}) };
}

interface Row {
  server: Server;
  tuple: SortValue[];
}

/**
 * Filter, keep what sorts after the marker, take the first `limit` in order: only the page is
 * ever rendered, and only what the filters kept is ordered. The marker may be any server, even
 * one the filters (or the caller's project) leave out or a deleted one, as Nova looks it up with
 * read_deleted=yes and an elevated context; its sort values place the page.
 */
function selectPage(cloud: SimulatedCloud, { paging, order, matches }: ServerSearch): Server[] {
  if (paging.limit === 0) return [];
  const marker = paging.marker === undefined ? undefined : cloud.compute.servers.get(paging.marker);
  if (paging.marker !== undefined && !marker) throw markerNotFound(paging.marker);

  const rows: Row[] = [];
  let markerTuple: SortValue[] | undefined;
  let seq = 0;
  for (const server of cloud.compute.servers.values()) {
    seq += 1;
    if (server === marker) markerTuple = sortTuple(order, server, seq);
    if (matches(server)) rows.push({ server, tuple: sortTuple(order, server, seq) });
  }
  const after = markerTuple === undefined ? rows : rowsAfter(rows, order, markerTuple);
  return firstInOrder(after, paging.limit, (a, b) => compareTuples(order, a.tuple, b.tuple)).map((row) => row.server);
}

function rowsAfter(rows: Row[], order: SortOrder, marker: SortValue[]): Row[] {
  return rows.filter((row) => compareTuples(order, row.tuple, marker) > 0);
}
