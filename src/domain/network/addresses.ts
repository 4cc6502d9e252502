/**
 * Just enough IP arithmetic for the network search: read an address or a CIDR (either family),
 * write it in the canonical form Neutron stores, and test whether a CIDR contains an address.
 */

export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

export interface Cidr {
  version: 4 | 6;
  /** The first address of the range (host bits cleared). */
  network: bigint;
  prefixLength: number;
}

const bits = { 4: 32, 6: 128 } as const;

export function parseIp(text: string): IpAddress | undefined {
  const t = text.trim();
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(t)) {
    const octets = t.split('.').map(Number);
    if (!octets.every((o) => o <= 255)) return undefined;
    return { version: 4, value: octets.reduce((acc, o) => (acc << 8n) | BigInt(o), 0n) };
  }
  return parseIpv6(t);
}

function parseIpv6(text: string): IpAddress | undefined {
  if (!/^[0-9a-f:]+$/i.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return { version: 6, value: all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

/** Dotted quad, or RFC 5952 (lower case, the longest run of zero groups compressed). */
export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return [24n, 16n, 8n, 0n].map((shift) => String((ip.value >> shift) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/**
 * `10.0.0.0/24`, `fd00:1::/64`. Host bits set (`10.0.0.5/24`) are cleared in `network`; `address`
 * keeps what was written, for Neutron's "isn't a recognized IP subnet cidr" check.
 */
export function parseCidr(text: string): (Cidr & { address: bigint }) | undefined {
  const [addressText = '', prefixText, ...rest] = text.trim().split('/');
  const ip = parseIp(addressText);
  if (!ip || rest.length > 0 || prefixText === undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  if (prefixLength > bits[ip.version]) return undefined;
  const hostBits = BigInt(bits[ip.version] - prefixLength);
  return { version: ip.version, network: (ip.value >> hostBits) << hostBits, prefixLength, address: ip.value };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIp({ version: cidr.version, value: cidr.network })}/${cidr.prefixLength}`;
}

/** The last address of the range (a v4 broadcast address). */
export function lastAddress(cidr: Cidr): bigint {
  return cidr.network + (1n << BigInt(bits[cidr.version] - cidr.prefixLength)) - 1n;
}

export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  return cidr.version === ip.version && ip.value >= cidr.network && ip.value <= lastAddress(cidr);
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.version === b.version && a.network <= lastAddress(b) && b.network <= lastAddress(a);
}
