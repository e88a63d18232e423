import type {
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSchema,
} from 'graphql';

/**
 * Type tests that work whichever copy of graphql built the schema: the executor may load
 * graphql as CommonJS while our code loads it as ESM, and graphql's own `isObjectType` /
 * `instanceof` refuse a type from the other copy. graphql 16 tags each class instance.
 */
type AnyType = GraphQLInputType | GraphQLOutputType | GraphQLNamedType;

export function kindOf(type: AnyType): string {
  return (type as unknown as { [Symbol.toStringTag]: string })[Symbol.toStringTag];
}

export const isNonNull = (type: AnyType) => kindOf(type) === 'GraphQLNonNull';
export const isList = (type: AnyType) => kindOf(type) === 'GraphQLList';

export function ofType<T extends AnyType>(type: T): T {
  return (type as unknown as { ofType: T }).ofType;
}

export function namedType(type: AnyType): GraphQLNamedType {
  let current = type;
  while (isNonNull(current) || isList(current)) current = ofType(current);
  return current as GraphQLNamedType;
}

export function objectType(schema: GraphQLSchema, name: string): GraphQLObjectType | null {
  const type = schema.getType(name);
  return type && kindOf(type) === 'GraphQLObjectType' ? (type as GraphQLObjectType) : null;
}

export const isObject = (type: AnyType): type is GraphQLObjectType => kindOf(type) === 'GraphQLObjectType';
export const isInputObject = (type: AnyType): type is GraphQLInputObjectType =>
  kindOf(type) === 'GraphQLInputObjectType';

/** Whether a field answers expected failures as an `AppError` member of its result union. */
export function returnsAppErrorUnion(type: GraphQLOutputType): boolean {
  const named = namedType(type);
  if (kindOf(named) !== 'GraphQLUnionType') return false;
  return (named as unknown as { getTypes(): { name: string }[] })
    .getTypes()
    .some((member) => member.name === 'AppError');
}
