import { cidrsOverlap, formatCidr, formatIp, parseCidr } from '../../../domain/network/addresses';
import { allocateFixedIps, defaultAllocationPools, type FixedIpRequest, freeMacAddress } from './allocation';
import { invalidInput, networkExhausted, networkInUse, subnetInUse } from './errors';
import { addPort, moveDevice, type Network, type NetworkStore, type Port, removePort, type StandardAttributes, type Subnet } from './model';
import { assign, insert, remove, type Transaction } from './transaction';

/**
 * Neutron's writes on networks, subnets and ports, over values the API layer has already parsed
 * and validated. Each mutation goes through the transaction so a failed bulk request unwinds.
 */

type Described = Pick<StandardAttributes, 'projectId' | 'name' | 'description'>;

function standardAttributes(input: Described, now: number, revisionNumber: number): StandardAttributes {
  return { id: crypto.randomUUID(), ...input, createdAt: now, updatedAt: now, revisionNumber, tags: [] };
}

/** standard-attr-revisions: every change, and some child changes (`revises_on_change`), count one. */
export function bumpRevision(tx: Transaction, resource: StandardAttributes, now: number): void {
  assign(tx, resource, { revisionNumber: resource.revisionNumber + 1, updatedAt: now });
}

/** Applies the changes that differ; bumps the revision only when something did (SQLAlchemy's dirty check). */
export function updateResource<T extends StandardAttributes>(tx: Transaction, resource: T, changes: Partial<T>, now: number): boolean {
  const differs = (Object.keys(changes) as Array<keyof T>).some((key) => JSON.stringify(resource[key]) !== JSON.stringify(changes[key]));
  if (!differs) return false;
  assign(tx, resource, changes);
  bumpRevision(tx, resource, now);
  return true;
}

export type NetworkInput = Described & Pick<Network, 'adminStateUp' | 'shared' | 'external' | 'mtu' | 'portSecurityEnabled' | 'networkType'>;

export function createNetwork(tx: Transaction, store: NetworkStore, input: NetworkInput, now: number): Network {
  // Neutron's own create path flushes the network twice, so a fresh network shows revision 1.
  const network: Network = { ...standardAttributes(input, now, 1), ...input, status: 'ACTIVE', availabilityZones: ['nova'] };
  insert(tx, store.networks, network.id, network);
  return network;
}

export type SubnetInput = Described &
  Pick<Subnet, 'networkId' | 'ipVersion' | 'cidr' | 'enableDhcp' | 'dnsNameservers' | 'hostRoutes' | 'ipv6AddressMode' | 'ipv6RaMode'> & {
    /** `undefined` takes the first address, `null` means no gateway. */
    gatewayIp: string | null | undefined;
    allocationPools: Subnet['allocationPools'] | undefined;
  };

export function createSubnet(tx: Transaction, store: NetworkStore, network: Network, input: SubnetInput, now: number): Subnet {
  const cidr = parseCidr(input.cidr);
  if (!cidr) throw invalidInput(`'${input.cidr}' is not a valid IP subnet`);
  for (const other of store.subnets.values()) {
    const otherCidr = other.networkId === network.id ? parseCidr(other.cidr) : undefined;
    if (otherCidr && cidrsOverlap(cidr, otherCidr)) {
      throw invalidInput(`Requested subnet with cidr: ${formatCidr(cidr)} for network: ${network.id} overlaps with another subnet`);
    }
  }
  const gatewayIp = input.gatewayIp === undefined ? formatIp({ version: cidr.version, value: cidr.network + 1n }) : input.gatewayIp;
  const subnet: Subnet = {
    ...standardAttributes(input, now, 0),
    ...input,
    cidr: formatCidr(cidr),
    gatewayIp,
    allocationPools: input.allocationPools ?? defaultAllocationPools(cidr, gatewayIp),
    subnetpoolId: null,
  };
  insert(tx, store.subnets, subnet.id, subnet);
  bumpRevision(tx, network, now);
  return subnet;
}

export type PortInput = Described &
  Pick<Port, 'networkId' | 'adminStateUp' | 'deviceId' | 'deviceOwner' | 'securityGroups' | 'bindingHostId'> & {
    macAddress: string | undefined;
    /** `undefined`: one address from the network's first IPv4 subnet (else its first subnet). */
    fixedIps: FixedIpRequest[] | undefined;
  };

export function createPort(tx: Transaction, store: NetworkStore, input: PortInput, now: number): Port {
  // Without a request Neutron tries the network's subnets, and a full one reads as the whole network full.
  const fixedIps = input.fixedIps
    ? allocateFixedIps(store, input.fixedIps)
    : allocateFixedIps(store, defaultFixedIpRequests(store, input.networkId), { exhausted: networkExhausted });
  const port: Port = {
    ...standardAttributes(input, now, 1),
    ...input,
    macAddress: input.macAddress ?? freeMacAddress(store, input.networkId),
    fixedIps,
    status: 'DOWN',
  };
  tx.apply(
    () => addPort(store, port),
    () => removePort(store, port.id),
  );
  return port;
}

/** Where a port that names no subnet gets its address: the network's first IPv4 subnet, else its first. */
export function defaultSubnet(subnets: Subnet[]): Subnet | undefined {
  return subnets.find((s) => s.ipVersion === 4) ?? subnets[0];
}

function defaultFixedIpRequests(store: NetworkStore, networkId: string): FixedIpRequest[] {
  const subnet = defaultSubnet(subnetsOf(store, networkId));
  return subnet ? [{ subnet }] : [];
}

/** Changing device_id moves the port in the by-device index. */
export function updatePort(tx: Transaction, store: NetworkStore, port: Port, changes: Partial<Port>, now: number): void {
  const from = port.deviceId;
  updateResource(tx, port, changes, now);
  const to = port.deviceId;
  if (to !== from) {
    tx.apply(
      () => moveDevice(store, port.id, from, to),
      () => moveDevice(store, port.id, to, from),
    );
  }
}

export function subnetsOf(store: NetworkStore, networkId: string): Subnet[] {
  return [...store.subnets.values()].filter((s) => s.networkId === networkId);
}

/** Ports Neutron removes itself with their network or subnet (ML2's AUTO_DELETE_PORT_OWNERS). */
const autoDeletedOwners = new Set(['network:dhcp', 'network:router_ha_interface', 'network:distributed']);

export function deleteNetwork(tx: Transaction, store: NetworkStore, network: Network): void {
  const ports = [...store.ports.values()].filter((p) => p.networkId === network.id);
  const floating = [...store.floatingIps.values()].some((f) => f.floatingNetworkId === network.id);
  if (floating || ports.some((p) => !autoDeletedOwners.has(p.deviceOwner))) throw networkInUse(network.id);
  for (const port of ports) deletePort(tx, store, port);
  for (const subnet of subnetsOf(store, network.id)) remove(tx, store.subnets, subnet.id);
  remove(tx, store.networks, network.id);
}

export function deleteSubnet(tx: Transaction, store: NetworkStore, subnet: Subnet, now: number): void {
  const holders = [...store.ports.values()].filter((p) => p.networkId === subnet.networkId && p.fixedIps.some((ip) => ip.subnetId === subnet.id));
  if (holders.some((p) => !autoDeletedOwners.has(p.deviceOwner))) throw subnetInUse(subnet.id);
  for (const port of holders) updateResource(tx, port, { fixedIps: port.fixedIps.filter((ip) => ip.subnetId !== subnet.id) }, now);
  remove(tx, store.subnets, subnet.id);
  const network = store.networks.get(subnet.networkId);
  if (network) bumpRevision(tx, network, now);
}

/** Deleting a port also disassociates its floating IPs, as the L3 plugin does. */
export function deletePort(tx: Transaction, store: NetworkStore, port: Port): void {
  for (const fip of store.floatingIps.values()) {
    if (fip.portId === port.id) assign(tx, fip, { portId: null, fixedIpAddress: null, status: 'DOWN' });
  }
  tx.apply(
    () => removePort(store, port.id),
    () => addPort(store, port),
  );
}
