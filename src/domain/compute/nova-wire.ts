import { z } from 'zod';

/**
 * Nova's server body as the BFF reads it, at any microversion from 2.1 to 2.100 (fixtures in
 * shared/fixtures/openstack/compute). Tolerant: fields absent at older microversions or hidden
 * by policy are optional, and unknown fields pass through untouched.
 */
const link = z.object({ href: z.string(), rel: z.string() });

export const novaAddressSchema = z.object({
  addr: z.string(),
  version: z.union([z.literal(4), z.literal(6)]),
  'OS-EXT-IPS:type': z.enum(['fixed', 'floating']).optional(),
  'OS-EXT-IPS-MAC:mac_addr': z.string().optional(),
});

export const novaFlavorRefSchema = z.union([
  // < 2.47
  z.object({ id: z.string(), links: z.array(link).optional() }),
  // ≥ 2.47
  z.object({
    original_name: z.string(),
    vcpus: z.number(),
    ram: z.number(),
    disk: z.number(),
    ephemeral: z.number().optional(),
    swap: z.union([z.number(), z.literal('')]).optional(),
  }),
]);

export const novaServerSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  tenant_id: z.string(),
  user_id: z.string(),
  created: z.string(),
  updated: z.string(),
  hostId: z.string().default(''),
  addresses: z.record(z.string(), z.array(novaAddressSchema)).default({}),
  flavor: novaFlavorRefSchema,
  image: z.union([z.literal(''), z.object({ id: z.string() })]),
  key_name: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).default({}),
  description: z.string().nullish(),
  locked: z.boolean().optional(),
  locked_reason: z.string().nullish(),
  progress: z.number().optional(),
  fault: z.object({ code: z.number(), message: z.string(), created: z.string().optional(), details: z.string().optional() }).optional(),
  security_groups: z.array(z.object({ name: z.string() })).optional(),
  'os-extended-volumes:volumes_attached': z.array(z.object({ id: z.string(), delete_on_termination: z.boolean().optional() })).optional(),
  'OS-EXT-STS:vm_state': z.string(),
  'OS-EXT-STS:task_state': z.string().nullable(),
  'OS-EXT-STS:power_state': z.number(),
  'OS-EXT-AZ:availability_zone': z.string().optional(),
  'OS-SRV-USG:launched_at': z.string().nullish(),
  'OS-EXT-SRV-ATTR:host': z.string().nullish(),
});
export type NovaServer = z.infer<typeof novaServerSchema>;

export const novaServerListSchema = z.object({
  servers: z.array(novaServerSchema),
  servers_links: z.array(link).optional(),
});

export const novaFlavorSchema = z.object({
  id: z.string(),
  name: z.string(),
  vcpus: z.number(),
  ram: z.number(),
  disk: z.number(),
  'OS-FLV-EXT-DATA:ephemeral': z.number().optional(),
  'os-flavor-access:is_public': z.boolean().optional(),
  description: z.string().nullish(),
});
export type NovaFlavor = z.infer<typeof novaFlavorSchema>;

const novaEventSchema = z.object({
  event: z.string(),
  start_time: z.string().nullable(),
  finish_time: z.string().nullable(),
  result: z.string().nullable(),
  traceback: z.string().nullish(),
  host: z.string().nullish(),
  details: z.string().nullish(),
});

export const novaInstanceActionSchema = z.object({
  action: z.string(),
  request_id: z.string(),
  user_id: z.string().nullable(),
  start_time: z.string(),
  updated_at: z.string().nullish(),
  message: z.string().nullable(),
  events: z.array(novaEventSchema).optional(),
});
export type NovaInstanceAction = z.infer<typeof novaInstanceActionSchema>;
