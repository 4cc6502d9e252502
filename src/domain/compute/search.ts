/**
 * What one search box means, decided here once (architecture.md, "Search `q` on servers"):
 * a full UUID is an id; 8+ hex characters are an id prefix; an IPv4/IPv6 address or prefix is an
 * address; anything else is a name. A q that fits two kinds (`10`, `deadbeef`) searches both.
 */
export type ServerSearch =
  | { kind: 'id'; id: string }
  | { kind: 'id-prefix'; prefix: string }
  | { kind: 'ip'; version: 4 | 6; value: string; exact: boolean }
  | { kind: 'name'; value: string };

const uuid = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const hexPrefix = /^[0-9a-f][0-9a-f-]{7,}$/i;
const ipv4Prefix = /^\d{1,3}(\.\d{1,3}){0,3}\.?$/;
const ipv4Exact = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const ipv6Like = /^[0-9a-f:]*:[0-9a-f:]*$/i;

function validOctets(q: string): boolean {
  return q.split('.').filter(Boolean).every((o) => Number(o) <= 255);
}

/** The dashed, lower-case form Nova uses, so `0E44CC9C…` and undashed ids find the server. */
function normaliseUuid(q: string): string {
  const hex = q.replaceAll('-', '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Exact IPv6 addresses: eight groups, or fewer with one `::`. */
function isExactIpv6(q: string): boolean {
  const parts = q.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p ? p.split(':') : []));
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  return parts.length === 2 ? groups.length < 8 : groups.length === 8;
}

export function planServerSearch(raw: string): ServerSearch[] {
  const q = raw.trim();
  if (!q) return [];
  if (uuid.test(q)) return [{ kind: 'id', id: normaliseUuid(q) }];

  const plans: ServerSearch[] = [];
  if (hexPrefix.test(q) && q.replaceAll('-', '').length >= 8) plans.push({ kind: 'id-prefix', prefix: q.toLowerCase() });
  if (ipv4Prefix.test(q) && validOctets(q)) plans.push({ kind: 'ip', version: 4, value: q, exact: ipv4Exact.test(q) });
  else if (ipv6Like.test(q) && q.replaceAll(':', '').length > 0) plans.push({ kind: 'ip', version: 6, value: q.toLowerCase(), exact: isExactIpv6(q) });

  // A dotted quad or an IPv6 address is never also a name worth searching; anything shorter is.
  const unmistakablyAddress = plans.some((p) => p.kind === 'ip' && (p.exact || p.version === 6));
  if (!unmistakablyAddress) plans.push({ kind: 'name', value: q });
  return plans;
}

/** Regex metacharacters escaped, so `web.1` matches only "web.1" inside a name (Nova's name filter is a regex). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Nova's ip/ip6 filter value: the address as typed. Nova documents a regex, but with Neutron's
 * ip-substring-filtering (any modern cloud) it hands the value to Neutron as a plain substring, so
 * `^10\.0\.3\.17$` finds nothing on a real Zed cloud. A substring finds a superset everywhere;
 * `addressMatches` then keeps the exact matches.
 */
export function ipFilterValue(search: Extract<ServerSearch, { kind: 'ip' }>): string {
  return search.value;
}

/**
 * Whether a server's addresses really match, for the BFF to check what Nova answered: Nova turns
 * the ip filter into a substring match, so `10.0.3.17` also finds `10.0.3.170`.
 */
export function addressMatches(search: Extract<ServerSearch, { kind: 'ip' }>, addresses: readonly string[]): boolean {
  const wanted = search.value.toLowerCase();
  return addresses.some((a) => (search.exact ? a.toLowerCase() === wanted : a.toLowerCase().startsWith(wanted)));
}
