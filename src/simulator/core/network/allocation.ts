import { type Cidr, cidrContains, formatIp, lastAddress, parseCidr, parseIp } from '../../../domain/network/addresses';
import { macAddress } from './addresses';
import type { AllocationPool, FixedIp, NetworkStore, Port, Subnet } from './model';
import { invalidIpForSubnet, ipAddressAlreadyAllocated, type NeutronFault, subnetExhausted } from './errors';

/**
 * The usable range of a CIDR as Neutron's IPAM computes default pools: the network address is
 * never handed out, nor a v4 broadcast address, nor the gateway (which splits the range).
 */
export function defaultAllocationPools(cidr: Cidr, gatewayIp: string | null): AllocationPool[] {
  const first = cidr.network + 1n;
  const last = cidr.version === 4 ? lastAddress(cidr) - 1n : lastAddress(cidr);
  const gateway = gatewayIp === null ? undefined : parseIp(gatewayIp)?.value;
  const ranges: Array<[bigint, bigint]> =
    gateway === undefined || gateway < first || gateway > last
      ? [[first, last]]
      : [
          [first, gateway - 1n],
          [gateway + 1n, last],
        ];
  const text = (value: bigint) => formatIp({ version: cidr.version, value });
  return ranges.filter(([start, end]) => start <= end).map(([start, end]) => ({ start: text(start), end: text(end) }));
}

/** Addresses already taken in a subnet, by any port on its network. */
export function usedAddresses(store: NetworkStore, subnet: Subnet, except?: Port): Set<bigint> {
  const used = new Set<bigint>();
  for (const port of store.ports.values()) {
    if (port.networkId !== subnet.networkId || port === except) continue;
    for (const ip of port.fixedIps) {
      const parsed = ip.subnetId === subnet.id ? parseIp(ip.ipAddress) : undefined;
      if (parsed) used.add(parsed.value);
    }
  }
  return used;
}

/** The lowest free address of the subnet's pools, as Neutron's IPAM does by default. */
export function nextFreeAddress(subnet: Subnet, used: Set<bigint>): string | undefined {
  const version = subnet.ipVersion;
  for (const pool of subnet.allocationPools) {
    const start = parseIp(pool.start)?.value;
    const end = parseIp(pool.end)?.value;
    if (start === undefined || end === undefined) continue;
    for (let value = start; value <= end; value++) {
      if (!used.has(value)) return formatIp({ version, value });
    }
  }
  return undefined;
}

export function subnetContains(subnet: Subnet, ipAddress: string): boolean {
  const ip = parseIp(ipAddress);
  const cidr = parseCidr(subnet.cidr);
  return ip !== undefined && cidr !== undefined && cidrContains(cidr, ip);
}

/** One requested fixed IP: a subnet, an address, or both (validated by the API layer). */
export interface FixedIpRequest {
  subnet: Subnet;
  ipAddress?: string | undefined;
}

export interface AllocationOptions {
  /** The port being updated: its own addresses are free to keep. */
  except?: Port;
  /** The fault for a subnet with no free address. */
  exhausted?: (subnetId: string) => NeutronFault;
}

/**
 * Gives each request its address: a named one must lie in the subnet and be free, otherwise the
 * lowest free one. Addresses given earlier in the same call count as used.
 */
export function allocateFixedIps(store: NetworkStore, requests: FixedIpRequest[], { except, exhausted = subnetExhausted }: AllocationOptions = {}): FixedIp[] {
  const usedBySubnet = new Map<string, Set<bigint>>();
  const usedIn = (subnet: Subnet) => {
    let used = usedBySubnet.get(subnet.id);
    if (!used) usedBySubnet.set(subnet.id, (used = usedAddresses(store, subnet, except)));
    return used;
  };
  return requests.map(({ subnet, ipAddress }) => {
    const used = usedIn(subnet);
    const address = ipAddress ?? nextFreeAddress(subnet, used);
    if (address === undefined) throw exhausted(subnet.id);
    const parsed = parseIp(address);
    if (!parsed || !subnetContains(subnet, address)) throw invalidIpForSubnet(address, subnet.id);
    if (used.has(parsed.value)) throw ipAddressAlreadyAllocated(address, subnet.id);
    used.add(parsed.value);
    return { subnetId: subnet.id, ipAddress: formatIp(parsed) };
  });
}

/** A random `fa:16:3e:…` address (Neutron's default base_mac) unused on the network. */
export function freeMacAddress(store: NetworkStore, networkId: string): string {
  const taken = new Set([...store.ports.values()].filter((p) => p.networkId === networkId).map((p) => p.macAddress));
  for (;;) {
    const [a = 0, b = 0, c = 0] = crypto.getRandomValues(new Uint8Array(3));
    const mac = macAddress((a << 16) | (b << 8) | c);
    if (!taken.has(mac)) return mac;
  }
}
