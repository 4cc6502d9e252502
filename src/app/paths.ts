/** Every SPA URL, in one table. Route definitions, links and redirects read from here. */
export const paths = {
  home: '/',
  login: '/login',
  servers: '/servers',
  server: (id: string) => `/servers/${encodeURIComponent(id)}`,
  networks: '/networks',
  network: (id: string) => `/networks/${encodeURIComponent(id)}`,
  tasks: '/tasks',
  /** The tasks page pointing at one task. */
  task: (id: string) => `/tasks?${new URLSearchParams({ task: id }).toString()}`,
} as const;

/** Route patterns for the paths that take parameters. */
export const routePatterns = {
  server: '/servers/:id',
  network: '/networks/:id',
} as const;

/** Where to go after signing in when the URL does not say. */
export const defaultAfterLogin = paths.servers;

export const loginSearch = { next: 'next', reason: 'reason' } as const;
export type LoginReason = 'session_expired';

/** The login URL that brings the user back to `next` (a path with its search) afterwards. */
export function loginHref(next?: string, reason?: LoginReason): string {
  const search = new URLSearchParams();
  const target = next === undefined ? undefined : safeRedirectTarget(next);
  if (target && target !== paths.home && target !== defaultAfterLogin) search.set(loginSearch.next, target);
  if (reason) search.set(loginSearch.reason, reason);
  const query = search.toString();
  return query ? `${paths.login}?${query}` : paths.login;
}

/**
 * `next` comes from the address bar, so anyone can craft it: accept only a path on this origin.
 * `//evil.com` and `/\evil.com` are protocol-relative URLs to a browser, and control characters
 * can be stripped by it into one; the login page itself would loop.
 */
export function safeRedirectTarget(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return undefined;
  const base = 'http://stackdeck.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base || url.pathname === paths.login) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
