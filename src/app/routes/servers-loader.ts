import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { sessionQuery } from '../../features/auth';
import { readListParams, serversListQuery } from '../../features/servers/api';

/**
 * Starts the list's first page as the route is entered, in parallel with the page's chunk; the
 * page reads it from the cache. Not awaited: the page shows its skeleton meanwhile. Only once
 * the session is known (the shell's loader asks for it at the same time): signed out, a list
 * request would answer 401 and be taken for a session that ended.
 */
export const serversLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const session = await queryClient.ensureQueryData(sessionQuery()).catch(() => null);
    if (session) void queryClient.prefetchInfiniteQuery(serversListQuery(readListParams(new URL(request.url).searchParams)));
    return null;
  };
