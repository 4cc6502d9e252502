/** Just enough IP arithmetic to hand out addresses from a subnet and to test containment. */

export function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

export function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** The `offset`-th address of an IPv4 CIDR (offset 1 is the usual gateway). */
export function ipv4At(cidr: string, offset: number): string {
  const [base = '0.0.0.0'] = cidr.split('/');
  return intToIpv4(ipv4ToInt(base) + offset);
}

/** The `offset`-th address of an IPv6 /64 written as `prefix::/64`, e.g. `fd00:12::/64` → `fd00:12::1a`. */
export function ipv6At(cidr: string, offset: number): string {
  const [prefix = '::'] = cidr.split('/');
  return `${prefix.replace(/::$/, '')}::${offset.toString(16)}`;
}

export function macAddress(n: number): string {
  const bytes = [0xfa, 0x16, 0x3e, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** An address as a number, so that v4 and v6 share one piece of arithmetic. */
export interface IpAddress {
  version: 4 | 6;
  value: bigint;
}

export interface Cidr {
  version: 4 | 6;
  /** The first address of the range. */
  network: bigint;
  prefixLength: number;
}

const bits = { 4: 32, 6: 128 } as const;

export function parseIp(text: string): IpAddress | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const octets = text.split('.').map(Number);
    return octets.every((o) => o <= 255) ? { version: 4, value: BigInt(ipv4ToInt(text)) } : undefined;
  }
  return parseIpv6(text);
}

function parseIpv6(text: string): IpAddress | undefined {
  const halves = text.split('::');
  if (halves.length > 2 || !/^[0-9a-fA-F:]+$/.test(text)) return undefined;
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return { version: 6, value: all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

/** The canonical text form: dotted quad, or RFC 5952 (lower case, longest zero run compressed). */
export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return intToIpv4(Number(ip.value));
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

export function parseCidr(text: string): (Cidr & { address: bigint }) | undefined {
  const [addressText = '', prefixText, ...rest] = text.split('/');
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
