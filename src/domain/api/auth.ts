import { z } from 'zod';

const name = z.string().trim().min(1).max(255);

export const cloudSchema = z.object({ id: z.string(), name: z.string() });
export const cloudsResponseSchema = z.object({ clouds: z.array(cloudSchema) });
export type Cloud = z.infer<typeof cloudSchema>;

export const passwordLoginSchema = z.object({
  cloud: z.string().min(1).max(64).optional(),
  username: name,
  password: z.string().min(1).max(4096),
  domain: name.default('Default'),
  /** A project name or id; empty means the user's default project, else the first one by name. */
  project: z.string().trim().max(255).optional().transform((p) => p || undefined),
});
export const loginRequestSchema = passwordLoginSchema;
export type LoginRequest = z.input<typeof loginRequestSchema>;

/** Moves the session to another project of the user's, by name or id. */
/** Another of the user's projects, by id (a name is taken too, as at sign-in). */
export const switchProjectRequestSchema = z.object({ projectId: name });
export type SwitchProjectRequest = z.input<typeof switchProjectRequestSchema>;

const ref = z.object({ id: z.string(), name: z.string() });

export const sessionSummarySchema = z.object({
  user: ref.extend({ domain: ref }),
  project: ref,
  roles: z.array(z.string()),
  region: z.string(),
  regions: z.array(z.string()),
  cloud: cloudSchema,
  expiresAt: z.iso.datetime({ offset: true }),
  projects: z.array(ref),
  /** True when the only roles held are read-only ones: the SPA disables every change. */
  readOnly: z.boolean(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
