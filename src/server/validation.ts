import { z } from 'zod';
import { AppError } from './errors';

// The contract's schemas are zod/mini, which brings no messages of its own, and the 400s below
// quote them: the BFF installs zod's English ones (for the whole process). The SPA does without
// (1 KB gzip): it shows its own words, and the issue paths are enough in a "could not read" detail.
z.config(z.locales.en());

/**
 * Parses request input with a contract schema; a failure is a 400 that names each bad field. Typed
 * against zod's core, since the contract is on zod/mini while the BFF's own schemas are classic.
 */
export function parseInput<S extends z.core.$ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = z.safeParse(schema, input ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => {
    const path = issue.path.join('.') || 'body';
    return `${path}: ${issue.message}`;
  });
  throw new AppError(400, 'request.invalid', `The request is not valid. ${fields.join('; ')}`, {
    params: { fields: result.error.issues.map((i) => i.path.join('.')).join(',') },
  });
}
