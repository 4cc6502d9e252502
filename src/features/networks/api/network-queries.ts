import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiPaths, networkDetailSchema, networkListSchema, networkPortListSchema, type NetworkList, type NetworkPortList } from '../../../domain/api';
import { apiRequest } from '../../../lib/api-client';
import { recoverWhileShown } from '../../../lib/query-client';
import type { NetworkListParams } from './list-params';

/** Rows per request: a screen and a bit more, and 20 round trips to the end of 2 000 networks. */
export const networkPageSize = 100;
/**
 * Ports per request. Smaller than a list page: the BFF looks up the server of each `compute:*`
 * port in Nova (from its cache, else one by one), so a page costs up to this many Nova calls.
 */
export const portPageSize = 50;
/** Networks change seldom and have no changes feed: a list or a detail is fresh for this long. */
const freshMs = 60_000;

/** The one query-key factory for networks (and their ports). */
export const networkKeys = {
  all: ['networks'] as const,
  lists: () => [...networkKeys.all, 'list'] as const,
  list: (params: NetworkListParams) => [...networkKeys.lists(), params] as const,
  details: () => [...networkKeys.all, 'detail'] as const,
  detail: (id: string) => [...networkKeys.details(), id] as const,
  ports: (id: string) => [...networkKeys.detail(id), 'ports'] as const,
};

/**
 * The list for a search, filters and sort, a page at a time. The signal cancels a request the
 * user has typed past. Loaded pages are not refetched on focus: that would read every page again.
 */
export const networksListQuery = (params: NetworkListParams) =>
  infiniteQueryOptions({
    queryKey: networkKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      apiRequest(apiPaths.networks, {
        query: {
          limit: networkPageSize,
          marker: pageParam,
          q: params.q,
          shared: params.shared,
          external: params.external,
          status: params.status,
          sort: params.sort,
          dir: params.dir,
        },
        schema: networkListSchema,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: NetworkList) => last.next ?? undefined,
    staleTime: freshMs,
    refetchOnWindowFocus: false,
    ...recoverWhileShown,
  });

export const networkQuery = (id: string) =>
  queryOptions({
    queryKey: networkKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(apiPaths.network(id), { schema: networkDetailSchema, signal }),
    staleTime: freshMs,
    ...recoverWhileShown,
  });

/** A network's ports in id order, a page at a time, with the servers of `compute:*` ports. */
export const networkPortsQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: networkKeys.ports(id),
    queryFn: ({ pageParam, signal }) =>
      apiRequest(apiPaths.networkPorts(id), { query: { limit: portPageSize, marker: pageParam }, schema: networkPortListSchema, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: NetworkPortList) => last.next ?? undefined,
    staleTime: freshMs,
    refetchOnWindowFocus: false,
    ...recoverWhileShown,
  });
