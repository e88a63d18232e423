/**
 * Walks the GraphQL schema (fetched by introspection, so new fields are covered without
 * changes here): every root query and mutation, a document that selects its result, and
 * argument values built from the input types.
 */
import {
  buildClientSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

export type Operation = 'query' | 'mutation';

export interface RootField {
  operation: Operation;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

type Executor = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ status: number; data?: unknown; errors?: unknown[] }>;

export async function loadSchema(execute: Executor): Promise<GraphQLSchema> {
  const response = await execute(getIntrospectionQuery());
  if (!response.data) throw new Error(`introspection failed: ${JSON.stringify(response.errors)}`);
  return buildClientSchema(response.data as IntrospectionQuery);
}

/** Root fields that take part in probes; `node`/`nodes` are the Relay lookups, covered like any other. */
export function rootFields(schema: GraphQLSchema): RootField[] {
  const fields: RootField[] = [];
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) fields.push({ operation, name: field.name, field });
  }
  return fields;
}

function hasRequiredArgs(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
}

/** `{ __typename id }` of an object, or the node ids of a connection: enough to see a leaked row. */
function idSelection(type: GraphQLOutputType): string {
  const named = getNamedType(type) as GraphQLNamedType;
  if (isUnionType(named)) {
    return `{ __typename ${named
      .getTypes()
      .map((member) => `... on ${member.name} ${idSelection(member)}`)
      .join(' ')} }`;
  }
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const fields = (named as GraphQLObjectType).getFields();
  if (fields.edges && !hasRequiredArgs(fields.edges)) {
    const node = getNamedType(fields.edges.type) as GraphQLObjectType;
    const nodeField = node.getFields?.().node;
    if (nodeField) return `{ edges { node ${idSelection(nodeField.type)} } }`;
  }
  return fields.id ? '{ __typename id }' : '{ __typename }';
}

/** Selects the scalars of the result and the ids of everything it links to. */
export function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type) as GraphQLNamedType;
  if (isLeafType(named)) return '';
  if (isUnionType(named)) {
    const members = named
      .getTypes()
      .map((member) => `... on ${member.name} ${selectionFor(member)}`)
      .join(' ');
    return `{ __typename ${members} }`;
  }
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const parts: string[] = ['__typename'];
  for (const field of Object.values((named as GraphQLObjectType).getFields())) {
    if (hasRequiredArgs(field)) continue;
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else {
      const nested = idSelection(field.type);
      if (nested && nested !== '{ __typename }') parts.push(`${field.name} ${nested}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

function typeString(type: GraphQLInputType): string {
  return type.toString();
}

/** `mutation Probe_createCase($input: CreateCaseInput!) { createCase(input: $input) { … } }` */
export function documentFor(root: RootField): string {
  const args = root.field.args;
  const variables = args.map((arg) => `$${arg.name}: ${typeString(arg.type)}`).join(', ');
  const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = selectionFor(root.field.type);
  return `${root.operation} Probe_${root.name}${variables ? `(${variables})` : ''} { ${root.name}${call ? `(${call})` : ''} ${selection} }`;
}

export interface ValueHints {
  /** a real id of the model an argument names (caseId → Case), or null to make one up */
  idFor(model: string, path: string): string | null;
  /** text for a String argument at this path (e.g. a real queue slug) */
  stringFor?(path: string): string | undefined;
  now: Date;
}

const ID_MODELS: Record<string, string> = {
  assignee: 'User',
  owner: 'User',
  user: 'User',
  approver: 'User',
  member: 'User',
  target: 'User',
};

/** caseId → Case, privacyRequestId → PrivacyRequest, `id` of rotateApiKey → ApiKey. */
export function modelForId(argumentName: string, rootFieldName: string): string {
  const stem = argumentName.replace(/Ids?$/, '');
  if (stem && stem !== argumentName) {
    const mapped = ID_MODELS[stem];
    if (mapped) return mapped;
    return stem.charAt(0).toUpperCase() + stem.slice(1);
  }
  const fromField = rootFieldName.replace(
    /^(create|update|delete|rotate|revoke|close|reopen|assign|approve|reject)/,
    '',
  );
  return fromField ? fromField.charAt(0).toUpperCase() + fromField.slice(1).replace(/s$/, '') : 'Case';
}

/** A plausible value of an input type: required and optional fields filled, lists of one. */
export function sampleValue(type: GraphQLInputType, path: string, rootName: string, hints: ValueHints): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, path, rootName, hints);
  if (isListType(type)) return [sampleValue(type.ofType, `${path}.0`, rootName, hints)];
  if (isEnumType(type)) return type.getValues()[0]?.name ?? null;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (field.name === 'idempotencyKey') continue;
      value[field.name] = sampleValue(field.type, `${path}.${field.name}`, rootName, hints);
    }
    return value;
  }
  if (isScalarType(type)) {
    const leaf = path.split('.').pop() ?? path;
    switch (type.name) {
      case 'ID':
        return hints.idFor(modelForId(leaf, rootName), path) ?? '00000000-0000-4000-8000-000000000000';
      case 'String':
        return hints.stringFor?.(path) ?? `probe ${leaf}`;
      case 'Int':
        return leaf === 'version' ? 1 : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date(hints.now.getTime() + 86_400_000).toISOString();
      case 'JSON':
        return {};
      default:
        return `probe ${leaf}`;
    }
  }
  return null;
}

export function sampleVariables(root: RootField, hints: ValueHints): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const arg of root.field.args as readonly GraphQLArgument[]) {
    if (arg.name === 'first') variables[arg.name] = 5;
    else if (arg.name === 'last' || arg.name === 'after' || arg.name === 'before') continue;
    else variables[arg.name] = sampleValue(arg.type, arg.name, root.name, hints);
  }
  return variables;
}

/** Every `id` in a response, with Relay global ids decoded to the row id. */
export function idsIn(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) idsIn(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if ((key === 'id' || key.endsWith('Id')) && typeof item === 'string') found.add(decodeId(item));
      else idsIn(item, found);
    }
  }
  return found;
}

export function decodeId(value: string): string {
  if (/^[0-9a-f-]{36}$/i.test(value)) return value.toLowerCase();
  try {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const id = decoded.split(':').pop() ?? '';
    return /^[0-9a-f-]{36}$/i.test(id) ? id.toLowerCase() : value;
  } catch {
    return value;
  }
}

/** The typed error code a field answered with: an AppError result or a GraphQL error. */
export function errorCodeOf(response: { data?: unknown; errors?: unknown[] }, fieldName: string): string | null {
  const data = response.data as Record<string, { __typename?: string; code?: string } | null> | null | undefined;
  const result = data?.[fieldName];
  if (result && result.__typename === 'AppError') return result.code ?? 'APP_ERROR';
  const first = response.errors?.[0] as { extensions?: { code?: string } } | undefined;
  return first ? (first.extensions?.code ?? 'GRAPHQL_ERROR') : null;
}
