/** A request's query as webob keeps it: ordered (key, value) pairs, repeats included. */
export type QueryPairs = ReadonlyArray<readonly [string, string]>;

/** webob's `GET.get(key)`: the last value given. */
export function lastValue(query: QueryPairs, key: string): string | undefined {
  for (let i = query.length - 1; i >= 0; i--) {
    const pair = query[i];
    if (pair?.[0] === key) return pair[1];
  }
  return undefined;
}

/** `api_common.list_args`: every non-empty value of a repeated key. */
export function listArgs(query: QueryPairs, key: string): string[] {
  return query.filter(([k, v]) => k === key && v !== '').map(([, v]) => v);
}
