import { z } from 'zod/mini';
import { cursorSchema, listLimit } from './servers';

/** Neutron's network status values, for the status filter. */
export const networkStatuses = ['ACTIVE', 'DOWN', 'BUILD', 'ERROR'] as const;
export type NetworkStatus = (typeof networkStatuses)[number];

export const networkSortKeys = ['name', 'status'] as const;
export type NetworkSortKey = (typeof networkSortKeys)[number];

/** A yes/no filter in a query string: exactly `true` or `false`; anything else is a 400 naming the field. */
const queryBoolean = z.pipe(
  z.enum(['true', 'false'], { error: 'must be "true" or "false"' }),
  z.transform((value) => value === 'true'),
);

export const listNetworksQuerySchema = z.object({
  limit: listLimit,
  marker: z.optional(cursorSchema),
  /** A network id, a CIDR, an IP address or a name (exact or partial), told apart by the BFF. */
  q: z.pipe(z.optional(z.string().check(z.trim(), z.maxLength(255))), z.transform((q) => q || undefined)),
  shared: z.optional(queryBoolean),
  /** Neutron's `router:external`. */
  external: z.optional(queryBoolean),
  status: z.optional(z.pipe(z.string().check(z.toUpperCase()), z.enum(networkStatuses))),
  sort: z._default(z.enum(networkSortKeys), 'name'),
  dir: z._default(z.enum(['asc', 'desc']), 'asc'),
});
export type ListNetworksQuery = z.input<typeof listNetworksQuerySchema>;

export const networkSubnetRefSchema = z.object({
  id: z.string(),
  /** null when Neutron did not return the subnet (removed meanwhile, or not visible). */
  cidr: z.nullable(z.string()),
});

/** One network in a list: what a row shows. */
export const networkSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  subnets: z.array(networkSubnetRefSchema),
  shared: z.boolean(),
  /** `router:external`: a network routers can use as a gateway (floating IPs come from it). */
  external: z.boolean(),
  status: z.string(),
  adminStateUp: z.boolean(),
  /** The owning project; null when Neutron did not say. */
  projectId: z.nullable(z.string()),
});
export type NetworkSummary = z.infer<typeof networkSummarySchema>;

export const networkSearchKinds = ['id', 'cidr', 'ip', 'name'] as const;

/** How the BFF read `q`, so the list can say what it searched for. */
export const networkSearchSchema = z.object({
  kind: z.enum(networkSearchKinds),
  /**
   * A name search went past Neutron's exact `name` filter and matched names page by page (a
   * bounded scan); `partial` on the list says whether the scan has more to go.
   */
  partialName: z.boolean(),
});
export type NetworkSearchInfo = z.infer<typeof networkSearchSchema>;

export const networkListSchema = z.object({
  items: z.array(networkSummarySchema),
  /** Pass back as `marker` for the next page; null when everything is loaded. */
  next: z.nullable(z.string()),
  /** The search is a bounded scan that has not reached the end yet: more pages may add rows. */
  partial: z.optional(z.boolean()),
  /** Present when `q` was given. */
  search: z.optional(networkSearchSchema),
});
export type NetworkList = z.infer<typeof networkListSchema>;

export const subnetSchema = z.object({
  id: z.string(),
  name: z.string(),
  cidr: z.string(),
  ipVersion: z.union([z.literal(4), z.literal(6)]),
  /** null: no gateway. */
  gatewayIp: z.nullable(z.string()),
  allocationPools: z.array(z.object({ start: z.string(), end: z.string() })),
  enableDhcp: z.boolean(),
  dnsNameservers: z.array(z.string()),
  hostRoutes: z.array(z.object({ destination: z.string(), nexthop: z.string() })),
  /** IPv6 only: `slaac`, `dhcpv6-stateful`, `dhcpv6-stateless`. */
  ipv6AddressMode: z.nullable(z.string()),
  ipv6RaMode: z.nullable(z.string()),
});
export type Subnet = z.infer<typeof subnetSchema>;

/** One network with its subnets; its ports are paged on their own (`apiPaths.networkPorts`). */
export const networkDetailSchema = z.extend(networkSummarySchema, {
  description: z.string(),
  mtu: z.nullable(z.number()),
  portSecurityEnabled: z.nullable(z.boolean()),
  availabilityZones: z.array(z.string()),
  tags: z.array(z.string()),
  createdAt: z.nullable(z.string()),
  updatedAt: z.nullable(z.string()),
  /** IPv4 first, then IPv6, each by CIDR. */
  subnets: z.array(subnetSchema),
});
export type NetworkDetail = z.infer<typeof networkDetailSchema>;

export const listPortsQuerySchema = z.object({
  limit: listLimit,
  marker: z.optional(cursorSchema),
});
export type ListPortsQuery = z.input<typeof listPortsQuerySchema>;

/** The server a `compute:*` port is plugged into. */
export const portServerSchema = z.object({
  id: z.string(),
  /** "deleted server" when Nova no longer knows it; null when Nova could not be asked. */
  name: z.nullable(z.string()),
  deleted: z.boolean(),
});

export const networkPortSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Neutron's device_owner as given (`compute:nova`, `network:dhcp`, '' …). */
  deviceOwner: z.string(),
  /** The same in words: "Server", "DHCP", "Router interface", "Unbound" … */
  deviceOwnerLabel: z.string(),
  deviceId: z.string(),
  macAddress: z.nullable(z.string()),
  fixedIps: z.array(z.object({ ipAddress: z.string(), subnetId: z.nullable(z.string()) })),
  status: z.string(),
  adminStateUp: z.boolean(),
  /** Set for `compute:*` ports. */
  server: z.nullable(portServerSchema),
});
export type NetworkPort = z.infer<typeof networkPortSchema>;

export const networkPortListSchema = z.object({
  items: z.array(networkPortSchema),
  next: z.nullable(z.string()),
});
export type NetworkPortList = z.infer<typeof networkPortListSchema>;
