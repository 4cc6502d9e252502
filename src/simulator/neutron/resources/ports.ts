import { owns } from '../../core/network/access';
import { allocateFixedIps, type FixedIpRequest, subnetContains } from '../../core/network/allocation';
import { invalidInput, NeutronFault, notFound, notFoundWordings } from '../../core/network/errors';
import type { Port, Subnet } from '../../core/network/model';
import { createPort, defaultSubnet, deletePort, subnetsOf, updatePort } from '../../core/network/operations';
import { ensureDefaultSecurityGroup } from '../../core/network/security-groups';
import type { Attribute, CustomFilter, View } from '../attributes';
import type { Body, Collection } from '../collection';
import { standardAttributes } from '../standard-attributes';
import { fieldChanges } from './changes';
import { networkForChild } from './parent-network';

/** `convert_kvp_list_to_dict`: `fixed_ips=ip_address=10.0.0.5` → `{ip_address: ['10.0.0.5']}`. */
function keyValues(values: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (values.length === 1 && values[0] === 'True') return map; // a bare `--flag`
  for (const text of values) {
    const at = text.indexOf('=');
    const key = at < 0 ? '' : text.slice(0, at).trim();
    if (!key) throw invalidInput(`'${text}' is not of the form <key>=[value]`);
    map.set(key, [...new Set([...(map.get(key) ?? []), text.slice(at + 1).trim()])]);
  }
  return map;
}

/**
 * The `fixed_ips` filter: `ip_address` and `subnet_id` match exactly, `ip_address_substr` as a
 * substring (ML2's LIKE, `ip-substring-filtering`); each asks for some address of the port.
 */
const fixedIpsFilter: CustomFilter<Port> = (values) => {
  const wanted = keyValues(values);
  const tests: Array<(ips: Port['fixedIps']) => boolean> = [];
  const ips = wanted.get('ip_address');
  if (ips) tests.push((fixed) => fixed.some((ip) => ips.includes(ip.ipAddress)));
  const subnetIds = wanted.get('subnet_id');
  if (subnetIds) tests.push((fixed) => fixed.some((ip) => subnetIds.includes(ip.subnetId)));
  const parts = wanted.get('ip_address_substr');
  if (parts) tests.push((fixed) => fixed.some((ip) => parts.some((part) => ip.ipAddress.includes(part))));
  return (port) => tests.every((test) => test(port.fixedIps));
};

const bound = (port: Port) => port.bindingHostId !== '';

const attributes: Array<Attribute<Port>> = [
  ...standardAttributes<Port>(),
  { key: 'network_id', field: 'networkId', filter: 'string', sort: true, write: { post: true, required: true, check: { kind: 'uuid' } } },
  { key: 'admin_state_up', field: 'adminStateUp', filter: 'boolean', sort: true, write: { post: true, put: true, default: true, check: { kind: 'boolean' } } },
  { key: 'mac_address', field: 'macAddress', filter: 'string', sort: true, write: { post: true, check: { kind: 'mac' } } },
  {
    key: 'fixed_ips',
    read: (port) => port.fixedIps.map((ip) => ({ subnet_id: ip.subnetId, ip_address: ip.ipAddress })),
    filter: fixedIpsFilter,
    write: { post: true, put: true, check: { kind: 'fixedIps' } },
  },
  { key: 'device_id', field: 'deviceId', filter: 'string', sort: true, write: { post: true, put: true, default: '', check: { kind: 'string', max: 255 } } },
  { key: 'device_owner', field: 'deviceOwner', filter: 'string', sort: true, write: { post: true, put: true, default: '', check: { kind: 'string', max: 255 } } },
  { key: 'status', field: 'status', filter: 'string', sort: true },
  { key: 'security_groups', field: 'securityGroups', write: { post: true, put: true, check: { kind: 'uuidList' } } },
  { key: 'allowed_address_pairs', read: () => [] },
  { key: 'extra_dhcp_opts', read: () => [] },
  { key: 'binding:host_id', field: 'bindingHostId', filter: 'string', adminOnly: true, write: { post: true, put: true, default: '', check: { kind: 'string', max: 255 }, adminOnly: true } },
  { key: 'binding:vif_type', read: (port) => (bound(port) ? 'ovs' : 'unbound'), adminOnly: true },
  { key: 'binding:vif_details', read: (port) => (bound(port) ? { port_filter: true, connectivity: 'l2', bridge_name: 'br-int', datapath_type: 'system' } : {}), adminOnly: true },
  { key: 'binding:vnic_type', read: () => 'normal' },
  { key: 'binding:profile', read: () => ({}), adminOnly: true },
  { key: 'dns_name', read: () => '' },
  { key: 'dns_assignment', read: (port) => port.fixedIps.map((ip) => dnsAssignment(ip.ipAddress)) },
  { key: 'dns_domain', read: () => '' },
  { key: 'port_security_enabled', read: () => true },
  { key: 'ip_allocation', read: () => 'immediate' },
  { key: 'propagate_uplink_status', read: () => false },
  { key: 'qos_policy_id', read: () => null },
  { key: 'qos_network_policy_id', read: () => null },
  { key: 'data_plane_status', read: () => null },
  { key: 'resource_request', read: () => null },
];

/** The DNS name Neutron derives without dns_name: `host-10-0-0-5` in `openstacklocal.`. */
function dnsAssignment(ipAddress: string) {
  const hostname = `host-${ipAddress.replace(/[.:]/g, '-')}`;
  return { hostname, ip_address: ipAddress, fqdn: `${hostname}.openstacklocal.` };
}

/**
 * Each requested fixed IP as the IPAM reads it: a subnet of this network (a subnet of another
 * network is an InvalidInput), an address in one of its subnets, or both.
 */
function fixedIpRequests(view: View, networkId: string, requested: Array<{ subnet_id?: string; ip_address?: string }>): FixedIpRequest[] {
  const onNetwork = subnetsOf(view.store, networkId);
  return requested.map(({ subnet_id: subnetId, ip_address: ipAddress }) => {
    const subnet = subnetId === undefined ? subnetFor(onNetwork, ipAddress) : view.store.subnets.get(subnetId);
    if (!subnet && subnetId !== undefined) throw notFound(notFoundWordings.subnets, subnetId);
    if (subnet?.networkId !== networkId) throw invalidInput(`Failed to create port on network ${networkId}, because fixed_ips included invalid subnet ${subnet?.id ?? 'None'}`);
    return { subnet, ipAddress };
  });
}

function subnetFor(onNetwork: Subnet[], ipAddress: string | undefined): Subnet | undefined {
  if (ipAddress === undefined) return defaultSubnet(onNetwork);
  const subnet = onNetwork.find((s) => subnetContains(s, ipAddress));
  if (!subnet) throw new NeutronFault(400, 'InvalidIpForNetwork', `IP address ${ipAddress} is not a valid IP for any of the subnets on the specified network.`);
  return subnet;
}

/** Security groups named in a body must be the caller's (or any, for an admin). */
function portSecurityGroups(view: View, body: Body, projectId: string, deviceOwner: string): string[] {
  const named = body.security_groups as string[] | undefined;
  if (named === undefined) {
    // Neutron's own ports (DHCP, router) get none; everything else the project's default group.
    return deviceOwner.startsWith('network:') ? [] : [ensureDefaultSecurityGroup(view.store, projectId, view.now).id];
  }
  for (const id of named) {
    const group = view.store.securityGroups.get(id);
    if (!group || !owns(view.viewer, group)) throw notFound(notFoundWordings.security_groups, id);
  }
  return named;
}

export const ports: Collection<Port> = {
  path: 'ports',
  plural: 'ports',
  singular: 'port',
  notFound: notFoundWordings.ports,
  unknownMarker: 'not-found',
  attributes,
  items: (store) => store.ports,
  visible: (port, view) => owns(view.viewer, port),
  writes: {
    create(tx, body, view) {
      const projectId = body.project_id as string;
      const network = networkForChild(view, body.network_id as string, projectId);
      const requested = body.fixed_ips as Parameters<typeof fixedIpRequests>[2] | undefined;
      const deviceOwner = body.device_owner as string;
      return createPort(
        tx,
        view.store,
        {
          projectId,
          name: body.name as string,
          description: body.description as string,
          networkId: network.id,
          adminStateUp: body.admin_state_up as boolean,
          macAddress: body.mac_address as string | undefined,
          fixedIps: requested && fixedIpRequests(view, network.id, requested),
          deviceId: body.device_id as string,
          deviceOwner,
          securityGroups: portSecurityGroups(view, body, projectId, deviceOwner),
          bindingHostId: body['binding:host_id'] as string,
        },
        view.now,
      );
    },
    update(tx, port, body, view) {
      const changes = fieldChanges(attributes, body);
      const requested = body.fixed_ips as Parameters<typeof fixedIpRequests>[2] | undefined;
      if (requested) changes.fixedIps = allocateFixedIps(view.store, fixedIpRequests(view, port.networkId, requested), { except: port });
      if (body.security_groups !== undefined) changes.securityGroups = portSecurityGroups(view, body, port.projectId, port.deviceOwner);
      updatePort(tx, view.store, port, changes, view.now);
    },
    remove: (tx, port, view) => deletePort(tx, view.store, port),
  },
};
