/** A database column's value as the simulated Nova orders rows by it. */
export type ColumnValue = string | number | boolean | null;

export type SortValue = string | number | null;

/** A column as MySQL orders it: text case-insensitively (the default collation), booleans as 0/1. */
export function sortValue(value: ColumnValue): SortValue {
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/** Ascending order of two sort values; NULL comes first, as in MySQL. */
export function compareSortValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * The first `k` items of `items` in `compare` order, without sorting them all: a page of 100 out
 * of thousands of matches costs about one comparison per item instead of a full sort.
 */
export function firstInOrder<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  if (k <= 0) return best;
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1] as T) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(best[mid] as T, item) <= 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}
