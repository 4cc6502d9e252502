import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimulatedCloud } from '../core/cloud';
import type { Flavor } from '../core/compute/model';
import { badRequest, notFound } from './faults';
import { NovaLinks } from './links';
import { collectionLinks, markerNotFound, readPaging } from './paging';
import { compileRegex, lastValue, notOneOf, parseBool, queryOf, rejectUnknownParams } from './query';
import { type ColumnValue, compareSortValues, sortValue } from './sort-values';
import { renderFlavor, renderFlavorBrief } from './views/flavor';

/** schemas/flavors.py::VALID_SORT_KEYS, each read off a Flavor (`id` is the row id: store order). */
const sortColumns: Record<string, (flavor: Flavor, seq: number) => ColumnValue> = {
  created_at: (_f, seq) => seq,
  description: (f) => f.description,
  disabled: (f) => f.disabled,
  ephemeral_gb: (f) => f.ephemeralGb,
  flavorid: (f) => f.id,
  id: (_f, seq) => seq,
  is_public: (f) => f.isPublic,
  memory_mb: (f) => f.ramMb,
  name: (f) => f.name,
  root_gb: (f) => f.diskGb,
  rxtx_factor: () => 1,
  swap: (f) => f.swapMb,
  updated_at: (_f, seq) => seq,
  vcpu_weight: () => null,
  vcpus: (f) => f.vcpus,
};

/** `GET /flavors`, `/flavors/detail` and `/flavors/{id}` (compute/flavors.py). */
export function registerFlavorRoutes(app: FastifyInstance, cloud: SimulatedCloud): void {
  app.get('/flavors', async (request) => listFlavors(cloud, request, false));
  app.get('/flavors/detail', async (request) => listFlavors(cloud, request, true));
  app.get<{ Params: { id: string } }>('/flavors/:id', async (request) => {
    const flavor = cloud.compute.flavors.get(request.params.id);
    if (!flavor || !visibleTo(request, flavor)) throw notFound(`Flavor ${request.params.id} could not be found.`);
    return { flavor: renderFlavor(flavor, new NovaLinks(request), request.microversion) };
  });
}

/** Flavor access lists are not simulated, so a member sees the public flavors only. */
function visibleTo(request: FastifyRequest, flavor: Flavor): boolean {
  return request.caller.isAdmin || flavor.isPublic;
}

function listFlavors(cloud: SimulatedCloud, request: FastifyRequest, detail: boolean): Record<string, unknown> {
  const query = queryOf(request);
  const mv = request.microversion;
  const known = ['limit', 'marker', 'is_public', 'minRam', 'minDisk', 'sort_key', 'sort_dir', ...(mv.atLeast('2.102') ? ['name'] : [])];
  const paging = readPaging(query, (name) => known.includes(name));
  const sortKey = checkedEnum(query, 'sort_key', Object.keys(sortColumns)) ?? 'flavorid';
  const descending = checkedEnum(query, 'sort_dir', ['asc', 'desc']) === 'desc';
  if (mv.atLeast('2.75')) rejectUnknownParams(query, (name) => known.includes(name));

  const keep = flavorFilter(request, query);
  if (paging.marker !== undefined) {
    const marker = cloud.compute.flavors.get(paging.marker);
    if (!marker || !visibleTo(request, marker)) throw markerNotFound(paging.marker);
  }

  // paginate_query orders by (sort_key, id), both in the one direction given.
  const column = sortColumns[sortKey] as (typeof sortColumns)[string];
  const rows = [...cloud.compute.flavors.values()].map((flavor, seq) => ({ flavor, seq, value: sortValue(column(flavor, seq)) }));
  const ordered = rows
    .sort((a, b) => (compareSortValues(a.value, b.value) || a.seq - b.seq) * (descending ? -1 : 1))
    .map((row) => row.flavor);
  const start = paging.marker === undefined ? 0 : ordered.findIndex((f) => f.id === paging.marker) + 1;
  const page = ordered.slice(start).filter(keep).slice(0, paging.limit);

  const links = new NovaLinks(request);
  const render = detail ? renderFlavor : renderFlavorBrief;
  const next = collectionLinks(links, request, detail ? 'flavors/detail' : 'flavors', paging, page);
  return { flavors: page.map((f) => render(f, links, mv)), ...(next.length > 0 ? { flavors_links: next } : {}) };
}

/** The schema's enum on `sort_key`/`sort_dir` (every value checked); the controller reads the last. */
function checkedEnum(query: URLSearchParams, name: string, allowed: string[]): string | undefined {
  for (const value of query.getAll(name)) {
    if (!allowed.includes(value)) throw notOneOf(name, value, allowed);
  }
  return lastValue(query, name) || undefined;
}

/**
 * flavors.py::_get_flavors: members see public, enabled flavors; admins choose with `is_public`
 * (absent: public ones; `none`: all; else a strict boolean). `minRam`/`minDisk` are Python ints.
 */
function flavorFilter(request: FastifyRequest, query: URLSearchParams): (flavor: Flavor) => boolean {
  const checks: Array<(flavor: Flavor) => boolean> = [];
  if (request.caller.isAdmin) {
    const raw = lastValue(query, 'is_public');
    const isPublic = raw === undefined ? true : raw.toLowerCase() === 'none' ? null : parseBool(raw);
    if (isPublic === undefined) throw badRequest(`Invalid is_public filter [${raw}]`);
    if (isPublic !== null) checks.push((f) => f.isPublic === isPublic);
  } else {
    checks.push((f) => f.isPublic && !f.disabled);
  }
  for (const [param, read] of [
    ['minRam', (f: Flavor) => f.ramMb],
    ['minDisk', (f: Flavor) => f.diskGb],
  ] as const) {
    const raw = lastValue(query, param);
    if (raw === undefined) continue;
    if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw badRequest(`Invalid ${param} filter [${raw}]`);
    checks.push((f) => read(f) >= Number(raw));
  }
  const name = request.microversion.atLeast('2.102') ? lastValue(query, 'name') : undefined;
  if (name !== undefined) {
    const pattern = compileRegex('name', name);
    checks.push((f) => pattern.test(f.name));
  }
  return (flavor) => checks.every((check) => check(flavor));
}
