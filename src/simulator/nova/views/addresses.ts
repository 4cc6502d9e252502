import type { Server } from '../../core/compute/model';
import { type FloatingIp, type NetworkStore, portsOfDevice } from '../../core/network/model';

export interface Address {
  version: 4 | 6;
  addr: string;
  'OS-EXT-IPS:type': 'fixed' | 'floating';
  'OS-EXT-IPS-MAC:mac_addr': string;
}

export type Addresses = Record<string, Address[]>;

/**
 * A server's `addresses` from Neutron, as Nova's network info cache lists them: per network name,
 * each port's fixed IPs then the floating IPs on that port, with the port's MAC. `{}` while the
 * server is building. One book serves one request: the floating IPs are indexed by port once,
 * on first use, and never outlive the request.
 */
export function createAddressBook(network: NetworkStore): (server: Server) => Addresses {
  let floatingByPort: Map<string, FloatingIp[]> | undefined;
  const floatingOf = (portId: string): FloatingIp[] => {
    if (!floatingByPort) {
      floatingByPort = new Map();
      for (const fip of network.floatingIps.values()) {
        if (fip.portId === null) continue;
        const list = floatingByPort.get(fip.portId) ?? [];
        list.push(fip);
        floatingByPort.set(fip.portId, list);
      }
    }
    return floatingByPort.get(portId) ?? [];
  };

  return (server) => {
    const addresses: Addresses = {};
    if (server.vmState === 'building') return addresses;
    for (const port of portsOfDevice(network, server.id)) {
      const label = network.networks.get(port.networkId)?.name ?? '';
      const mac = port.macAddress;
      const fixed = port.fixedIps.map((ip) => address(ip.ipAddress, 'fixed', mac));
      const floating = floatingOf(port.id).map((fip) => address(fip.floatingIpAddress, 'floating', mac));
      (addresses[label] ??= []).push(...fixed, ...floating);
    }
    return addresses;
  };
}

function address(addr: string, type: Address['OS-EXT-IPS:type'], mac: string): Address {
  return { version: addr.includes(':') ? 6 : 4, addr, 'OS-EXT-IPS:type': type, 'OS-EXT-IPS-MAC:mac_addr': mac };
}
