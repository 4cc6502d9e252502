/**
 * Python's `urllib.parse.urlencode` over ordered (key, value) pairs, as Neutron and Glance build
 * their paging links with it: `quote_plus` keeps only letters, digits and `_.-~`, a space is `+`.
 * (`URLSearchParams` differs: it keeps `*` and escapes `~`.)
 */
export function pythonUrlencode(pairs: Iterable<readonly [string, string]>): string {
  return [...pairs].map(([key, value]) => `${quotePlus(key)}=${quotePlus(value)}`).join('&');
}

function quotePlus(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%20', '+');
}

/** The query of a raw request URL as ordered pairs, decoded as webob does (`+` is a space). */
export function queryPairs(url: string): Array<[string, string]> {
  const at = url.indexOf('?');
  return at < 0 ? [] : [...new URLSearchParams(url.slice(at + 1))];
}
