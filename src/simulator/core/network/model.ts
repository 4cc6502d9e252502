/**
 * Neutron's state: networks, subnets, ports and floating IPs, with the standard attributes
 * (revision_number, created_at/updated_at, tags) every Neutron resource carries. Times are epoch ms.
 */

export interface StandardAttributes {
  id: string;
  name: string;
  description: string;
  projectId: string;
  createdAt: number;
  updatedAt: number;
  revisionNumber: number;
  tags: string[];
}

export interface Network extends StandardAttributes {
  status: 'ACTIVE' | 'DOWN' | 'BUILD' | 'ERROR';
  adminStateUp: boolean;
  shared: boolean;
  /** `router:external` */
  external: boolean;
  mtu: number;
  portSecurityEnabled: boolean;
  availabilityZones: string[];
  /** `provider:network_type`, shown to admins. */
  networkType: 'vxlan' | 'flat' | 'vlan' | 'geneve';
}

export interface AllocationPool {
  start: string;
  end: string;
}

export interface Subnet extends StandardAttributes {
  networkId: string;
  ipVersion: 4 | 6;
  cidr: string;
  gatewayIp: string | null;
  allocationPools: AllocationPool[];
  enableDhcp: boolean;
  dnsNameservers: string[];
  hostRoutes: Array<{ destination: string; nexthop: string }>;
  ipv6AddressMode: 'slaac' | 'dhcpv6-stateful' | 'dhcpv6-stateless' | null;
  ipv6RaMode: 'slaac' | 'dhcpv6-stateful' | 'dhcpv6-stateless' | null;
  subnetpoolId: string | null;
}

export interface FixedIp {
  subnetId: string;
  ipAddress: string;
}

export interface Port extends StandardAttributes {
  networkId: string;
  macAddress: string;
  fixedIps: FixedIp[];
  /** The server id for `compute:*` ports, the router id for router ports, '' when unbound. */
  deviceId: string;
  /** e.g. `compute:nova`, `network:dhcp`, `network:router_interface`, `network:router_gateway`, `''`. */
  deviceOwner: string;
  status: 'ACTIVE' | 'DOWN' | 'BUILD';
  adminStateUp: boolean;
  securityGroups: string[];
  /** `binding:host_id`, shown to admins. */
  bindingHostId: string;
}

export interface FloatingIp extends StandardAttributes {
  floatingIpAddress: string;
  floatingNetworkId: string;
  portId: string | null;
  fixedIpAddress: string | null;
  status: 'ACTIVE' | 'DOWN';
}

export interface SecurityGroupRule {
  id: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  portRangeMin: number | null;
  portRangeMax: number | null;
  remoteIpPrefix: string | null;
  /** The group whose members may reach this one; the default group names itself. */
  remoteGroupId: string | null;
}

export interface SecurityGroup extends StandardAttributes {
  stateful: boolean;
  rules: SecurityGroupRule[];
}

export interface NetworkStore {
  networks: Map<string, Network>;
  subnets: Map<string, Subnet>;
  ports: Map<string, Port>;
  floatingIps: Map<string, FloatingIp>;
  securityGroups: Map<string, SecurityGroup>;
  /** Ports by device id, so a server's addresses are found without scanning every port. */
  portsByDevice: Map<string, Set<string>>;
}

export function createNetworkStore(): NetworkStore {
  return { networks: new Map(), subnets: new Map(), ports: new Map(), floatingIps: new Map(), securityGroups: new Map(), portsByDevice: new Map() };
}

export function addPort(store: NetworkStore, port: Port): void {
  store.ports.set(port.id, port);
  moveDevice(store, port.id, '', port.deviceId);
}

export function removePort(store: NetworkStore, portId: string): void {
  const port = store.ports.get(portId);
  if (!port) return;
  store.ports.delete(portId);
  moveDevice(store, portId, port.deviceId, '');
}

/** Keeps the by-device index right when a port's device_id changes from `from` to `to`. */
export function moveDevice(store: NetworkStore, portId: string, from: string, to: string): void {
  const old = store.portsByDevice.get(from);
  old?.delete(portId);
  if (old?.size === 0) store.portsByDevice.delete(from);
  if (!to) return;
  let set = store.portsByDevice.get(to);
  if (!set) store.portsByDevice.set(to, (set = new Set()));
  set.add(portId);
}

export function portsOfDevice(store: NetworkStore, deviceId: string): Port[] {
  const ids = store.portsByDevice.get(deviceId);
  return ids ? [...ids].map((id) => store.ports.get(id)).filter((p): p is Port => p !== undefined) : [];
}
