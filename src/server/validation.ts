import type { z } from 'zod';
import { AppError } from './errors';

/** Parses request input with a contract schema; a failure is a 400 that names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => {
    const path = issue.path.join('.') || 'body';
    return `${path}: ${issue.message}`;
  });
  throw new AppError(400, 'request.invalid', `The request is not valid. ${fields.join('; ')}`, {
    params: { fields: result.error.issues.map((i) => i.path.join('.')).join(',') },
  });
}
