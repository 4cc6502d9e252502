import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { sessionQuery } from '../../features/auth';
import { networkPortsQuery, networkQuery, networksListQuery, readListParams } from '../../features/networks/api';

/**
 * Start a networks page's data as the route is entered, in parallel with the page's chunk; the
 * page reads it from the cache. Not awaited: the page shows its skeleton meanwhile. Only once the
 * session is known: signed out, the request would answer 401 and be taken for a session that ended.
 */
export const networksLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const session = await queryClient.ensureQueryData(sessionQuery()).catch(() => null);
    if (session) void queryClient.prefetchInfiniteQuery(networksListQuery(readListParams(new URL(request.url).searchParams)));
    return null;
  };

/** The network and the first page of its ports, side by side. */
export const networkDetailLoader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const session = await queryClient.ensureQueryData(sessionQuery()).catch(() => null);
    const id = params.id ?? '';
    if (session && id) {
      void queryClient.prefetchQuery(networkQuery(id));
      void queryClient.prefetchInfiniteQuery(networkPortsQuery(id));
    }
    return null;
  };
