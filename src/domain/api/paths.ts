/** Every BFF path, in one table: the SPA's client and the BFF's routes both read from here. */
export const apiPaths = {
  clouds: '/api/clouds',
  login: '/api/auth/login',
  session: '/api/auth/session',
  logout: '/api/auth/logout',
  logoutEverywhere: '/api/auth/logout-everywhere',
  scope: '/api/auth/scope',
  servers: '/api/servers',
  serverChanges: '/api/servers/changes',
  server: (id: string) => `/api/servers/${encodeURIComponent(id)}`,
  serverConsole: (id: string) => `/api/servers/${encodeURIComponent(id)}/console`,
  serverAction: (id: string, action: string) => `/api/servers/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`,
  tasks: '/api/tasks',
  task: (id: string) => `/api/tasks/${encodeURIComponent(id)}`,
  taskStream: '/api/tasks/stream',
  flavors: '/api/flavors',
  images: '/api/images',
  limits: '/api/limits',
  networks: '/api/networks',
  network: (id: string) => `/api/networks/${encodeURIComponent(id)}`,
  networkPorts: (id: string) => `/api/networks/${encodeURIComponent(id)}/ports`,
  healthz: '/healthz',
  readyz: '/readyz',
} as const;

export const apiPrefix = '/api/';

/** `/api` and everything under it: the contract's answers, never the SPA's pages. */
export function isApiPath(url: string): boolean {
  return url.startsWith(apiPrefix) || url === apiPrefix.slice(0, -1);
}
