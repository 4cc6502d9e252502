import { glanceBadRequest } from './errors';

type Pairs = Array<[string, string]>;

export const sortKeys = ['name', 'status', 'container_format', 'disk_format', 'size', 'id', 'created_at', 'updated_at'] as const;
export type SortKey = (typeof sortKeys)[number];
export type SortDir = 'asc' | 'desc';

export interface ListRequest {
  limit: number | undefined;
  marker: string | undefined;
  memberStatus: string;
  tags: string[];
  sortKeys: SortKey[];
  sortDirs: SortDir[];
  /** What is left of the query: `dict(params)`, so a repeated key keeps its last value. */
  filters: Map<string, string>;
}

/** webob's `MultiDict.pop`: takes the first occurrence only, a repeat stays behind. */
function popFirst(pairs: Pairs, key: string): string | undefined {
  const at = pairs.findIndex(([k]) => k === key);
  return at < 0 ? undefined : pairs.splice(at, 1)[0]?.[1];
}

function popAll(pairs: Pairs, key: string): string[] {
  const values: string[] = [];
  for (let value = popFirst(pairs, key); value !== undefined; value = popFirst(pairs, key)) values.push(value);
  return values;
}

/**
 * `RequestDeserializer.index` in glance/api/v2/images.py, checks in its order: visibility,
 * changes-since, member_status, limit, then the sort parameters (either `sort=k:dir,…` or the
 * classic repeated `sort_key`/`sort_dir`; one dir applies to every key).
 */
export function parseListRequest(query: ReadonlyArray<readonly [string, string]>): ListRequest {
  const pairs: Pairs = query.map(([k, v]) => [k, v]);
  const limit = popFirst(pairs, 'limit');
  const marker = popFirst(pairs, 'marker');
  const memberStatus = popFirst(pairs, 'member_status') ?? 'accepted';
  const tags = popAll(pairs, 'tag').map((t) => t.trim());

  const visibility = lastOf(pairs, 'visibility');
  if (visibility && !['community', 'public', 'private', 'shared', 'all'].includes(visibility)) throw glanceBadRequest(`Invalid visibility value: ${visibility}`);
  if (lastOf(pairs, 'changes-since')) throw glanceBadRequest('The "changes-since" filter is no longer available on v2.');
  if (!['pending', 'accepted', 'rejected', 'all'].includes(memberStatus)) throw glanceBadRequest(`Invalid status: ${memberStatus}`);

  const { keys, dirs } = parseSort(pairs);
  return { limit: limit === undefined ? undefined : parseLimit(limit), marker, memberStatus, tags, sortKeys: keys, sortDirs: dirs, filters: new Map(pairs) };
}

/** Python's `str.partition`: only the first separator splits. */
export function partition(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

function lastOf(pairs: Pairs, key: string): string | undefined {
  return pairs.findLast(([k]) => k === key)?.[1];
}

function parseLimit(text: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw glanceBadRequest('limit param must be an integer');
  const limit = Number(text);
  if (limit < 0) throw glanceBadRequest('limit param must be positive');
  return limit;
}

const sortKey = (key: string): SortKey => {
  if ((sortKeys as readonly string[]).includes(key)) return key as SortKey;
  throw glanceBadRequest(`Invalid sort key: ${key}. It must be one of the following: ${sortKeys.join(', ')}.`);
};

const sortDir = (dir: string): SortDir => {
  if (dir === 'asc' || dir === 'desc') return dir;
  throw glanceBadRequest(`Invalid sort direction: ${dir}`);
};

function parseSort(pairs: Pairs): { keys: SortKey[]; dirs: SortDir[] } {
  const sort = popFirst(pairs, 'sort');
  if (sort !== undefined) {
    if (pairs.some(([k]) => k === 'sort_key' || k === 'sort_dir')) throw glanceBadRequest('Old and new sorting syntax cannot be combined');
    const parts = sort.trim().split(',').map((part) => partition(part, ':'));
    return { keys: parts.map(([key = '']) => sortKey(key.trim())), dirs: parts.map(([, dir]) => sortDir(dir?.trim() || 'desc')) };
  }
  const keys = popAll(pairs, 'sort_key').map((key) => sortKey(key.trim()));
  const dirs = popAll(pairs, 'sort_dir').map((dir) => sortDir(dir.trim()));
  if (dirs.length > 1 && dirs.length !== keys.length) throw glanceBadRequest('Number of sort dirs does not match the number of sort keys');
  return { keys: keys.length > 0 ? keys : ['created_at'], dirs: dirs.length > 0 ? dirs : ['desc'] };
}
