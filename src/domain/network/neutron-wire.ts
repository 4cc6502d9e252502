import { z } from 'zod';

/**
 * Neutron v2.0 bodies as the BFF reads them (openstack-api.md §3, fixtures in
 * shared/fixtures/openstack/network). Tolerant: every attribute but `id` may be missing, since
 * the BFF asks for only the attributes it shows (`fields=`), extensions add or leave out
 * attributes (`router:external`, `project_id`, `mtu`…), and unknown attributes pass untouched.
 */
const link = z.object({ rel: z.string(), href: z.string() });

export const neutronNetworkSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  status: z.string().nullish(),
  admin_state_up: z.boolean().nullish(),
  shared: z.boolean().nullish(),
  'router:external': z.boolean().nullish(),
  subnets: z.array(z.string()).nullish(),
  project_id: z.string().nullish(),
  tenant_id: z.string().nullish(),
  mtu: z.number().nullish(),
  port_security_enabled: z.boolean().nullish(),
  availability_zones: z.array(z.string()).nullish(),
  tags: z.array(z.string()).nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type NeutronNetwork = z.infer<typeof neutronNetworkSchema>;

export const neutronSubnetSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  network_id: z.string().nullish(),
  ip_version: z.number().nullish(),
  cidr: z.string().nullish(),
  gateway_ip: z.string().nullish(),
  allocation_pools: z.array(z.object({ start: z.string(), end: z.string() })).nullish(),
  enable_dhcp: z.boolean().nullish(),
  dns_nameservers: z.array(z.string()).nullish(),
  host_routes: z.array(z.object({ destination: z.string(), nexthop: z.string() })).nullish(),
  ipv6_address_mode: z.string().nullish(),
  ipv6_ra_mode: z.string().nullish(),
});
export type NeutronSubnet = z.infer<typeof neutronSubnetSchema>;

export const neutronPortSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  network_id: z.string().nullish(),
  mac_address: z.string().nullish(),
  fixed_ips: z.array(z.object({ ip_address: z.string(), subnet_id: z.string().nullish() })).nullish(),
  device_id: z.string().nullish(),
  device_owner: z.string().nullish(),
  status: z.string().nullish(),
  admin_state_up: z.boolean().nullish(),
});
export type NeutronPort = z.infer<typeof neutronPortSchema>;

/** `<collection>_links`: `next` and `previous` (a forward page 1 has `previous` too). */
export const neutronLinksSchema = z.array(link);

export const neutronExtensionListSchema = z.object({
  extensions: z.array(z.object({ alias: z.string() })),
});

/** `{"NeutronError": {"type", "message", "detail"}}` (api_common.convert_exception_to_http_exc). */
export const neutronErrorSchema = z.object({
  NeutronError: z.object({ type: z.string().optional(), message: z.string().optional(), detail: z.string().optional() }),
});
