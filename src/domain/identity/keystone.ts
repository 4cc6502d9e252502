import { z } from 'zod';

/** Keystone v3 wire shapes, as in shared/fixtures/openstack/identity. Only what we read. */
const ref = z.object({ id: z.string(), name: z.string() });

export const endpointSchema = z.object({
  id: z.string().optional(),
  interface: z.enum(['public', 'internal', 'admin']),
  region_id: z.string().nullish(),
  region: z.string().nullish(),
  url: z.string(),
});
export const catalogEntrySchema = z.object({
  type: z.string(),
  name: z.string().optional(),
  id: z.string().optional(),
  endpoints: z.array(endpointSchema),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

export const tokenBodySchema = z.object({
  token: z.object({
    expires_at: z.string(),
    issued_at: z.string().optional(),
    methods: z.array(z.string()),
    user: ref.extend({ domain: ref }),
    project: ref.extend({ domain: ref }).optional(),
    roles: z.array(ref).optional(),
    catalog: z.array(catalogEntrySchema).optional(),
  }),
});
export type TokenBody = z.infer<typeof tokenBodySchema>;

export const authProjectsSchema = z.object({
  projects: z.array(
    z.object({ id: z.string(), name: z.string(), domain_id: z.string(), enabled: z.boolean().optional() }),
  ),
});

export const keystoneErrorSchema = z.object({
  error: z.object({ code: z.number(), title: z.string().optional(), message: z.string() }),
});

/** Roles that only read. A session holding nothing else is read-only in the SPA. */
export const readOnlyRoles = new Set(['reader']);

export function isReadOnly(roles: readonly string[]): boolean {
  return roles.length > 0 && roles.every((r) => readOnlyRoles.has(r));
}
