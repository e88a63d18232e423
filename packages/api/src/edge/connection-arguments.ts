import { parsePrismaCursor } from '@pothos/plugin-prisma';
import type { GraphQLField, GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { isObject, returnsAppErrorUnion } from './schema-types.js';
import { typedErrorResult } from './typed-error.js';

/** Connections return at most this many nodes a page; asking for more is an error, not a silent cut. */
export const MAX_PAGE_SIZE = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE_ARGUMENTS = ['first', 'last', 'after', 'before'];

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', `${path} ${message}`, { fields: [{ path, message }] });
}

/**
 * Pagination arguments are checked before a connection resolves: page sizes between 0 and
 * 100, and cursors only as this API issued them (an id cursor of a row), so a negative size
 * or a garbage cursor is VALIDATION_FAILED naming the argument instead of a masked failure.
 */
export function checkPageArguments(args: Record<string, unknown>): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
      throw invalid(name, `must be between 0 and ${MAX_PAGE_SIZE}`);
    }
  }
  if (args.first != null && args.last != null) throw invalid('last', 'cannot be combined with first');
  for (const name of ['after', 'before'] as const) {
    const value = args[name];
    if (value === null || value === undefined) continue;
    let decoded: unknown;
    try {
      decoded = parsePrismaCursor(value);
    } catch {
      throw invalid(name, 'is not a cursor from this connection');
    }
    if (typeof decoded !== 'string' || !UUID.test(decoded)) throw invalid(name, 'is not a cursor from this connection');
  }
}

function wrap(field: GraphQLField<unknown, Context>): void {
  const resolve = field.resolve;
  if (!resolve) return;
  const typedError = returnsAppErrorUnion(field.type);
  const checked: GraphQLFieldResolver<unknown, Context> = (source, args, context, info) => {
    try {
      checkPageArguments(args);
    } catch (error) {
      if (typedError && error instanceof AppError) return typedErrorResult(error);
      throw error;
    }
    return resolve(source, args, context, info);
  };
  field.resolve = checked;
}

/** Applies the page checks to every field of the schema that takes connection arguments. */
export function checkConnectionArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObject(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const names = field.args.map((arg) => arg.name);
      if (PAGE_ARGUMENTS.every((name) => names.includes(name))) wrap(field);
    }
  }
  return schema;
}
