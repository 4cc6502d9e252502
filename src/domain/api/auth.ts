import { z } from 'zod/mini';

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(255));

export const cloudSchema = z.object({ id: z.string(), name: z.string() });
export const cloudsResponseSchema = z.object({ clouds: z.array(cloudSchema) });
export type Cloud = z.infer<typeof cloudSchema>;

export const passwordLoginSchema = z.object({
  cloud: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  username: name,
  password: z.string().check(z.minLength(1), z.maxLength(4096)),
  domain: z._default(name, 'Default'),
  /** A project name or id; empty means the user's default project, else the first one by name. */
  project: z.pipe(z.optional(z.string().check(z.trim(), z.maxLength(255))), z.transform((p) => p || undefined)),
});
export const loginRequestSchema = passwordLoginSchema;
export type LoginRequest = z.input<typeof loginRequestSchema>;

/** Moves the session to another project of the user's, by name or id. */
/** Another of the user's projects, by id (a name is taken too, as at sign-in). */
export const switchProjectRequestSchema = z.object({ projectId: name });
export type SwitchProjectRequest = z.input<typeof switchProjectRequestSchema>;

const ref = z.object({ id: z.string(), name: z.string() });

export const sessionSummarySchema = z.object({
  user: z.extend(ref, { domain: ref }),
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
