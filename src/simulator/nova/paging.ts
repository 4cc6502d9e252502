import type { FastifyRequest } from 'fastify';
import { badRequest } from './faults';
import type { Link, NovaLinks } from './links';
import { invalidQueryParam, lastValue, pyRepr } from './query';

/** Nova's `[api] max_limit`: the page size without `limit`, and the cap on it. */
export const MAX_LIMIT = 1000;

export interface Paging {
  limit: number;
  marker: string | undefined;
  /**
   * The names the query schema keeps: before 2.75 Nova deletes unknown names from the request
   * (`_strip_additional_query_parameters`), so the `next` link does not repeat them.
   */
  kept?: (name: string) => boolean;
}

/**
 * `limit` and `marker` as the query schema checks them (every `limit` a non-negative integer)
 * and `common.get_limit_and_marker` reads them (the last of each; `limit` capped at max_limit).
 */
export function readPaging(query: URLSearchParams, kept?: (name: string) => boolean): Paging {
  for (const value of query.getAll('limit')) {
    if (!/^[0-9]*$/.test(value)) throw invalidQueryParam('limit', value, `${pyRepr(value)} does not match '^[0-9]*$'`);
    if (value === '') throw invalidQueryParam('limit', value, "'' should be non-empty");
  }
  const limit = lastValue(query, 'limit');
  return { limit: Math.min(MAX_LIMIT, limit === undefined ? MAX_LIMIT : Number(limit)), marker: lastValue(query, 'marker'), ...(kept && { kept }) };
}

export const markerNotFound = (marker: string) => badRequest(`marker [${marker}] not found`);

/**
 * `<collection>_links` (common.ViewBuilder._get_collection_links): a `next` link only when the page
 * is exactly full, so a list whose last page is full ends with an empty page and no link.
 */
export function collectionLinks(links: NovaLinks, request: FastifyRequest, collectionPath: string, paging: Paging, page: ReadonlyArray<{ id: string }>): Link[] {
  const last = page.at(-1);
  if (last === undefined || page.length !== paging.limit) return [];
  return [links.next(collectionPath, request, last.id, paging.kept)];
}
