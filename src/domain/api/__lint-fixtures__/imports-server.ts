// Deliberately wrong: proves the import-boundary lint fails on domain → server (see src/lint-boundaries.test.ts).
import { AppError } from '../../../server/errors';

export const wrong = AppError;
