/** The seed's address plan: the n-th address of a subnet, and MACs in OpenStack's fa:16:3e range. */

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
