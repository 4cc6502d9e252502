import { z } from 'zod/mini';

export const healthSchema = z.object({ status: z.literal('ok') });
export const readinessSchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), message: z.optional(z.string()) })),
});
export type Readiness = z.infer<typeof readinessSchema>;
