import { describe, expect, it } from 'vitest';
import { networkDetailSchema, networkPortSchema, networkSummarySchema } from '../api/networks';
import { neutronNetworkSchema, neutronPortSchema, neutronSubnetSchema } from './neutron-wire';
import { deviceOwnerLabel, toNetworkDetail, toNetworkPort, toNetworkSummary } from './view';

const network = neutronNetworkSchema.parse({
  id: 'net-1',
  name: 'private',
  subnets: ['sub-4', 'sub-6', 'sub-gone'],
  shared: false,
  'router:external': true,
  status: 'ACTIVE',
  admin_state_up: true,
  project_id: 'p1',
  tenant_id: 'p1',
  mtu: 1450,
  description: '',
  extra_attribute: 'ignored',
});

describe('toNetworkSummary', () => {
  it('shows the subnets’ CIDRs, a subnet it could not read with none', () => {
    const cidrs = new Map([
      ['sub-4', '10.0.0.0/24'],
      ['sub-6', 'fd00::/64'],
    ]);
    const summary = networkSummarySchema.parse(toNetworkSummary(network, (id) => cidrs.get(id)));
    expect(summary).toEqual({
      id: 'net-1',
      name: 'private',
      subnets: [
        { id: 'sub-4', cidr: '10.0.0.0/24' },
        { id: 'sub-6', cidr: 'fd00::/64' },
        { id: 'sub-gone', cidr: null },
      ],
      shared: false,
      external: true,
      status: 'ACTIVE',
      adminStateUp: true,
      projectId: 'p1',
    });
  });

  it('copes with the attributes `fields=` and missing extensions leave out', () => {
    const bare = neutronNetworkSchema.parse({ id: 'n', tenant_id: 'old-project' });
    expect(toNetworkSummary(bare, () => undefined)).toEqual({
      id: 'n',
      name: '',
      subnets: [],
      shared: false,
      external: false,
      status: 'UNKNOWN',
      adminStateUp: true,
      projectId: 'old-project',
    });
  });
});

describe('toNetworkDetail', () => {
  it('lists IPv4 subnets before IPv6 ones, with everything a subnet table shows', () => {
    const subnets = [
      { id: 'sub-6', network_id: 'net-1', ip_version: 6, cidr: 'fd00::/64', gateway_ip: 'fd00::1', enable_dhcp: true, ipv6_address_mode: 'slaac', ipv6_ra_mode: 'slaac' },
      {
        id: 'sub-4',
        name: 'private-v4',
        network_id: 'net-1',
        ip_version: 4,
        cidr: '10.0.0.0/24',
        gateway_ip: null,
        allocation_pools: [{ start: '10.0.0.2', end: '10.0.0.254' }],
        enable_dhcp: false,
        dns_nameservers: ['9.9.9.9'],
        host_routes: [{ destination: '192.168.0.0/16', nexthop: '10.0.0.254' }],
      },
    ].map((s) => neutronSubnetSchema.parse(s));
    const detail = networkDetailSchema.parse(toNetworkDetail(network, subnets));
    expect(detail.subnets.map((s) => s.cidr)).toEqual(['10.0.0.0/24', 'fd00::/64']);
    expect(detail.subnets[0]).toEqual({
      id: 'sub-4',
      name: 'private-v4',
      cidr: '10.0.0.0/24',
      ipVersion: 4,
      gatewayIp: null,
      allocationPools: [{ start: '10.0.0.2', end: '10.0.0.254' }],
      enableDhcp: false,
      dnsNameservers: ['9.9.9.9'],
      hostRoutes: [{ destination: '192.168.0.0/16', nexthop: '10.0.0.254' }],
      ipv6AddressMode: null,
      ipv6RaMode: null,
    });
    expect(detail).toMatchObject({ mtu: 1450, external: true, portSecurityEnabled: null });
  });
});

describe('ports', () => {
  it.each([
    ['compute:nova', 'Server'],
    ['compute:az-2', 'Server'],
    ['network:dhcp', 'DHCP'],
    ['network:router_interface', 'Router interface'],
    ['network:router_gateway', 'Router gateway'],
    ['network:floatingip', 'Floating IP'],
    ['', 'Unbound'],
    ['something:new', 'something:new'],
  ])('%j is “%s”', (owner, words) => {
    expect(deviceOwnerLabel(owner)).toBe(words);
  });

  const port = (owner: string, deviceId: string) =>
    neutronPortSchema.parse({
      id: `port-${owner}`,
      name: '',
      mac_address: 'fa:16:3e:00:00:01',
      fixed_ips: [{ subnet_id: 'sub-4', ip_address: '10.0.0.12' }],
      device_owner: owner,
      device_id: deviceId,
      status: 'ACTIVE',
      admin_state_up: true,
    });

  it('names the server of a compute port, says when it was deleted, keeps the id when Nova could not tell', () => {
    const names = (id: string) =>
      id === 'srv-1' ? ({ name: 'web-1', deleted: false } as const) : id === 'srv-2' ? ({ deleted: true } as const) : undefined;
    const row = (deviceId: string) => networkPortSchema.parse(toNetworkPort(port('compute:nova', deviceId), names));
    expect(row('srv-1')).toMatchObject({
      deviceOwnerLabel: 'Server',
      macAddress: 'fa:16:3e:00:00:01',
      fixedIps: [{ ipAddress: '10.0.0.12', subnetId: 'sub-4' }],
      server: { id: 'srv-1', name: 'web-1', deleted: false },
    });
    expect(row('srv-2').server).toEqual({ id: 'srv-2', name: 'deleted server', deleted: true });
    expect(row('srv-3').server).toEqual({ id: 'srv-3', name: null, deleted: false });
    expect(toNetworkPort(port('network:dhcp', 'dhcp-x'), names).server).toBeNull();
  });
});
