import type { z } from 'zod';
import { AppError } from './app-error.js';

/** Turns a zod failure into a VALIDATION_FAILED AppError naming every field and rule. */
export function validationError(error: z.ZodError, prefix = 'input'): AppError {
  const fields = error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  const summary = fields.map((field) => `${field.path}: ${field.message}`).join('; ');
  return new AppError('VALIDATION_FAILED', `Invalid input: ${summary}`, { fields });
}

/** Parses with a zod schema; throws a typed VALIDATION_FAILED error on failure. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, prefix = 'input'): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, prefix);
  return result.data;
}
