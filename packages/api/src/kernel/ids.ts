import { AppError } from '../errors/app-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The global id of a row: base64 of `Type:uuid`, as Relay clients expect. */
export function encodeNodeId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

/** Splits a global id into its type and row id; null when it is not one of ours. */
export function splitNodeId(value: string): { typename: string; id: string } | null {
  if (value.length > 200 || !BASE64.test(value)) return null;
  const text = Buffer.from(value, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const id = text.slice(colon + 1);
  if (!UUID.test(id)) return null;
  return { typename: text.slice(0, colon), id: id.toLowerCase() };
}

/**
 * Accepts a global id of the expected type (or a bare UUID, which older clients send) and
 * returns the row id. Anything else is VALIDATION_FAILED naming the argument.
 */
export function decodeNodeId(value: string, expectedType: string, path: string): string {
  if (UUID.test(value)) return value.toLowerCase();
  const decoded = splitNodeId(value);
  if (decoded && decoded.typename === expectedType) return decoded.id;
  const message = decoded
    ? `${path} is a ${decoded.typename} id; expected a ${expectedType} id`
    : `${path} is not a valid ${expectedType} id`;
  throw new AppError('VALIDATION_FAILED', message, {
    fields: [{ path, message: `expected a ${expectedType} id` }],
  });
}
