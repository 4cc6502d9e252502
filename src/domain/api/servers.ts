import { z } from 'zod';
import { actionIds } from '../compute/actions';

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
export const listLimit = z.coerce.number().int().min(1).max(200).default(50);

/** The opaque cursor of a list: passed back verbatim as `marker`. */
export const cursorSchema = z.string().min(1).max(2048);

export const listServersQuerySchema = z.object({
  limit: listLimit,
  marker: cursorSchema.optional(),
  q: z.string().trim().max(255).optional().transform((q) => q || undefined),
  status: z
    .string()
    .toUpperCase()
    .pipe(z.enum(serverStatuses))
    .optional(),
  sort: z.enum(serverSortKeys).default('created'),
  dir: z.enum(['asc', 'desc']).optional(),
});
export type ListServersQuery = z.input<typeof listServersQuerySchema>;

export const actionAvailabilitySchema = z.object({
  id: z.enum(actionIds),
  enabled: z.boolean(),
  reason: z.string().optional(),
});

export const serverAddressSchema = z.object({
  addr: z.string(),
  version: z.union([z.literal(4), z.literal(6)]),
  type: z.enum(['fixed', 'floating']),
  mac: z.string().optional(),
});

export const serverNetworkAddressesSchema = z.object({
  network: z.string(),
  /** Set when the BFF could match the name to a network id (for links to the network). */
  networkId: z.string().optional(),
  addresses: z.array(serverAddressSchema),
});

export const serverFlavorSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  vcpus: z.number().optional(),
  ramMb: z.number().optional(),
  diskGb: z.number().optional(),
});

export const powerStates = ['no state', 'running', 'paused', 'shut down', 'crashed', 'suspended'] as const;

/** One server in a list: what a row shows and what the row's actions need. */
export const serverSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  vmState: z.string(),
  taskState: z.string().nullable(),
  powerState: z.enum(powerStates),
  locked: z.boolean(),
  lockedReason: z.string().nullable(),
  addresses: z.array(serverNetworkAddressesSchema),
  flavor: serverFlavorSchema.nullable(),
  /** null for a server booted from a volume. */
  image: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  created: z.string(),
  updated: z.string(),
  actions: z.array(actionAvailabilitySchema),
});
export type ServerSummary = z.infer<typeof serverSummarySchema>;

export const serverListSchema = z.object({
  items: z.array(serverSummarySchema),
  /** Pass back as `marker` for the next page; null when everything is loaded. */
  next: z.string().nullable(),
  /** The search could not be answered exactly upstream and scanned a bounded number of pages. */
  partial: z.boolean().optional(),
});
export type ServerList = z.infer<typeof serverListSchema>;

export const instanceActionEventSchema = z.object({
  event: z.string(),
  startTime: z.string().nullable(),
  finishTime: z.string().nullable(),
  result: z.string().nullable(),
  traceback: z.string().optional(),
  host: z.string().optional(),
  details: z.string().optional(),
});

export const instanceActionSchema = z.object({
  requestId: z.string(),
  action: z.string(),
  userId: z.string().nullable(),
  startTime: z.string(),
  updatedAt: z.string().optional(),
  message: z.string().nullable(),
  /** Absent when Nova does not show events to this role at this microversion. */
  events: z.array(instanceActionEventSchema).optional(),
});
export type InstanceAction = z.infer<typeof instanceActionSchema>;

export const serverDetailSchema = serverSummarySchema.extend({
  projectId: z.string(),
  userId: z.string(),
  hostId: z.string(),
  keyName: z.string().nullable(),
  availabilityZone: z.string().nullable(),
  description: z.string().nullable(),
  launchedAt: z.string().nullable(),
  progress: z.number().nullable(),
  metadata: z.record(z.string(), z.string()),
  securityGroups: z.array(z.string()),
  volumes: z.array(z.object({ id: z.string(), deleteOnTermination: z.boolean().optional() })),
  fault: z
    .object({ code: z.number(), message: z.string(), created: z.string().nullable(), details: z.string().optional() })
    .nullable(),
  /** Newest first. null when the action log cannot be read (policy or microversion). */
  actionLog: z.array(instanceActionSchema).nullable(),
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

export const consoleQuerySchema = z.object({ lines: z.coerce.number().int().min(1).max(1000).default(200) });
export const consoleOutputSchema = z.object({ output: z.string() });
