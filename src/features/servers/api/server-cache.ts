import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { serverSummarySchema, type ServerDetail, type ServerList, type ServerSummary } from '../../../domain/api';
import { appEvents } from '../../../lib/app-events';
import { isApiError } from '../../../lib/errors';
import { shouldRetry } from '../../../lib/query-client';
import { mergeServerChanges } from './merge-server-changes';
import { serverKeys, serverQuery } from './server-queries';

/**
 * Puts a server's new row into every cached list that holds it and into its cached detail, in
 * place (`setQueryData`): nothing is fetched. A row older than the cached one is ignored.
 */
export function applyServerRow(client: QueryClient, server: ServerSummary): void {
  client.setQueriesData<InfiniteData<ServerList, unknown>>({ queryKey: serverKeys.lists() }, (data) => (data ? mergeServerChanges(data, [server]) : data));
  client.setQueryData<ServerDetail>(serverKeys.detail(server.id), (detail) => {
    if (!detail || Date.parse(server.updated) < Date.parse(detail.updated)) return detail;
    return { ...detail, ...server };
  });
}

/**
 * Reads one server again (after Nova refused an action because the server was not what its row
 * said) and puts it into the lists; a server that is gone leaves them.
 */
export async function refreshServer(client: QueryClient, id: string): Promise<void> {
  try {
    // One read, not a page waiting for its data: the usual few tries, not a wait for the service.
    const detail = await client.fetchQuery({ ...serverQuery(id), staleTime: 0, retry: shouldRetry });
    applyServerRow(client, serverSummarySchema.parse(detail));
  } catch (error) {
    if (!isApiError(error) || error.status !== 404) return;
    const gone = client
      .getQueriesData<InfiniteData<ServerList, unknown>>({ queryKey: serverKeys.lists() })
      .flatMap(([, data]) => data?.pages.flatMap((page) => page.items) ?? [])
      .find((s) => s.id === id);
    if (gone) applyServerRow(client, { ...gone, status: 'DELETED', updated: new Date().toISOString() });
  }
}

/**
 * Keeps the servers' caches current from the app's event bus: each task event's server row goes
 * in place (no refetch); when a task ends the open detail reads its action log and fault again;
 * a row an action found stale is read again.
 */
export function connectServerEvents(client: QueryClient): () => void {
  const bus = appEvents(client);
  const offTask = bus.on('task', ({ task, server }) => {
    if (server) applyServerRow(client, server);
    if (task.state !== 'running') void client.invalidateQueries({ queryKey: serverKeys.detail(task.serverId), refetchType: 'active' });
  });
  const offStale = bus.on('server-stale', ({ serverId }) => void refreshServer(client, serverId));
  return () => {
    offTask();
    offStale();
  };
}
