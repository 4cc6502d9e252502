import type { NetworkDetail, NetworkPort, NetworkSummary, Subnet } from '../api/networks';
import { parseCidr } from './addresses';
import type { NeutronNetwork, NeutronPort, NeutronSubnet } from './neutron-wire';

/** Neutron's `device_owner` values a person meets, in words (neutron_lib/constants.py). */
const ownerWords: Record<string, string> = {
  '': 'Unbound',
  'network:dhcp': 'DHCP',
  'network:router_interface': 'Router interface',
  'network:router_interface_distributed': 'Router interface (distributed)',
  'network:ha_router_replicated_interface': 'Router interface (HA)',
  'network:router_ha_interface': 'Router HA heartbeat',
  'network:router_centralized_snat': 'Router SNAT',
  'network:router_gateway': 'Router gateway',
  'network:floatingip': 'Floating IP',
  'network:floatingip_agent_gateway': 'Floating IP agent gateway',
  'network:distributed': 'Metadata (distributed)',
  'network:local_ip': 'Local IP',
  'network:routed': 'Routed',
  'neutron:LOADBALANCERV2': 'Load balancer',
  Octavia: 'Load balancer',
  'trunk:subport': 'Trunk subport',
  'baremetal:none': 'Bare metal',
  'manila:share': 'File share',
};

/** `compute:nova`, `compute:az1`… are a server's ports, whatever the availability zone. */
export function isComputeOwner(owner: string): boolean {
  return owner.startsWith('compute:');
}

export function deviceOwnerLabel(owner: string): string {
  if (isComputeOwner(owner)) return 'Server';
  return ownerWords[owner] ?? owner;
}

const projectOf = (network: NeutronNetwork): string | null => network.project_id ?? network.tenant_id ?? null;

/**
 * A list row. `cidrOf` gives a subnet's CIDR by id (fetched a few dozen ids per request for the
 * whole page); a subnet it does not know is shown with a null CIDR rather than dropped.
 */
export function toNetworkSummary(network: NeutronNetwork, cidrOf: (subnetId: string) => string | undefined): NetworkSummary {
  return {
    id: network.id,
    name: network.name ?? '',
    subnets: (network.subnets ?? []).map((id) => ({ id, cidr: cidrOf(id) ?? null })),
    shared: network.shared ?? false,
    external: network['router:external'] ?? false,
    status: network.status ?? 'UNKNOWN',
    adminStateUp: network.admin_state_up ?? true,
    projectId: projectOf(network),
  };
}

function ipVersionOf(subnet: NeutronSubnet): 4 | 6 {
  if (subnet.ip_version === 4 || subnet.ip_version === 6) return subnet.ip_version;
  return parseCidr(subnet.cidr ?? '')?.version ?? ((subnet.cidr ?? '').includes(':') ? 6 : 4);
}

export function toSubnet(subnet: NeutronSubnet): Subnet {
  return {
    id: subnet.id,
    name: subnet.name ?? '',
    cidr: subnet.cidr ?? '',
    ipVersion: ipVersionOf(subnet),
    gatewayIp: subnet.gateway_ip ?? null,
    allocationPools: subnet.allocation_pools ?? [],
    enableDhcp: subnet.enable_dhcp ?? false,
    dnsNameservers: subnet.dns_nameservers ?? [],
    hostRoutes: subnet.host_routes ?? [],
    ipv6AddressMode: subnet.ipv6_address_mode ?? null,
    ipv6RaMode: subnet.ipv6_ra_mode ?? null,
  };
}

/** IPv4 before IPv6, then by address, then by prefix length. */
function compareSubnets(a: Subnet, b: Subnet): number {
  const ca = parseCidr(a.cidr);
  const cb = parseCidr(b.cidr);
  if (a.ipVersion !== b.ipVersion) return a.ipVersion - b.ipVersion;
  if (!ca || !cb) return a.cidr.localeCompare(b.cidr);
  return ca.network < cb.network ? -1 : ca.network > cb.network ? 1 : ca.prefixLength - cb.prefixLength;
}

/** The network with every subnet Neutron returned for it (the network's own `subnets` list may lag). */
export function toNetworkDetail(network: NeutronNetwork, subnets: readonly NeutronSubnet[]): NetworkDetail {
  const views = subnets.filter((s) => !s.network_id || s.network_id === network.id).map(toSubnet).sort(compareSubnets);
  return {
    ...toNetworkSummary(network, () => undefined),
    description: network.description ?? '',
    mtu: network.mtu ?? null,
    portSecurityEnabled: network.port_security_enabled ?? null,
    availabilityZones: network.availability_zones ?? [],
    tags: network.tags ?? [],
    createdAt: network.created_at ?? null,
    updatedAt: network.updated_at ?? null,
    subnets: views,
  };
}

/** What the BFF found out about a port's server: its name, or that Nova no longer has it. */
export type PortServerLookup = { name: string; deleted: false } | { deleted: true } | undefined;

export const deletedServerName = 'deleted server';

/**
 * A port row. For `compute:*` ports `serverOf` tells the server's name (undefined when Nova could
 * not be asked: the row keeps the id and a null name).
 */
export function toNetworkPort(port: NeutronPort, serverOf: (serverId: string) => PortServerLookup): NetworkPort {
  const owner = port.device_owner ?? '';
  const deviceId = port.device_id ?? '';
  let server: NetworkPort['server'] = null;
  if (isComputeOwner(owner) && deviceId) {
    const found = serverOf(deviceId);
    if (found === undefined) server = { id: deviceId, name: null, deleted: false };
    else if (found.deleted) server = { id: deviceId, name: deletedServerName, deleted: true };
    else server = { id: deviceId, name: found.name, deleted: false };
  }
  return {
    id: port.id,
    name: port.name ?? '',
    deviceOwner: owner,
    deviceOwnerLabel: deviceOwnerLabel(owner),
    deviceId,
    macAddress: port.mac_address ?? null,
    fixedIps: (port.fixed_ips ?? []).map((ip) => ({ ipAddress: ip.ip_address, subnetId: ip.subnet_id ?? null })),
    status: port.status ?? 'UNKNOWN',
    adminStateUp: port.admin_state_up ?? true,
    server,
  };
}
