import { z } from 'zod/mini';
import { actionIds } from '../compute/server-actions';

/** Nova's status values (openstack-api.md §2.5), for the status filter. */
export const serverStatuses = [
  'ACTIVE',
  'BUILD',
  'REBOOT',
  'HARD_REBOOT',
  'PASSWORD',
  'REBUILD',
  'MIGRATING',
  'RESIZE',
  'VERIFY_RESIZE',
  'REVERT_RESIZE',
  'SHUTOFF',
  'PAUSED',
  'SUSPENDED',
  'RESCUE',
  'ERROR',
  'DELETED',
  'SOFT_DELETED',
  'SHELVED',
  'SHELVED_OFFLOADED',
  'UNKNOWN',
] as const;
export type ServerStatus = (typeof serverStatuses)[number];

export const serverSortKeys = ['name', 'status', 'created'] as const;
export type ServerSortKey = (typeof serverSortKeys)[number];

/** A page size the BFF accepts: big enough for a screen and a half, small enough to stay quick. */
export const listLimit = z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50);

/** The opaque cursor of a list: passed back verbatim as `marker`. */
export const cursorSchema = z.string().check(z.minLength(1), z.maxLength(2048));

export const listServersQuerySchema = z.object({
  limit: listLimit,
  marker: z.optional(cursorSchema),
  q: z.pipe(z.optional(z.string().check(z.trim(), z.maxLength(255))), z.transform((q) => q || undefined)),
  status: z.optional(z.pipe(z.string().check(z.toUpperCase()), z.enum(serverStatuses))),
  sort: z._default(z.enum(serverSortKeys), 'created'),
  dir: z.optional(z.enum(['asc', 'desc'])),
});
export type ListServersQuery = z.input<typeof listServersQuerySchema>;

export const actionAvailabilitySchema = z.object({
  id: z.enum(actionIds),
  enabled: z.boolean(),
  reason: z.optional(z.string()),
});

export const serverAddressSchema = z.object({
  addr: z.string(),
  version: z.union([z.literal(4), z.literal(6)]),
  type: z.enum(['fixed', 'floating']),
  mac: z.optional(z.string()),
});

export const serverNetworkAddressesSchema = z.object({
  network: z.string(),
  /** Set when the BFF could match the name to a network id (for links to the network). */
  networkId: z.optional(z.string()),
  addresses: z.array(serverAddressSchema),
});

export const serverFlavorSchema = z.object({
  id: z.optional(z.string()),
  name: z.string(),
  vcpus: z.optional(z.number()),
  ramMb: z.optional(z.number()),
  diskGb: z.optional(z.number()),
});

export const powerStates = ['no state', 'running', 'paused', 'shut down', 'crashed', 'suspended'] as const;

/** One server in a list: what a row shows and what the row's actions need. */
export const serverSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  vmState: z.string(),
  taskState: z.nullable(z.string()),
  powerState: z.enum(powerStates),
  locked: z.boolean(),
  lockedReason: z.nullable(z.string()),
  addresses: z.array(serverNetworkAddressesSchema),
  flavor: z.nullable(serverFlavorSchema),
  /** null for a server booted from a volume. */
  image: z.nullable(z.object({ id: z.string(), name: z.nullable(z.string()) })),
  created: z.string(),
  updated: z.string(),
  actions: z.array(actionAvailabilitySchema),
});
export type ServerSummary = z.infer<typeof serverSummarySchema>;

export const serverListSchema = z.object({
  items: z.array(serverSummarySchema),
  /** Pass back as `marker` for the next page; null when everything is loaded. */
  next: z.nullable(z.string()),
  /** The search could not be answered exactly upstream and scanned a bounded number of pages. */
  partial: z.optional(z.boolean()),
});
export type ServerList = z.infer<typeof serverListSchema>;

export const instanceActionEventSchema = z.object({
  event: z.string(),
  startTime: z.nullable(z.string()),
  finishTime: z.nullable(z.string()),
  result: z.nullable(z.string()),
  traceback: z.optional(z.string()),
  host: z.optional(z.string()),
  details: z.optional(z.string()),
});

export const instanceActionSchema = z.object({
  requestId: z.string(),
  action: z.string(),
  userId: z.nullable(z.string()),
  startTime: z.string(),
  updatedAt: z.optional(z.string()),
  message: z.nullable(z.string()),
  /** Absent when Nova does not show events to this role at this microversion. */
  events: z.optional(z.array(instanceActionEventSchema)),
});
export type InstanceAction = z.infer<typeof instanceActionSchema>;

export const serverDetailSchema = z.extend(serverSummarySchema, {
  projectId: z.string(),
  userId: z.string(),
  hostId: z.string(),
  keyName: z.nullable(z.string()),
  availabilityZone: z.nullable(z.string()),
  description: z.nullable(z.string()),
  launchedAt: z.nullable(z.string()),
  progress: z.nullable(z.number()),
  metadata: z.record(z.string(), z.string()),
  securityGroups: z.array(z.string()),
  volumes: z.array(z.object({ id: z.string(), deleteOnTermination: z.optional(z.boolean()) })),
  fault: z.nullable(z.object({ code: z.number(), message: z.string(), created: z.nullable(z.string()), details: z.optional(z.string()) })),
  /** Newest first. null when the action log cannot be read (policy or microversion). */
  actionLog: z.nullable(z.array(instanceActionSchema)),
});
export type ServerDetail = z.infer<typeof serverDetailSchema>;

/** Servers changed since a time, by anyone (the CLI, a colleague), including deleted ones. */
export const serverChangesQuerySchema = z.object({
  since: z.iso.datetime({ offset: true }),
});
export const serverChangesSchema = z.object({
  /** Changed servers; deleted ones come with status DELETED so the SPA can drop their rows. */
  items: z.array(serverSummarySchema),
  /** Pass as `since` next time: the upstream clock's view of "now", so nothing falls between. */
  asOf: z.string(),
});
export type ServerChanges = z.infer<typeof serverChangesSchema>;

export const consoleQuerySchema = z.object({ lines: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000)), 200) });
export const consoleOutputSchema = z.object({ output: z.string() });
