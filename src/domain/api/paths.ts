/** Every BFF path, in one table: the SPA's client and the BFF's routes both read from here. */
export const apiPaths = {
  clouds: '/api/clouds',
  login: '/api/auth/login',
  session: '/api/auth/session',
  logout: '/api/auth/logout',
  healthz: '/healthz',
  readyz: '/readyz',
} as const;

export const apiPrefix = '/api/';
