import { z } from 'zod/mini';
import { networkSortKeys, networkStatuses, type NetworkSortKey, type NetworkStatus } from '../../../domain/api';

export type SortDir = 'asc' | 'desc';

/** What the networks list shows, as the URL holds it: `?q=&shared=&external=&status=&sort=&dir=`. */
export interface NetworkListParams {
  q?: string | undefined;
  /** undefined: either. */
  shared?: boolean | undefined;
  /** `router:external`; undefined: either. */
  external?: boolean | undefined;
  status?: NetworkStatus | undefined;
  sort: NetworkSortKey;
  dir: SortDir;
}

/** Each sort's natural direction; the BFF defaults alike (name, A→Z). */
export const defaultDirs: Record<NetworkSortKey, SortDir> = { name: 'asc', status: 'asc' };
export const defaultSort: NetworkSortKey = 'name';

const yesNo = z.catch(z.optional(z.pipe(z.enum(['true', 'false']), z.transform((value) => value === 'true'))), undefined);

const searchSchema = z.object({
  q: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(255))), undefined),
  shared: yesNo,
  external: yesNo,
  status: z.catch(z.optional(z.enum(networkStatuses)), undefined),
  sort: z.catch(z.optional(z.enum(networkSortKeys)), undefined),
  dir: z.catch(z.optional(z.enum(['asc', 'desc'])), undefined),
});

/** Reads the list's view from a URL; anything unknown or malformed falls back to the default. */
export function readListParams(search: URLSearchParams): NetworkListParams {
  const raw = searchSchema.parse({
    q: search.get('q') ?? undefined,
    shared: search.get('shared') ?? undefined,
    external: search.get('external') ?? undefined,
    status: search.get('status')?.toUpperCase() ?? undefined,
    sort: search.get('sort') ?? undefined,
    dir: search.get('dir') ?? undefined,
  });
  const sort = raw.sort ?? defaultSort;
  return { q: raw.q || undefined, shared: raw.shared, external: raw.external, status: raw.status, sort, dir: raw.dir ?? defaultDirs[sort] };
}

/** The URL search for a view; defaults are left out, so the plain list is plain `/networks`. */
export function writeListParams(params: NetworkListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.shared !== undefined) search.set('shared', String(params.shared));
  if (params.external !== undefined) search.set('external', String(params.external));
  if (params.status) search.set('status', params.status);
  if (params.sort !== defaultSort || params.dir !== defaultDirs[params.sort]) {
    search.set('sort', params.sort);
    search.set('dir', params.dir);
  }
  return search;
}

/** A column header pressed: the same column turns around, another starts in its natural direction. */
export function toggleSort(params: NetworkListParams, column: NetworkSortKey): NetworkListParams {
  if (params.sort === column) return { ...params, dir: params.dir === 'asc' ? 'desc' : 'asc' };
  return { ...params, sort: column, dir: defaultDirs[column] };
}

export function isSortKey(column: string): column is NetworkSortKey {
  return (networkSortKeys as readonly string[]).includes(column);
}

/** Whether anything narrows the list (an empty list then says "no match", not "no networks"). */
export function isNarrowed(params: NetworkListParams): boolean {
  return Boolean(params.q || params.status) || params.shared !== undefined || params.external !== undefined;
}
