import { cidrContains, formatCidr, formatIp, parseCidr, parseIp } from './addresses';

/**
 * What the network search box means, decided here once (issue 7): a UUID is a network id; a CIDR
 * is the networks with a subnet of exactly that CIDR; an IP address is the networks with a subnet
 * that contains it; anything else is a name. Addresses and CIDRs are in the canonical form
 * Neutron stores (`FD00:1::/64` → `fd00:1::/64`, `10.0.0.5/24` → `10.0.0.0/24`).
 */
export type NetworkSearch =
  | { kind: 'id'; id: string }
  | { kind: 'cidr'; version: 4 | 6; cidr: string }
  | { kind: 'ip'; version: 4 | 6; address: string }
  | { kind: 'name'; value: string };

export type SubnetSearch = Extract<NetworkSearch, { kind: 'cidr' | 'ip' }>;

const uuid = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function normaliseUuid(q: string): string {
  const hex = q.replaceAll('-', '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function planNetworkSearch(raw: string): NetworkSearch | undefined {
  const q = raw.trim();
  if (!q) return undefined;
  if (uuid.test(q)) return { kind: 'id', id: normaliseUuid(q) };
  if (q.includes('/')) {
    const cidr = parseCidr(q);
    if (cidr) return { kind: 'cidr', version: cidr.version, cidr: formatCidr(cidr) };
  } else {
    const ip = parseIp(q);
    if (ip) return { kind: 'ip', version: ip.version, address: formatIp(ip) };
  }
  return { kind: 'name', value: q };
}

/** Whether a subnet's CIDR answers the search: the same CIDR, or one containing the address. */
export function subnetMatches(search: SubnetSearch, subnetCidr: string | undefined): boolean {
  const cidr = subnetCidr === undefined ? undefined : parseCidr(subnetCidr);
  if (!cidr) return false;
  if (search.kind === 'cidr') return formatCidr(cidr) === search.cidr;
  const ip = parseIp(search.address);
  return ip !== undefined && cidrContains(cidr, ip);
}

/**
 * The partial-name match the BFF makes over Neutron's exact `name` filter: the text anywhere in
 * the name, any case. Names equal to the text are left out: the exact query found those already.
 */
export function partialNameMatches(value: string, name: string | undefined): boolean {
  if (name === undefined || name === value) return false;
  return name.toLocaleLowerCase('en').includes(value.toLocaleLowerCase('en'));
}
