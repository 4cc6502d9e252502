/**
 * The extensions the simulated Neutron loads: the api-ref sample's list (fixture
 * network/extensions-list-resp.json) plus those whose behaviour the simulator reproduces and a
 * client may look for before relying on it. Texts are neutron-lib's definitions.
 */
const table: Array<[alias: string, name: string, description: string, updated: string]> = [
  ['service-type', 'Neutron Service Type Management', 'API for retrieving service providers for Neutron advanced services', '2013-01-20T00:00:00-00:00'],
  ['security-group', 'security-group', 'The security groups extension.', '2012-10-05T10:00:00-00:00'],
  ['l3_agent_scheduler', 'L3 Agent Scheduler', 'Schedule routers among l3 agents', '2013-02-07T10:00:00-00:00'],
  ['ext-gw-mode', 'Neutron L3 Configurable external gateway mode', 'Extension of the router abstraction for specifying whether SNAT should occur on the external gateway', '2013-03-28T10:00:00-00:00'],
  ['binding', 'Port Binding', 'Expose port bindings of a virtual port to external application', '2014-02-03T10:00:00-00:00'],
  ['provider', 'Provider Network', 'Expose mapping of virtual networks to physical networks', '2012-09-07T10:00:00-00:00'],
  ['agent', 'agent', 'The agent management extension.', '2013-02-03T10:00:00-00:00'],
  ['quotas', 'Quota management support', 'Expose functions for quotas management per tenant', '2012-07-29T10:00:00-00:00'],
  ['dhcp_agent_scheduler', 'DHCP Agent Scheduler', 'Schedule networks among dhcp agents', '2013-02-07T10:00:00-00:00'],
  ['multi-provider', 'Multi Provider Network', 'Expose mapping of virtual networks to multiple physical networks', '2013-06-27T10:00:00-00:00'],
  ['external-net', 'Neutron external network', 'Adds external network attribute to network resource.', '2013-01-14T10:00:00-00:00'],
  ['router', 'Neutron L3 Router', 'Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external networks via a NAT gateway.', '2012-07-20T10:00:00-00:00'],
  ['allowed-address-pairs', 'Allowed Address Pairs', 'Provides allowed address pairs', '2013-07-23T10:00:00-00:00'],
  ['extra_dhcp_opt', 'Neutron Extra DHCP opts', 'Extra options configuration for DHCP. For example PXE boot options to DHCP clients can be specified (e.g. tftp-server, server-ip-address, bootfile-name)', '2013-03-17T12:00:00-00:00'],
  ['extraroute', 'Neutron Extra Route', 'Extra routes configuration for L3 router', '2013-02-01T10:00:00-00:00'],
  ['data-plane-status', 'Neutron Port Data Plane Status', 'Status of the underlying data plane.', '2016-01-24T10:00:00-00:00'],
  ['pagination', 'Pagination support', 'Extension that indicates that pagination is enabled.', '2016-06-12T00:00:00-00:00'],
  ['sorting', 'Sorting support', 'Extension that indicates that sorting is enabled.', '2016-06-12T00:00:00-00:00'],
  ['filter-validation', 'Filter parameters validation', 'Provides validation on filter parameters.', '2018-07-04T10:00:00-00:00'],
  ['sort-key-validation', 'Sort keys validation', 'Provides validation on sort keys.', '2018-07-04T10:00:00-00:00'],
  ['empty-string-filtering', 'Empty String Filtering Extension', 'Allow filtering by attributes with empty string value', '2018-05-01T10:00:00-00:00'],
  ['standard-attr-description', 'standard-attr-description', 'Extension to add descriptions to standard attributes', '2016-02-10T10:00:00-00:00'],
  ['standard-attr-revisions', 'Resource revision numbers', 'This extension will display the revision number of neutron resources.', '2016-04-11T10:00:00-00:00'],
  ['standard-attr-timestamp', 'Resource timestamps', 'Adds created_at and updated_at fields to all Neutron resources that have Neutron standard attributes.', '2016-09-12T10:00:00-00:00'],
  ['standard-attr-tag', 'Tag support for resources with standard attribute: floatingip, network, port, router, security_group, subnet', 'Enables to set tag on resources with standard attribute.', '2017-01-01T00:00:00-00:00'],
  ['revision-if-match', 'If-Match constraints based on revision_number', 'Extension indicating that If-Match based on revision_number is supported.', '2016-12-11T00:00:00-00:00'],
  ['project-id', 'project_id field enabled', 'Extension that indicates that project_id field is enabled.', '2016-09-09T09:09:09-09:09'],
  ['ip-substring-filtering', 'IP address substring filtering', 'Provides IP address substring filtering when listing ports', '2017-11-28T09:00:00-00:00'],
  ['fip-port-details', 'Floating IP Port Details Extension', 'Add port_details attribute to Floating IP resource', '2018-04-09T10:00:00-00:00'],
  ['subnet_allocation', 'Subnet Allocation', 'Enables allocation of subnets from a subnet pool', '2015-03-30T10:00:00-00:00'],
  ['port-security', 'Port Security', 'Provides port security', '2012-07-23T10:00:00-00:00'],
  ['net-mtu', 'Network MTU', 'Provides MTU attribute for a network resource.', '2015-03-25T10:00:00-00:00'],
  ['availability_zone', 'Availability Zone', 'The availability zone extension.', '2015-01-01T10:00:00-00:00'],
  ['network_availability_zone', 'Network Availability Zone', 'Availability zone support for network.', '2015-01-01T10:00:00-00:00'],
  ['dns-integration', 'DNS Integration', 'Provides integration with DNS.', '2015-08-15T18:00:00-00:00'],
  ['l2_adjacency', 'L2 Adjacency', 'Display L2 Adjacency for Neutron Networks.', '2016-04-12T16:00:00-00:00'],
  ['ip_allocation', 'IP Allocation', 'IP allocation extension.', '2016-06-10T23:00:00-00:00'],
];

export interface Extension {
  alias: string;
  name: string;
  description: string;
  updated: string;
  links: [];
}

export const extensions: Extension[] = table.map(([alias, name, description, updated]) => ({ alias, name, description, updated, links: [] }));
