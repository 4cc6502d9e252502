import { badRequest } from '../core/network/errors';
import { pythonUrlencode } from '../http/python-urlencode';
import { lastValue, type QueryPairs } from './query';
import type { View } from './attributes';
import { comparator, type SortKey } from './sorting';

export interface Paging {
  limit: number;
  /** The id of the last item seen (with `reverse`, the first). */
  marker: string | undefined;
  reverse: boolean;
}

/**
 * `api_common.get_limit_and_marker` and `get_page_reverse`. `limit` must be an integer ≥ 0; a
 * positive `pagination_max_limit` clamps it and replaces a missing or 0 one; with the default
 * (-1, unlimited) a missing or 0 limit means no paging at all, and then the marker is ignored.
 */
export function parsePaging(query: QueryPairs, maxLimit: number): Paging | undefined {
  const text = lastValue(query, 'limit') ?? '0';
  const parsed = /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : undefined;
  if (parsed === undefined || parsed < 0) {
    throw badRequest('limit', `Limit must be an integer 0 or greater and not '${parsed ?? text}'`);
  }
  const limit = maxLimit > 0 ? Math.min(maxLimit, parsed) || maxLimit : parsed;
  if (!limit) return undefined;
  return {
    limit,
    marker: lastValue(query, 'marker') || undefined,
    reverse: (lastValue(query, 'page_reverse') ?? 'False').toLowerCase() === 'true',
  };
}

/**
 * One page as `paginate_query` returns it: the rows after the marker's sort values (the marker
 * row itself need not match the filters), in the page's direction, limited, then put back in
 * forward order for a reversed page.
 */
export function selectPage<T>(rows: T[], sorts: Array<SortKey<T>>, view: View, paging: Paging, marker: T | undefined): T[] {
  const compare = comparator(sorts, view, paging.reverse);
  const candidates = marker === undefined ? rows : rows.filter((row) => compare(row, marker) > 0);
  const page = smallest(candidates, paging.limit, compare);
  return paging.reverse ? page.reverse() : page;
}

/** The k smallest rows in order: a bounded insertion for small pages of big lists, else a sort. */
function smallest<T>(rows: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k * 8 >= rows.length) return rows.sort(compare).slice(0, k);
  const best: T[] = [];
  for (const row of rows) {
    if (best.length === k && compare(row, best[k - 1] as T) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compare(best[mid] as T, row) <= 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, row);
    if (best.length > k) best.pop();
  }
  return best;
}

export interface Link {
  rel: 'next' | 'previous';
  href: string;
}

/**
 * `api_common.get_pagination_links`: `next` unless a short forward page, `previous` unless a
 * short reversed page, so a forward first page has `previous` too. Each link repeats the whole
 * query with the marker replaced: `next` drops `page_reverse`, `previous` sets it to True.
 */
export function pageLinks(pathUrl: string, query: QueryPairs, ids: string[], paging: Paging): Link[] {
  const short = ids.length < paging.limit;
  const rest = query.filter(([key]) => key !== 'marker' && key !== 'page_reverse');
  const withMarker = (id: string | undefined): Array<readonly [string, string]> => (id === undefined ? rest : [...rest, ['marker', id]]);
  const href = (pairs: Iterable<readonly [string, string]>) => `${pathUrl}?${pythonUrlencode(pairs)}`;
  const links: Link[] = [];
  if (!(short && !paging.reverse)) links.push({ rel: 'next', href: href(withMarker(ids.at(-1))) });
  if (!(short && paging.reverse)) links.push({ rel: 'previous', href: href([...withMarker(ids[0]), ['page_reverse', 'True']]) });
  return links;
}
