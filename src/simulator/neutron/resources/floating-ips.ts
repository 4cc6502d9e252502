import { owns } from '../../core/network/access';
import { notFoundWordings } from '../../core/network/errors';
import type { FloatingIp } from '../../core/network/model';
import type { Attribute, View } from '../attributes';
import type { Collection } from '../collection';
import { standardAttributes } from '../standard-attributes';

/** `fip-port-details`: a summary of the associated port, null when unassociated. */
function portDetails(fip: FloatingIp, view: View) {
  const port = fip.portId === null ? undefined : view.store.ports.get(fip.portId);
  if (!port) return null;
  return {
    name: port.name,
    network_id: port.networkId,
    mac_address: port.macAddress,
    admin_state_up: port.adminStateUp,
    status: port.status,
    device_id: port.deviceId,
    device_owner: port.deviceOwner,
  };
}

const attributes: Array<Attribute<FloatingIp>> = [
  ...standardAttributes<FloatingIp>({ named: false }),
  { key: 'floating_ip_address', field: 'floatingIpAddress', filter: 'string', sort: true },
  { key: 'floating_network_id', field: 'floatingNetworkId', filter: 'string', sort: true },
  // The model keeps no router; Neutron reports the router that does the NAT.
  { key: 'router_id', read: () => null, filter: 'string', sort: true },
  { key: 'port_id', field: 'portId', filter: 'string' },
  { key: 'fixed_ip_address', field: 'fixedIpAddress', filter: 'string', sort: true },
  { key: 'status', field: 'status', filter: 'string', sort: true },
  { key: 'port_details', read: portDetails },
  { key: 'dns_domain', read: () => '' },
  { key: 'dns_name', read: () => '' },
  { key: 'qos_policy_id', read: () => null },
  { key: 'port_forwardings', read: () => [] },
];

/** Read-only here: the simulator's floating IPs come from the seed. */
export const floatingIps: Collection<FloatingIp> = {
  path: 'floatingips',
  plural: 'floatingips',
  singular: 'floatingip',
  notFound: notFoundWordings.floatingips,
  unknownMarker: 'first-page',
  attributes,
  items: (store) => store.floatingIps,
  visible: (fip, view) => owns(view.viewer, fip),
};
