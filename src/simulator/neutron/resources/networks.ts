import { canSeeNetwork } from '../../core/network/access';
import { notFoundWordings } from '../../core/network/errors';
import type { Network } from '../../core/network/model';
import { createNetwork, deleteNetwork, updateResource } from '../../core/network/operations';
import type { Attribute } from '../attributes';
import type { Body, Collection } from '../collection';
import { standardAttributes } from '../standard-attributes';
import { fieldChanges } from './changes';

/** What ML2 reports per network type: the physical network, and how segment ids are numbered. */
const segmentation: Record<Network['networkType'], { physicalNetwork: string | null; range: number | null }> = {
  flat: { physicalNetwork: 'physnet1', range: null },
  vlan: { physicalNetwork: 'physnet1', range: 4094 },
  vxlan: { physicalNetwork: null, range: 16_777_215 },
  geneve: { physicalNetwork: null, range: 16_777_215 },
};

/** A stable segment id per network (the model keeps none): a hash of its id within the type's range. */
function segmentationId(network: Network): number | null {
  const range = segmentation[network.networkType].range;
  if (range === null) return null;
  let hash = 2166136261;
  for (const char of network.id) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return 1 + (hash % range);
}

/** Default MTU by type: overlay networks lose 50 bytes of the physical 1500 to encapsulation. */
const defaultMtu: Record<Network['networkType'], number> = { flat: 1500, vlan: 1500, vxlan: 1450, geneve: 1442 };

const attributes: Array<Attribute<Network>> = [
  ...standardAttributes<Network>(),
  { key: 'status', field: 'status', filter: 'string', sort: true },
  { key: 'admin_state_up', field: 'adminStateUp', filter: 'boolean', sort: true, write: { post: true, put: true, default: true, check: { kind: 'boolean' } } },
  { key: 'shared', field: 'shared', filter: 'boolean', write: { post: true, put: true, default: false, check: { kind: 'boolean' }, adminOnly: true } },
  { key: 'router:external', field: 'external', filter: 'boolean', write: { post: true, put: true, default: false, check: { kind: 'boolean' }, adminOnly: true } },
  { key: 'subnets', read: (network, view) => view.subnetIdsOf(network.id) },
  { key: 'mtu', field: 'mtu', filter: 'integer', sort: true, write: { post: true, put: true, check: { kind: 'integer', min: 68 } } },
  { key: 'port_security_enabled', field: 'portSecurityEnabled', write: { post: true, put: true, default: true, check: { kind: 'boolean' } } },
  { key: 'availability_zones', field: 'availabilityZones' },
  { key: 'availability_zone_hints', read: () => [] },
  { key: 'ipv4_address_scope', read: () => null },
  { key: 'ipv6_address_scope', read: () => null },
  { key: 'is_default', read: () => false },
  { key: 'l2_adjacency', read: () => true },
  { key: 'dns_domain', read: () => '' },
  { key: 'qos_policy_id', read: () => null },
  {
    key: 'provider:network_type',
    field: 'networkType',
    filter: 'string',
    adminOnly: true,
    write: { post: true, check: { kind: 'values', values: ['flat', 'vlan', 'vxlan', 'geneve'] }, adminOnly: true },
  },
  { key: 'provider:physical_network', read: (network) => segmentation[network.networkType].physicalNetwork, filter: 'string', adminOnly: true },
  { key: 'provider:segmentation_id', read: segmentationId, filter: 'integer', adminOnly: true },
];

function create(body: Body): Parameters<typeof createNetwork>[2] {
  const networkType = (body['provider:network_type'] as Network['networkType'] | undefined) ?? 'vxlan';
  return {
    projectId: body.project_id as string,
    name: body.name as string,
    description: body.description as string,
    adminStateUp: body.admin_state_up as boolean,
    shared: body.shared as boolean,
    external: body['router:external'] as boolean,
    mtu: (body.mtu as number | undefined) ?? defaultMtu[networkType],
    portSecurityEnabled: body.port_security_enabled as boolean,
    networkType,
  };
}

export const networks: Collection<Network> = {
  path: 'networks',
  plural: 'networks',
  singular: 'network',
  notFound: notFoundWordings.networks,
  unknownMarker: 'not-found',
  attributes,
  items: (store) => store.networks,
  visible: (network, view) => canSeeNetwork(view.viewer, network),
  writes: {
    create: (tx, body, view) => createNetwork(tx, view.store, create(body), view.now),
    update: (tx, network, body, view) => void updateResource(tx, network, fieldChanges(attributes, body), view.now),
    remove: (tx, network, view) => deleteNetwork(tx, view.store, network),
  },
};
