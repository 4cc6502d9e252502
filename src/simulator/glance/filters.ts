import type { Image } from '../core/image/model';
import { glanceBadRequest } from './errors';
import { partition } from './list-request';

export type ImageFilter = (image: Image) => boolean;

/** Base columns a filter may name; anything else is a custom property (`?os_distro=ubuntu`). */
const columns: Record<string, (image: Image) => unknown> = {
  id: (i) => i.id,
  name: (i) => i.name,
  status: (i) => i.status,
  container_format: (i) => i.containerFormat,
  disk_format: (i) => i.diskFormat,
  owner: (i) => i.owner,
  checksum: (i) => i.checksum,
  os_hash_value: (i) => (i.checksum === null ? null : i.checksum.repeat(4)),
  size: (i) => i.size,
  virtual_size: (i) => i.virtualSize,
  min_disk: (i) => i.minDiskGb,
  min_ram: (i) => i.minRamMb,
  created_at: (i) => i.createdAt,
  updated_at: (i) => i.updatedAt,
};

/** Filters that take `in:a,b` or `eq:a` (glance.common.utils.split_filter_op). */
const operatorFilters = new Set(['name', 'id', 'status', 'container_format', 'disk_format']);
const rangeFilters = new Set(['size', 'virtual_size', 'min_disk', 'min_ram']);
const timeFilters = new Set(['created_at', 'updated_at']);

const comparisons: Record<string, (value: number, threshold: number) => boolean> = {
  gt: (v, t) => v > t,
  gte: (v, t) => v >= t,
  lt: (v, t) => v < t,
  lte: (v, t) => v <= t,
  neq: (v, t) => v !== t,
  eq: (v, t) => v === t,
};

/** oslo's `parse_isotime`: an ISO 8601 time, UTC when it names no zone. */
function parseIsoTime(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `split_filter_op`: `op:threshold`, except that a bare ISO time keeps its colons (`eq`). */
function splitOperator(expression: string): [string, string] {
  const [left, right] = partition(expression, ':');
  if (right === undefined || parseIsoTime(expression) !== undefined) return ['eq', expression];
  return [left, right];
}

/** `split_filter_value_for_quotes`: `in:"a,b",c` is two values. */
function splitValues(list: string): string[] {
  return [...list.matchAll(/"([^"\\]*(?:\\.[^"\\]*)*)",?|([^,]+),?|,/g)].map((m) => m[1] ?? m[2] ?? '');
}

function operatorFilter(key: string, expression: string): ImageFilter {
  const [operator, threshold] = splitOperator(expression);
  const read = columns[key] as (image: Image) => unknown;
  if (operator === 'in') {
    const values = new Set(splitValues(threshold));
    return (image) => values.has(String(read(image)));
  }
  if (operator === 'eq') return (image) => read(image) === threshold;
  throw glanceBadRequest(`Unable to filter by unknown operator '${operator}'.`);
}

function rangeFilter(key: string, bound: 'min' | 'max', text: string): ImageFilter {
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw glanceBadRequest('Unable to filter on a range with a non-numeric value.');
  const limit = Number(text);
  const read = columns[key] as (image: Image) => unknown;
  return (image) => {
    const value = read(image);
    return typeof value === 'number' && (bound === 'min' ? value >= limit : value <= limit);
  };
}

function timeFilter(key: string, expression: string): ImageFilter {
  const [operator, text] = splitOperator(expression);
  const threshold = parseIsoTime(text);
  if (threshold === undefined) throw glanceBadRequest(`Bad "${key}" query filter format. Use ISO 8601 DateTime notation.`);
  const compare = comparisons[operator];
  if (!compare) throw glanceBadRequest('Unable to filter on a unknown operator.');
  const read = columns[key] as (image: Image) => number;
  // Glance stores whole seconds.
  return (image) => compare(Math.floor(read(image) / 1000) * 1000, threshold);
}

function booleanFilter(read: (image: Image) => boolean, wanted: boolean): ImageFilter {
  return (image) => read(image) === wanted;
}

/**
 * The images list's filters (`_make_conditions_from_filters` in glance/db/sqlalchemy/api.py), all
 * ANDed: operator forms for names and ids, `_min`/`_max` ranges, time comparisons, every tag,
 * booleans already checked by the controller, other columns exactly, and any other key as a
 * custom property. A deleted or killed image never lists.
 */
export function imageFilters(filters: Map<string, string>, tags: string[], osHidden: boolean, isProtected: boolean | undefined): ImageFilter {
  const all: ImageFilter[] = [(image) => image.status !== 'killed' && image.status !== 'deleted', booleanFilter((i) => i.osHidden, osHidden)];
  if (isProtected !== undefined) all.push(booleanFilter((i) => i.protected, isProtected));
  if (tags.length > 0) all.push((image) => tags.every((tag) => image.tags.includes(tag)));
  for (const [key, value] of filters) {
    if (key === 'visibility' || key === 'os_hidden' || key === 'protected') continue;
    const rangeKey = key.slice(0, -4);
    if (/_(min|max)$/.test(key) && rangeFilters.has(rangeKey)) all.push(rangeFilter(rangeKey, key.endsWith('_min') ? 'min' : 'max', value));
    else if (timeFilters.has(key)) all.push(timeFilter(key, value));
    else if (operatorFilters.has(key)) all.push(operatorFilter(key, value));
    else if (key in columns) all.push((image) => String((columns[key] as (image: Image) => unknown)(image)) === value);
    else all.push((image) => image.properties[key] === value);
  }
  return (image) => all.every((test) => test(image));
}
