import { z } from 'zod/mini';

/**
 * Stable error codes. The SPA's message catalogue keys on these; `message` is only the English
 * fallback. Add a code here before using it anywhere else.
 */
export const errorCodes = [
  'auth.invalid_credentials',
  'auth.unauthenticated',
  'auth.session_expired',
  'auth.csrf',
  'auth.rate_limited',
  'auth.no_projects',
  'auth.project_unavailable',
  'auth.region_unavailable',
  'request.invalid',
  'request.malformed',
  'request.too_large',
  'request.unsupported_media_type',
  'not_found',
  'server.not_found',
  'server.conflict',
  'server.forbidden',
  'server.invalid',
  'network.not_found',
  'tasks.too_many_streams',
  'cursor.invalid',
  'upstream.forbidden',
  'upstream.not_in_catalog',
  'upstream.unavailable',
  'upstream.bad_response',
  'upstream.error',
  'internal',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
    /** OpenStack's own text, shown beside our wording when it helps (e.g. Nova's 409 message). */
    detail: z.optional(z.string()),
    /** The upstream x-openstack-request-id, or the BFF's own request id. */
    requestId: z.optional(z.string()),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The header every state-changing request must carry; a cross-site form cannot send it. */
export const csrfHeader = { name: 'x-requested-with', value: 'stackdeck' } as const;
