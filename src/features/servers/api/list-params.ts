import { z } from 'zod/mini';
import { serverSortKeys, serverStatuses, type ServerSortKey, type ServerStatus } from '../../../domain/api';

export type SortDir = 'asc' | 'desc';

/** What the servers list shows, as the URL holds it: `?q=&status=&sort=&dir=`. */
export interface ServerListParams {
  q?: string | undefined;
  status?: ServerStatus | undefined;
  sort: ServerSortKey;
  dir: SortDir;
}

/** Each sort's natural direction: names A→Z, statuses A→Z, newest first. The BFF defaults alike. */
export const defaultDirs: Record<ServerSortKey, SortDir> = { name: 'asc', status: 'asc', created: 'desc' };
export const defaultSort: ServerSortKey = 'created';

const searchSchema = z.object({
  q: z.catch(z.optional(z.string().check(z.trim(), z.maxLength(255))), undefined),
  status: z.catch(z.optional(z.enum(serverStatuses)), undefined),
  sort: z.catch(z.optional(z.enum(serverSortKeys)), undefined),
  dir: z.catch(z.optional(z.enum(['asc', 'desc'])), undefined),
});

/** Reads the list's view from a URL; anything unknown or malformed falls back to the default. */
export function readListParams(search: URLSearchParams): ServerListParams {
  const raw = searchSchema.parse({
    q: search.get('q') ?? undefined,
    status: search.get('status')?.toUpperCase() ?? undefined,
    sort: search.get('sort') ?? undefined,
    dir: search.get('dir') ?? undefined,
  });
  const sort = raw.sort ?? defaultSort;
  return { q: raw.q || undefined, status: raw.status, sort, dir: raw.dir ?? defaultDirs[sort] };
}

/** The URL search for a view; defaults are left out, so the plain list is plain `/servers`. */
export function writeListParams(params: ServerListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.status) search.set('status', params.status);
  if (params.sort !== defaultSort || params.dir !== defaultDirs[params.sort]) {
    search.set('sort', params.sort);
    search.set('dir', params.dir);
  }
  return search;
}

/** A column header pressed: the same column turns around, another starts in its natural direction. */
export function toggleSort(params: ServerListParams, column: ServerSortKey): ServerListParams {
  if (params.sort === column) return { ...params, dir: params.dir === 'asc' ? 'desc' : 'asc' };
  return { ...params, sort: column, dir: defaultDirs[column] };
}

export function isSortKey(column: string): column is ServerSortKey {
  return (serverSortKeys as readonly string[]).includes(column);
}
