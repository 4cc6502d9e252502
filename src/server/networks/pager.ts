import { advance, maxScanPages, pageAfterMarkers, type SourcePosition } from '../cursor';
import { AppError } from '../errors';
import type { NeutronPage } from '../openstack/neutron';
import type { Query } from '../openstack/service';

export interface Row {
  id: string;
}

export interface PagerPage<T> {
  items: T[];
  /** Whether rows follow this page. */
  more: boolean;
}

/**
 * A marker that no longer finds its row: Neutron's 404 on networks and ports, a marker the
 * subnets pager ignored, or a row gone from a list paged in the BFF.
 */
export class MarkerVanished extends Error {
  constructor() {
    super('The list marker no longer exists.');
    this.name = 'MarkerVanished';
  }
}

/** One order of one Neutron list, read a page at a time after a marker (an id). */
export interface Pager<T extends Row> {
  page(marker: string | undefined, limit: number): Promise<PagerPage<T>>;
}

/**
 * Neutron's own limit/marker pagination. It asks for one row more than wanted, so an exactly full
 * last page is known to be the last without following Neutron's `next` to an empty page. When
 * `pagination_max_limit` clamps the limit, Neutron's `next` link says whether more follow.
 *
 * An unknown marker is a 404 on networks and ports (`not-found`); the subnets pager ignores it
 * and starts again from the first row (`ignored`), which shows in id order as a first row that is
 * not after the marker. Either is a MarkerVanished, so the caller falls back to an earlier id.
 */
export function neutronPager<T extends Row>(
  list: (query: Query) => Promise<NeutronPage<T>>,
  query: Query,
  unknownMarker: 'not-found' | 'ignored',
): Pager<T> {
  return {
    async page(marker, limit) {
      let result: NeutronPage<T>;
      try {
        result = await list({ ...query, limit: String(limit + 1), ...(marker !== undefined && { marker }) });
      } catch (error) {
        if (marker !== undefined && unknownMarker === 'not-found' && error instanceof AppError && error.status === 404) throw new MarkerVanished();
        throw error;
      }
      const first = result.rows[0];
      if (marker !== undefined && unknownMarker === 'ignored' && first && first.id <= marker) throw new MarkerVanished();
      if (result.rows.length > limit) return { items: result.rows.slice(0, limit), more: true };
      return { items: result.rows, more: result.next && result.rows.length > 0 };
    },
  };
}

/**
 * A list Neutron does not page (no `pagination` extension) or cannot sort (no `sorting`): read
 * whole once per request, sorted and paged here with the same id markers and the same fall-back.
 */
export function localPager<T extends Row>(loadAll: () => Promise<T[]>, compare: (a: T, b: T) => number): Pager<T> {
  let sorted: Promise<T[]> | undefined;
  return {
    async page(marker, limit) {
      sorted ??= loadAll().then((rows) => rows.sort(compare));
      const rows = await sorted;
      let start = 0;
      if (marker !== undefined) {
        const at = rows.findIndex((row) => row.id === marker);
        if (at < 0) throw new MarkerVanished();
        start = at + 1;
      }
      return { items: rows.slice(start, start + limit), more: start + limit < rows.length };
    },
  };
}

export interface SortKey<T> {
  value: (row: T) => string | null | undefined;
  dir: 'asc' | 'desc';
}

/**
 * The order Neutron's sorted pages have, for sorting in the BFF: the keys in turn (missing values
 * first, as SQL's NULLs in Neutron's ascending order), then the id, as Neutron's pager adds it.
 */
export function comparator<T extends Row>(keys: ReadonlyArray<SortKey<T>>): (a: T, b: T) => number {
  const compareText = (x: string | null | undefined, y: string | null | undefined): number => {
    if (x === y) return 0;
    if (x === null || x === undefined) return -1;
    if (y === null || y === undefined) return 1;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return (a, b) => {
    for (const key of keys) {
      const result = compareText(key.value(a), key.value(b));
      if (result !== 0) return key.dir === 'asc' ? result : -result;
    }
    return compareText(a.id, b.id);
  };
}

export const byId = comparator<Row>([]);

export interface Gathered<T> {
  items: T[];
  /** Where the next request goes on; null when the list is done. */
  position: SourcePosition;
}

export interface GatherOptions<T> {
  /** Rows to return; others are read past (a filter the BFF applies, a partial-name match). */
  keep?: (row: T) => boolean;
  /** Rows per upstream page; by default as many as are still wanted. */
  pageSize?: number;
}

/**
 * Up to `want` rows that `keep` accepts, from the remembered position on, reading at most
 * `maxScanPages` upstream pages. The position remembers the last rows read up to the last one
 * returned, so the next request goes on right after it; a remembered id that vanished falls back
 * to the one before it, then to the first page (pageAfterMarkers).
 */
export async function gather<T extends Row>(pager: Pager<T>, markers: readonly string[], want: number, options: GatherOptions<T> = {}): Promise<Gathered<T>> {
  const items: T[] = [];
  let remembered = [...markers];
  for (let pages = 0; pages < maxScanPages; pages++) {
    const size = options.pageSize ?? want - items.length;
    const { page, base } = await pageAfterMarkers(
      remembered,
      (marker) => pager.page(marker, size),
      (error) => error instanceof MarkerVanished,
    );
    let read = page.items.length;
    for (let i = 0; i < page.items.length; i++) {
      const row = page.items[i] as T;
      if (options.keep && !options.keep(row)) continue;
      items.push(row);
      if (items.length === want) {
        read = i + 1;
        break;
      }
    }
    remembered = advance(base, page.items.slice(0, read).map((row) => row.id));
    const more = read < page.items.length || page.more;
    if (!more) return { items, position: null };
    if (items.length === want) return { items, position: { m: remembered } };
  }
  return { items, position: { m: remembered } };
}
