import { decodeGlobalID } from '@pothos/plugin-relay';
import { AppError } from '../errors/app-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Accepts a Relay global id of the expected type (or a bare UUID) and returns the row id.
 * Anything else is a typed validation error naming the argument.
 */
export function parseId(value: string, expectedType: string, path: string): string {
  if (UUID.test(value)) return value.toLowerCase();
  try {
    const { typename, id } = decodeGlobalID(value);
    if (typename === expectedType && UUID.test(id)) return id.toLowerCase();
  } catch {
    // fall through to the typed error
  }
  throw new AppError('VALIDATION_FAILED', `${path} is not a valid ${expectedType} id`, {
    fields: [{ path, message: `expected a ${expectedType} id` }],
  });
}

/** Like parseId, but for lookups: a malformed id simply finds nothing. */
export function parseIdOrNull(value: string, expectedType: string): string | null {
  try {
    return parseId(value, expectedType, 'id');
  } catch {
    return null;
  }
}
