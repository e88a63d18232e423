import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInterfaceType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { Role } from '../auth/roles.js';
import type { Context } from '../context.js';
import { AppError } from '../errors/app-error.js';
import type { PermissionTable } from './permissions.js';
import { isList, isNonNull, isObject, namedType, objectType, ofType, returnsAppErrorUnion } from './schema-types.js';
import { typedErrorResult } from './typed-error.js';

const ROOTS = ['Query', 'Mutation', 'Subscription'] as const;

/** FORBIDDEN naming the field and the roles that may use it, so the caller knows whom to hand it to. */
export function forbidden(role: Role, field: string, allowed: readonly Role[]): AppError {
  // root fields by their name (createCase), other fields as Type.field
  const name = /^(Query|Mutation|Subscription)\./.test(field) ? field.slice(field.indexOf('.') + 1) : field;
  const who = allowed.length > 0 ? `; ${name} is for ${allowed.join(', ')}` : `; ${name} is not open to any role`;
  return new AppError('FORBIDDEN', `The role ${role} may not do this${who}`, {
    details: { field, role, allowedRoles: [...allowed] },
  });
}

/** What a field a role may not see answers: nothing, in the shape the schema promises. */
function emptyValue(type: GraphQLOutputType): { value: unknown } | null {
  if (!isNonNull(type)) return { value: null };
  if (isList(ofType(type))) return { value: [] };
  return null;
}

function wrapDenied<TSource>(
  field: GraphQLField<TSource, Context>,
  coordinate: string,
  allowed: readonly Role[],
  onDenied: 'refuse' | 'hide',
): void {
  const allowedSet = new Set(allowed);
  const resolve: GraphQLFieldResolver<TSource, Context> = field.resolve ?? defaultFieldResolver;
  const typedError = returnsAppErrorUnion(field.type);
  const empty = emptyValue(field.type);
  field.resolve = (source, args, context, info) => {
    if (allowedSet.has(context.viewer.role)) return resolve(source, args, context, info);
    if (onDenied === 'hide' && empty) return empty.value;
    const error = forbidden(context.viewer.role, coordinate, allowed);
    if (typedError) return typedErrorResult(error);
    throw error;
  };
  const subscribe = field.subscribe;
  if (subscribe) {
    field.subscribe = (source, args, context, info) => {
      if (!allowedSet.has(context.viewer.role)) throw forbidden(context.viewer.role, coordinate, allowed);
      return subscribe(source, args, context, info);
    };
  }
}

/** The concrete object type of a value returned where an interface (Node) is expected. */
async function concreteTypeName(
  nodeInterface: GraphQLInterfaceType,
  value: unknown,
  context: Context,
  info: Parameters<GraphQLFieldResolver<unknown, Context>>[3],
): Promise<string | null> {
  if (value === null || value === undefined) return null;
  const resolved = await nodeInterface.resolveType?.(value, context, info, nodeInterface);
  return typeof resolved === 'string' ? resolved : null;
}

/**
 * `node` and `nodes` answer null for an object of a type the caller may not see, exactly as
 * for an id that does not exist, one position at a time.
 */
function guardNodeLookups(schema: GraphQLSchema, table: PermissionTable): void {
  const query = schema.getQueryType();
  const nodeInterface = schema.getType('Node') as GraphQLInterfaceType | undefined;
  if (!query || !nodeInterface) return;
  const visible = async (
    value: unknown,
    context: Context,
    info: Parameters<GraphQLFieldResolver<unknown, Context>>[3],
  ) => {
    const typeName = await concreteTypeName(nodeInterface, value, context, info);
    return typeName !== null && (table.types[typeName] ?? []).includes(context.viewer.role);
  };
  const fields = query.getFields();
  const node = fields.node;
  if (node?.resolve) {
    const resolve = node.resolve;
    node.resolve = async (source, args, context: Context, info) => {
      const value = await resolve(source, args, context, info);
      return (await visible(value, context, info)) ? value : null;
    };
  }
  const nodes = fields.nodes;
  if (nodes?.resolve) {
    const resolve = nodes.resolve;
    nodes.resolve = async (source, args, context: Context, info) => {
      const values = (await resolve(source, args, context, info)) as unknown[];
      return Promise.all(
        values.map(async (value) => {
          const settled = await value;
          if (settled instanceof Error) return settled;
          return (await visible(settled, context, info)) ? settled : null;
        }),
      );
    };
  }
}

/**
 * Applies the permission table to a built schema. Root fields not in the table are refused to
 * everyone; fields whose type or own entry is narrower than "everyone" check the caller's role
 * before they resolve. Fields open to every role are left untouched (no cost per field).
 */
export function applyPermissions(
  schema: GraphQLSchema,
  table: PermissionTable,
  allRoles: readonly Role[],
): GraphQLSchema {
  const everyone = new Set(allRoles);
  const isEveryone = (roles: readonly Role[]) =>
    roles.length >= everyone.size && allRoles.every((role) => roles.includes(role));
  for (const root of ROOTS) {
    const type = objectType(schema, root);
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const allowed = table.root[root][field.name] ?? [];
      wrapDenied(field, `${root}.${field.name}`, allowed, 'refuse');
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObject(type) || type.name.startsWith('__') || (ROOTS as readonly string[]).includes(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const returned = namedType(field.type).name;
      const allowed = table.fields[coordinate] ?? table.types[returned];
      if (!allowed || isEveryone(allowed)) continue;
      wrapDenied(field, coordinate, allowed, 'hide');
    }
  }
  guardNodeLookups(schema, table);
  return schema;
}

/** Every root field and node type the table does not mention (a test keeps this empty). */
export function missingPermissions(schema: GraphQLSchema, table: PermissionTable): string[] {
  const missing: string[] = [];
  for (const root of ROOTS) {
    const type = objectType(schema, root);
    if (!type) continue;
    for (const name of Object.keys(type.getFields())) if (!table.root[root][name]) missing.push(`${root}.${name}`);
  }
  const nodeInterface = schema.getType('Node') as GraphQLInterfaceType | undefined;
  if (nodeInterface) {
    for (const type of schema.getPossibleTypes(nodeInterface)) if (!table.types[type.name]) missing.push(type.name);
  }
  return missing;
}
