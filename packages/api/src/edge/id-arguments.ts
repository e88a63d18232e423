import type { GraphQLArgument, GraphQLFieldResolver, GraphQLInputType, GraphQLSchema } from 'graphql';
import type { Context } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { decodeNodeId } from '../kernel/ids.js';
import {
  isInputObject,
  isList,
  isNonNull,
  namedType,
  objectType,
  ofType,
  returnsAppErrorUnion,
} from './schema-types.js';
import { typedErrorResult } from './typed-error.js';

/**
 * Ids are decoded where they enter: every `ID` argument and input field of a root field names
 * the node type it must be, and the edge turns the global id into the row id before the
 * resolver runs. Services receive row ids and never parse. A wrong-type or malformed id is
 * VALIDATION_FAILED naming the argument (`input.caseId`, `ids.2`).
 *
 * The type comes from the argument's name; `id` arguments are listed per field. An ID argument
 * that resolves to no type fails the schema check test, so a new one can't slip through raw.
 */
const NODE_TYPE_BY_NAME: Record<string, string> = {
  caseId: 'Case',
  assigneeId: 'User',
  userId: 'User',
  approvalId: 'Approval',
  taskId: 'Task',
  reviewId: 'Review',
  privacyRequestId: 'PrivacyRequest',
  transferAttemptId: 'TransferAttempt',
  assignmentId: 'Assignment',
  endpointId: 'WebhookEndpoint',
  messageIds: 'OutboxMessage',
};

const NODE_TYPE_OF_ID: Record<string, string> = {
  'Query.case': 'Case',
  'Query.customer': 'Customer',
  'Query.privacyRequest': 'PrivacyRequest',
  'Query.review': 'Review',
  'Mutation.deletePrivacyRequest': 'PrivacyRequest',
  'Mutation.extendPrivacyRequest': 'PrivacyRequest',
  'Mutation.updatePrivacyRequest': 'PrivacyRequest',
  'Mutation.revokeApiKey': 'ApiKey',
  'Mutation.rotateApiKey': 'ApiKey',
};

/** `node` and `nodes` take an id of any node type; they decode it themselves. */
const ANY_NODE_TYPE = new Set(['Query.node', 'Query.nodes']);

type Decoder = (value: unknown, path: string) => unknown;

function nodeTypeFor(rootField: string, name: string): string | null {
  if (name === 'id' || name === 'ids') return NODE_TYPE_OF_ID[rootField] ?? null;
  return NODE_TYPE_BY_NAME[name] ?? null;
}

/** A decoder for one input value, or null when nothing inside it is an id. */
function decoderFor(
  type: GraphQLInputType,
  rootField: string,
  name: string,
  unmapped: string[],
  at: string,
): Decoder | null {
  if (isNonNull(type)) return decoderFor(ofType(type), rootField, name, unmapped, at);
  if (isList(type)) {
    const item = decoderFor(ofType(type), rootField, name, unmapped, at);
    if (!item) return null;
    return (value, path) =>
      Array.isArray(value) ? value.map((entry, index) => item(entry, `${path}.${index}`)) : item(value, path);
  }
  if (isInputObject(type)) {
    const fields = Object.values(type.getFields()).flatMap((field) => {
      const decode = decoderFor(field.type, rootField, field.name, unmapped, `${at}.${field.name}`);
      return decode ? [{ name: field.name, decode }] : [];
    });
    if (fields.length === 0) return null;
    return (value, path) => {
      if (value === null || value === undefined || typeof value !== 'object') return value;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const field of fields) {
        if (copy[field.name] !== null && copy[field.name] !== undefined) {
          copy[field.name] = field.decode(copy[field.name], `${path}.${field.name}`);
        }
      }
      return copy;
    };
  }
  if (namedType(type).name !== 'ID') return null;
  const nodeType = nodeTypeFor(rootField, name);
  if (!nodeType) {
    unmapped.push(at);
    return null;
  }
  return (value, path) => (value === null || value === undefined ? value : decodeNodeId(String(value), nodeType, path));
}

function argumentDecoders(rootField: string, args: readonly GraphQLArgument[], unmapped: string[]) {
  return args.flatMap((arg) => {
    const decode = decoderFor(arg.type, rootField, arg.name, unmapped, `${rootField}(${arg.name})`);
    return decode ? [{ name: arg.name, decode }] : [];
  });
}

function rootFields(schema: GraphQLSchema) {
  return ['Query', 'Mutation', 'Subscription'].flatMap((root) => {
    const type = objectType(schema, root);
    if (!type) return [];
    return Object.values(type.getFields()).map((field) => ({ coordinate: `${root}.${field.name}`, field }));
  });
}

/** ID arguments of root fields that name no node type (a test keeps this empty). */
export function unmappedIdArguments(schema: GraphQLSchema): string[] {
  const unmapped: string[] = [];
  for (const { coordinate, field } of rootFields(schema)) {
    if (!ANY_NODE_TYPE.has(coordinate)) argumentDecoders(coordinate, field.args, unmapped);
  }
  return unmapped;
}

/** Wraps every root field that takes ids so its resolver (and subscribe) sees row ids. */
export function decodeIdArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const { coordinate, field } of rootFields(schema)) {
    if (ANY_NODE_TYPE.has(coordinate)) continue;
    const decoders = argumentDecoders(coordinate, field.args, []);
    if (decoders.length === 0) continue;
    const typedError = returnsAppErrorUnion(field.type);
    const decodeArgs = (args: Record<string, unknown>) => {
      const decoded = { ...args };
      for (const { name, decode } of decoders) {
        if (decoded[name] !== null && decoded[name] !== undefined) decoded[name] = decode(decoded[name], name);
      }
      return decoded;
    };
    const wrap = (inner: GraphQLFieldResolver<unknown, Context> | undefined) => {
      if (!inner) return inner;
      const wrapped: GraphQLFieldResolver<unknown, Context> = (source, args, context, info) => {
        let decoded: Record<string, unknown>;
        try {
          decoded = decodeArgs(args);
        } catch (error) {
          if (typedError && error instanceof AppError) return typedErrorResult(error);
          throw error;
        }
        return inner(source, decoded, context, info);
      };
      return wrapped;
    };
    field.resolve = wrap(field.resolve);
    if (field.subscribe) field.subscribe = wrap(field.subscribe);
  }
  return schema;
}
