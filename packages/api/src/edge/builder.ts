import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type PrismaTypes from '../_generated/pothos-prisma-types.js';
import { getDatamodel } from '../_generated/pothos-prisma-types.js';
import type { Role } from '../auth/roles.js';
import type { Context } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { forbiddenForRole } from '../errors/forbidden-role.js';

/**
 * The schema builder: plugins, context and scalar types. It defines no GraphQL types;
 * each type lives in its own file under schema/types and registers itself here.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: { role: readonly Role[] };
  Scalars: {
    ID: { Input: string; Output: string | number | bigint };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ErrorsPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: (context) => ({
      role: (allowed: readonly Role[]) => allowed.includes(context.viewer.role),
    }),
    unauthorizedError: (_parent, context, info, result) =>
      forbiddenForRole(context.viewer.role, info.fieldName, result),
  },
  errors: {
    defaultTypes: [AppError],
    directResult: true,
  },
  prisma: {
    client: (context) => context.db as never,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    // a malformed id (a bare UUID, random text) is the caller's mistake: say so instead of failing
    decodeGlobalID: (globalID) => {
      try {
        return decodeGlobalID(globalID);
      } catch {
        throw new GraphQLError(`"${globalID.slice(0, 100)}" is not a valid global id`, {
          extensions: { code: 'VALIDATION_FAILED' },
        });
      }
    },
  },
});

builder.queryType({});
builder.mutationType({});
