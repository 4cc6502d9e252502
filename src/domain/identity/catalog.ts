import type { CatalogEntry } from './keystone';

export type Interface = 'public' | 'internal' | 'admin';

export interface EndpointQuery {
  type: string;
  region?: string | undefined;
  interface?: Interface | undefined;
}

/** The regions the catalog offers, in first-seen order. */
export function catalogRegions(catalog: readonly CatalogEntry[]): string[] {
  const seen = new Set<string>();
  for (const entry of catalog) {
    for (const ep of entry.endpoints) {
      const region = ep.region_id ?? ep.region;
      if (region) seen.add(region);
    }
  }
  return [...seen];
}

/**
 * Picks the URL of a service by type, region and interface, as keystoneauth does: an endpoint
 * without a region matches any region. Returns undefined when the catalog has no such service.
 */
export function findEndpoint(catalog: readonly CatalogEntry[], query: EndpointQuery): string | undefined {
  const wanted = query.interface ?? 'public';
  for (const entry of catalog) {
    if (entry.type !== query.type) continue;
    const match = entry.endpoints.find((ep) => {
      const region = ep.region_id ?? ep.region;
      return ep.interface === wanted && (!query.region || !region || region === query.region);
    });
    if (match) return match.url.replace(/\/+$/, '');
  }
  return undefined;
}

/**
 * Where a service's version document is, which every OpenStack service answers without a token:
 * Nova's at its versioned root (a catalog URL may carry /{project_id} after /v2.1), the others'
 * at the root before any version.
 */
export function versionDocumentUrl(type: string, url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  if (type === 'compute') return trimmed.replace(/(\/v2(\.1)?)(\/[^/]+)?$/, '$1');
  return trimmed.replace(/\/v\d+(\.\d+)?$/, '');
}

/**
 * Catalogs list Neutron and Glance without a version (Nova usually with one): the API version is
 * part of every path Stackdeck calls, so add it where the catalog left it out.
 */
const apiVersions: Record<string, string> = { network: '/v2.0', image: '/v2' };

export function withApiVersion(type: string, url: string): string {
  const version = apiVersions[type];
  return version && !url.endsWith(version) ? `${url}${version}` : url;
}
