import { z } from 'zod/mini';
import { type ActionId, actionIds, serverActions } from '../compute/server-actions';
import { serverSummarySchema } from './servers';

export const actionIdSchema = z.enum(actionIds);

export const emptyActionBodySchema = z.strictObject({});

/** The request body an action takes (its definition's input); an action without input takes `{}`. */
export function actionBodySchema(action: ActionId): z.ZodMiniType {
  return serverActions[action].input ?? emptyActionBodySchema;
}

export type { ActionBody } from '../compute/server-actions';

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
  /**
   * A running task whose service stopped answering: it is followed again as soon as the service
   * answers, and this goes away then. `message` in words: "The compute service (Nova) cannot be
   * reached; still trying."
   */
  waiting: z.optional(z.object({ service: z.enum(['compute', 'image']), message: z.string() })),
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
