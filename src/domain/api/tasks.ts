import { z } from 'zod/mini';
import { actionIds } from '../compute/actions';
import { serverSummarySchema } from './servers';

export const actionIdSchema = z.enum(actionIds);

/** The body each action takes; actions not listed take none (`{}`). */
export const actionBodySchemas = {
  resize: z.object({ flavorId: z.string().check(z.minLength(1), z.maxLength(255)) }),
  rescue: z.object({ imageId: z.optional(z.uuid()), password: z.optional(z.string().check(z.minLength(1), z.maxLength(255))) }),
  lock: z.object({ reason: z.optional(z.string().check(z.trim(), z.maxLength(255))) }),
  snapshot: z.object({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(255)) }),
  rebuild: z.object({ imageId: z.uuid() }),
} as const;
export const emptyActionBodySchema = z.strictObject({});

export type ActionBody<A extends string> = A extends keyof typeof actionBodySchemas ? z.input<(typeof actionBodySchemas)[A]> : Record<string, never>;

export const taskSchema = z.object({
  id: z.string(),
  serverId: z.string(),
  serverName: z.string(),
  action: actionIdSchema,
  /** Nova's x-openstack-request-id of the call: the key of its instance action. */
  requestId: z.nullable(z.string()),
  state: z.enum(['running', 'succeeded', 'failed']),
  step: z.string(),
  progress: z.number().check(z.gte(0), z.lte(100)),
  startedAt: z.string(),
  finishedAt: z.optional(z.string()),
  message: z.optional(z.string()),
});
export type Task = z.infer<typeof taskSchema>;

export const actionResponseSchema = z.object({
  task: taskSchema,
  /** Rescue and rebuild: the password Nova set. Shown once; the BFF never stores it. */
  adminPass: z.optional(z.string()),
});
export type ActionResponse = z.infer<typeof actionResponseSchema>;

export const taskListSchema = z.object({ items: z.array(taskSchema) });

/** One server-sent event of the task stream: the task and, when known, the server's new row. */
export const taskEventSchema = z.object({
  task: taskSchema,
  server: z.optional(serverSummarySchema),
});
export type TaskEvent = z.infer<typeof taskEventSchema>;

export const flavorOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  vcpus: z.number(),
  ramMb: z.number(),
  diskGb: z.number(),
});
export const flavorListSchema = z.object({ items: z.array(flavorOptionSchema) });

export const imageOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  minDiskGb: z.number(),
  visibility: z.string(),
});
export const imageListSchema = z.object({ items: z.array(imageOptionSchema) });

export const limitsSchema = z.object({
  cores: z.object({ used: z.number(), max: z.number() }),
  ramMb: z.object({ used: z.number(), max: z.number() }),
  instances: z.object({ used: z.number(), max: z.number() }),
});
export type Limits = z.infer<typeof limitsSchema>;
