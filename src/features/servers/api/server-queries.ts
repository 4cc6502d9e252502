import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import {
  apiPaths,
  consoleOutputSchema,
  serverChangesSchema,
  serverDetailSchema,
  serverListSchema,
  type ServerChanges,
  type ServerList,
  type ServerSummary,
} from '../../../domain/api';
import { apiRequest } from '../../../lib/api-client';
import { recoverWhileShown } from '../../../lib/query-client';
import type { ServerListParams } from './list-params';
import { mergeServerChanges } from './merge-server-changes';

/** Rows per request: a screen and a bit more, and few round trips to the end of a long list. */
export const serverPageSize = 100;
/** Lines of the console log the detail shows. */
export const consoleLines = 200;
/** The changes feed's interval while a list is on screen. */
export const changesIntervalMs = 30_000;

/** The one query-key factory for servers. */
export const serverKeys = {
  all: ['servers'] as const,
  lists: () => [...serverKeys.all, 'list'] as const,
  list: (params: ServerListParams) => [...serverKeys.lists(), params] as const,
  changes: () => [...serverKeys.all, 'changes'] as const,
  details: () => [...serverKeys.all, 'detail'] as const,
  detail: (id: string) => [...serverKeys.details(), id] as const,
  console: (id: string) => [...serverKeys.all, 'console', id] as const,
};

/**
 * The list for a search, status and sort, a page at a time. The signal cancels a request the
 * user has typed past. Freshness comes from the changes feed, not from refetching every loaded
 * page, so a focus or a return to the page does not refetch it.
 */
export const serversListQuery = (params: ServerListParams) =>
  infiniteQueryOptions({
    queryKey: serverKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      apiRequest(apiPaths.servers, {
        query: { limit: serverPageSize, marker: pageParam, q: params.q, status: params.status, sort: params.sort, dir: params.dir },
        schema: serverListSchema,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ServerList) => last.next ?? undefined,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    ...recoverWhileShown,
  });

export const serverQuery = (id: string) =>
  queryOptions({
    queryKey: serverKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(apiPaths.server(id), { schema: serverDetailSchema, signal }),
    ...recoverWhileShown,
  });

export const serverConsoleQuery = (id: string) =>
  queryOptions({
    queryKey: serverKeys.console(id),
    queryFn: async ({ signal }) =>
      (await apiRequest(apiPaths.serverConsole(id), { query: { lines: consoleLines }, schema: consoleOutputSchema, signal })).output,
    // A log only grows: the Refresh button asks again; nothing refetches behind the reader's back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/**
 * Servers changed since the last answer's `asOf` (the first time, since `initialSince`), merged
 * into every loaded list as they arrive. Every 30 s while a list is mounted and the tab is
 * visible, and at once when the tab comes back.
 */
export const serverChangesQuery = (initialSince: string) =>
  queryOptions({
    queryKey: serverKeys.changes(),
    queryFn: async ({ client, signal, queryKey }): Promise<ServerChanges> => {
      const since = client.getQueryData<ServerChanges>(queryKey)?.asOf ?? initialSince;
      const changes = await apiRequest(apiPaths.serverChanges, { query: { since }, schema: serverChangesSchema, signal });
      applyServerChanges(client, changes.items);
      return changes;
    },
    initialData: { items: [], asOf: initialSince },
    staleTime: changesIntervalMs - 5_000,
    refetchInterval: changesIntervalMs,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: 'always',
  });

/** Merges changed servers into every cached list; a changed server's open detail is fetched again. */
export function applyServerChanges(client: QueryClient, changes: readonly ServerSummary[]): void {
  if (changes.length === 0) return;
  client.setQueriesData<InfiniteData<ServerList, unknown>>({ queryKey: serverKeys.lists() }, (data) =>
    data ? mergeServerChanges(data, changes) : data,
  );
  for (const change of changes) void client.invalidateQueries({ queryKey: serverKeys.detail(change.id) });
}
