import { canSeeSubnet } from '../../core/network/access';
import { parseCidr, parseIp } from '../../../domain/network/addresses';
import { badRequest, invalidInput, notFoundWordings } from '../../core/network/errors';
import type { Network, Subnet } from '../../core/network/model';
import { bumpRevision, createSubnet, deleteSubnet, type SubnetInput, updateResource } from '../../core/network/operations';
import type { Attribute, View } from '../attributes';
import { toBoolean } from '../checks';
import type { Body, Collection } from '../collection';
import { standardAttributes } from '../standard-attributes';
import { fieldChanges } from './changes';
import { networkForChild } from './parent-network';

const ipv6Modes = ['dhcpv6-stateful', 'dhcpv6-stateless', 'slaac'];
const networkOf = (subnet: Subnet, view: View) => view.store.networks.get(subnet.networkId);

const attributes: Array<Attribute<Subnet>> = [
  ...standardAttributes<Subnet>(),
  { key: 'network_id', field: 'networkId', filter: 'string', sort: true, write: { post: true, required: true, check: { kind: 'uuid' } } },
  { key: 'ip_version', field: 'ipVersion', filter: 'integer', sort: true, write: { post: true, required: true, check: { kind: 'values', values: [4, 6], integer: true } } },
  { key: 'cidr', field: 'cidr', filter: 'string', sort: true, write: { post: true, check: { kind: 'cidr' } } },
  { key: 'gateway_ip', field: 'gatewayIp', filter: 'string', sort: true, write: { post: true, put: true, check: { kind: 'ipOrNone' } } },
  { key: 'allocation_pools', field: 'allocationPools', write: { post: true, put: true, check: { kind: 'pools' } } },
  { key: 'dns_nameservers', field: 'dnsNameservers', write: { post: true, put: true, default: [], check: { kind: 'nameservers' } } },
  { key: 'host_routes', field: 'hostRoutes', write: { post: true, put: true, default: [], check: { kind: 'hostRoutes' } } },
  { key: 'enable_dhcp', field: 'enableDhcp', filter: 'boolean', sort: true, write: { post: true, put: true, default: true, check: { kind: 'boolean' } } },
  { key: 'ipv6_ra_mode', field: 'ipv6RaMode', filter: 'string', sort: true, write: { post: true, default: null, check: { kind: 'values', values: [null, ...ipv6Modes] } } },
  { key: 'ipv6_address_mode', field: 'ipv6AddressMode', filter: 'string', sort: true, write: { post: true, default: null, check: { kind: 'values', values: [null, ...ipv6Modes] } } },
  { key: 'subnetpool_id', field: 'subnetpoolId', filter: 'string', sort: true },
  { key: 'segment_id', read: () => null, filter: 'string' },
  { key: 'service_types', read: () => [] },
  { key: 'dns_publish_fixed_ip', read: () => false },
  { key: 'router:external', read: (subnet, view) => networkOf(subnet, view)?.external ?? false },
  // Not shown, but filterable: a subnet is shared when its network is (through its RBAC entries).
  {
    key: 'shared',
    filter: (values, view) => {
      const wanted = new Set(values.map(toBoolean));
      return (subnet) => wanted.has(networkOf(subnet, view)?.shared ?? false);
    },
  },
];

/** `_validate_ip_version`: an address must be of the subnet's family. */
function sameVersion(name: string, address: string, version: number): void {
  const found = name === 'cidr' ? parseCidr(address)?.version : parseIp(address)?.version;
  if (found !== version) throw invalidInput(`${name} '${address}' does not match the ip_version '${version}'`);
}

function input(body: Body, network: Network): SubnetInput {
  const ipVersion = body.ip_version as 4 | 6;
  if (body.cidr === undefined) throw badRequest('subnets', 'A cidr must be specified in the absence of a subnet pool');
  sameVersion('cidr', body.cidr as string, ipVersion);
  if (typeof body.gateway_ip === 'string') sameVersion('gateway_ip', body.gateway_ip, ipVersion);
  return {
    projectId: body.project_id as string,
    name: body.name as string,
    description: body.description as string,
    networkId: network.id,
    ipVersion,
    cidr: body.cidr as string,
    gatewayIp: body.gateway_ip as string | null | undefined,
    allocationPools: body.allocation_pools as Subnet['allocationPools'] | undefined,
    enableDhcp: body.enable_dhcp as boolean,
    dnsNameservers: body.dns_nameservers as string[],
    hostRoutes: body.host_routes as Subnet['hostRoutes'],
    ipv6AddressMode: body.ipv6_address_mode as Subnet['ipv6AddressMode'],
    ipv6RaMode: body.ipv6_ra_mode as Subnet['ipv6RaMode'],
  };
}

export const subnets: Collection<Subnet> = {
  path: 'subnets',
  plural: 'subnets',
  singular: 'subnet',
  notFound: notFoundWordings.subnets,
  unknownMarker: 'first-page',
  attributes,
  items: (store) => store.subnets,
  visible: (subnet, view) => canSeeSubnet(view.viewer, subnet, view.store),
  writes: {
    create(tx, body, view) {
      const network = networkForChild(view, body.network_id as string, body.project_id as string);
      return createSubnet(tx, view.store, network, input(body, network), view.now);
    },
    update(tx, subnet, body, view) {
      const network = networkOf(subnet, view);
      // A subnet's change is also its network's (Subnet revises_on_change the network).
      if (updateResource(tx, subnet, fieldChanges(attributes, body), view.now) && network) bumpRevision(tx, network, view.now);
    },
    remove: (tx, subnet, view) => deleteSubnet(tx, view.store, subnet, view.now),
  },
};
