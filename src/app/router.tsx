import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, matchRoutes, Navigate, type DataRouter, type RouteObject } from 'react-router';
import { paths, routePatterns } from './paths';
import { appLayoutLoader } from './routes/app-layout-loader';
import { AppLoading } from './routes/app-loading';
import { LoginRoute, loginLoader } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RouteErrorBoundary } from './routes/route-error-boundary';
import { serversLoader } from './routes/servers-loader';

/** The route table. Tests build a memory router from this same table. */
export function createAppRoutes(queryClient: QueryClient): RouteObject[] {
  const routes: RouteObject[] = [
    {
      id: 'root',
      errorElement: <RouteErrorBoundary standalone />,
      hydrateFallbackElement: <AppLoading />,
      children: [
        {
          path: paths.login,
          loader: loginLoader(queryClient),
          element: <LoginRoute onSigningIn={(target) => preloadRouteCode(routes, target)} />,
        },
        {
          id: 'app',
          loader: appLayoutLoader(queryClient),
          // The shell and each page are chunks of their own: the login page needs none of them.
          lazy: { Component: async () => (await import('./routes/app-layout-route')).AppLayoutRoute },
          children: [
            {
              // Inside the shell, so a failing page keeps the header and navigation.
              errorElement: <RouteErrorBoundary />,
              children: [
                { index: true, element: <Navigate to={paths.servers} replace /> },
                {
                  path: paths.servers,
                  // The first page is requested while the page's chunk loads.
                  loader: serversLoader(queryClient),
                  lazy: { Component: async () => (await import('./routes/servers-route')).ServersRoute },
                },
                {
                  path: routePatterns.server,
                  lazy: { Component: async () => (await import('./routes/server-detail-route')).ServerDetailRoute },
                },
                {
                  path: paths.networks,
                  lazy: {
                    // The networks' loaders come in a chunk of their own, beside the page's: the
                    // login and servers pages, where everyone starts, need none of their queries.
                    loader: async () => (await import('./routes/networks-loader')).networksLoader(queryClient),
                    Component: async () => (await import('./routes/networks-route')).NetworksRoute,
                  },
                },
                {
                  path: routePatterns.network,
                  lazy: {
                    loader: async () => (await import('./routes/networks-loader')).networkDetailLoader(queryClient),
                    Component: async () => (await import('./routes/network-detail-route')).NetworkDetailRoute,
                  },
                },
                {
                  path: paths.tasks,
                  lazy: { Component: async () => (await import('./routes/tasks-route')).TasksRoute },
                },
                { path: '*', element: <NotFoundRoute /> },
              ],
            },
          ],
        },
      ],
    },
  ];
  return routes;
}

/**
 * Starts loading the code of the routes `target` matches, so that it arrives while the sign-in
 * request runs instead of after it.
 */
function preloadRouteCode(routes: RouteObject[], target: string): void {
  for (const { route } of matchRoutes(routes, target) ?? []) {
    if (typeof route.lazy !== 'object') continue;
    for (const load of Object.values(route.lazy)) void load?.();
  }
}

export type CreateRouter = (routes: RouteObject[]) => DataRouter;

export function createAppRouter(queryClient: QueryClient, createRouter: CreateRouter = createBrowserRouter): DataRouter {
  return createRouter(createAppRoutes(queryClient));
}
