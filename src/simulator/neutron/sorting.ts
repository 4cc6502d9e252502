import { httpBadRequest } from '../core/network/errors';
import { type Attribute, readAttribute, type View } from './attributes';
import { pyRepr } from '../core/compute/actions/python-repr';
import { listArgs, type QueryPairs } from './query';

export interface SortKey<T> {
  attribute: Attribute<T>;
  ascending: boolean;
}

/**
 * `api_common.get_sorts`: `sort_key` and `sort_dir` pair up (their counts must match), keys must
 * be sortable attributes (`sort-key-validation`) and directions `asc` or `desc`.
 */
export function parseSorts<T>(attributes: ReadonlyArray<Attribute<T>>, query: QueryPairs): Array<SortKey<T>> {
  const keys = listArgs(query, 'sort_key');
  const dirs = listArgs(query, 'sort_dir');
  if (keys.length !== dirs.length) throw httpBadRequest('The number of sort_keys and sort_dirs must be same');
  const sortable = new Map(attributes.filter((a) => a.sort).map((a) => [a.key, a]));
  const absent = keys.filter((key) => !sortable.has(key));
  if (absent.length > 0) throw httpBadRequest(`${pyRepr(absent)} is invalid attribute for sort_keys`);
  const badDirs = dirs.filter((dir) => dir !== 'asc' && dir !== 'desc');
  if (badDirs.length > 0) throw httpBadRequest(`${pyRepr(badDirs)} is invalid value for sort_dirs, valid value is 'asc' and 'desc'`);
  return keys.map((key, i) => ({ attribute: sortable.get(key) as Attribute<T>, ascending: dirs[i] === 'asc' }));
}

/**
 * Sorted queries always end on the primary key so that pages are deterministic (neutron-lib's
 * `get_collection_query` appends the model's unique keys).
 */
export function withTieBreaker<T>(sorts: Array<SortKey<T>>, attributes: ReadonlyArray<Attribute<T>>): Array<SortKey<T>> {
  if (sorts.some((s) => s.attribute.key === 'id')) return sorts;
  const id = attributes.find((a) => a.key === 'id');
  return id ? [...sorts, { attribute: id, ascending: true }] : sorts;
}

/** Python's ordering of the values a column holds: None first, then natural order. */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
}

/**
 * Compares items by the sort keys; `reversed` flips every direction, as paging backwards does.
 * Values are read on each comparison: a page of k out of n costs about n comparisons, cheaper
 * than keying all n items first.
 */
export function comparator<T>(sorts: Array<SortKey<T>>, view: View, reversed = false): (a: T, b: T) => number {
  const keys = sorts.map((s) => ({ attribute: s.attribute, sign: s.ascending !== reversed ? 1 : -1 }));
  return (a, b) => {
    for (const { attribute, sign } of keys) {
      const result = compareValues(readAttribute(attribute, a, view), readAttribute(attribute, b, view));
      if (result !== 0) return result * sign;
    }
    return 0;
  };
}
