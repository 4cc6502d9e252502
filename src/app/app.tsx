import type { DefaultOptions, QueryClient } from '@tanstack/react-query';
import type { DataRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { sessionQuery } from '../features/auth';
import { createQueryClient } from '../lib/query-client';
import { loginHref, paths } from './paths';
import { AppProviders } from './providers';
import { createAppRouter, type CreateRouter } from './router';

export interface CreateAppOptions {
  /** A memory router in tests; the browser router otherwise. */
  createRouter?: CreateRouter;
  queryDefaults?: DefaultOptions;
}

export interface StackdeckApp {
  router: DataRouter;
  queryClient: QueryClient;
}

/**
 * Builds the query client and the router together: a 401 seen by any query must navigate, and
 * the route loaders must read the cache.
 */
export function createApp({ createRouter, queryDefaults }: CreateAppOptions = {}): StackdeckApp {
  const holder: { router?: DataRouter } = {};
  const queryClient = createQueryClient({
    defaultOptions: queryDefaults,
    onSessionLost: () => {
      // The shell reacts to the null session by going to the login page; a failure before the
      // shell is up (a loader) needs the router told directly.
      queryClient.setQueryData(sessionQuery().queryKey, null);
      const router = holder.router;
      if (!router) return;
      const { pathname, search, hash } = router.state.location;
      if (pathname === paths.login) return;
      void router.navigate(loginHref(`${pathname}${search}${hash}`, 'session_expired'), { replace: true });
    },
  });
  const router = createAppRouter(queryClient, createRouter);
  holder.router = router;
  return { router, queryClient };
}

export function App({ router, queryClient }: StackdeckApp) {
  return (
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
