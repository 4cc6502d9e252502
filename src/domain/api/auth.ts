import { z } from 'zod/mini';
import type { ErrorBody } from './errors';

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

/**
 * A new scope for the session: another of the user's projects, by id (a name is taken too, as at
 * sign-in), another of the cloud's regions, or both at once; at least one of them.
 */
export const scopeRequestSchema = z.object({ projectId: z.optional(name), region: z.optional(name) }).check(
  z.refine((scope) => scope.projectId !== undefined || scope.region !== undefined, { message: 'Give a projectId, a region or both.' }),
);
export type ScopeRequest = z.input<typeof scopeRequestSchema>;

/**
 * The refusal of a region the session's catalog does not list, naming those it does: in the same
 * words from the BFF and from its stand-in.
 */
export function regionUnavailable(region: string, regions: readonly string[]): ErrorBody['error'] {
  const known = regions.length > 0 ? `its regions are ${new Intl.ListFormat('en').format(regions)}` : 'its catalog names none';
  return { code: 'auth.region_unavailable', message: `This cloud has no region “${region}”: ${known}.`, params: { region, regions: regions.join(', ') } };
}

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
