import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import type PrismaTypes from '../_generated/pothos-prisma-types.js';
import { getDatamodel } from '../_generated/pothos-prisma-types.js';
import type { Context } from '../context.js';
import { AppError } from '../errors/app-error.js';
import { splitNodeId } from '../kernel/ids.js';
import { resolveNodeIds } from './node-lookup.js';

/**
 * The schema builder: plugins, context and scalar types. It defines no GraphQL types;
 * each type lives in its module's schema/ folder and registers itself here.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
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
  plugins: [ErrorsPlugin, PrismaPlugin, RelayPlugin],
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
    // node/nodes decode leniently here and answer each id on its own (node-lookup.ts)
    decodeGlobalID: (globalID) => splitNodeId(globalID) ?? { typename: '', id: globalID },
    nodeQueryOptions: {
      description: 'The object with this global id; null when there is none (or it is not yours to see)',
      resolve: async (_root, args, _context, info, resolveNode) => {
        const [answer] = await resolveNodeIds([args.id], 'id', info, args, () => resolveNode(args.id));
        if (answer instanceof AppError) throw answer;
        return (answer ?? null) as never;
      },
    },
    nodesQueryOptions: {
      description: 'The objects with these global ids, in order; null at each position with none',
      resolve: (_root, args, _context, info, resolveNodes) =>
        resolveNodeIds(args.ids, 'ids', info, args, () => resolveNodes(args.ids)) as never,
    },
  },
});

const PERMISSION_MODEL =
  'Every field is open only to the roles the permission table lists (deny by default); an object of a type the caller may not see answers as null. Limits: depth 12, 15 aliases, 20 directives, 2,000 tokens, cost 20,000 (QUERY_TOO_COMPLEX past any of them); pages of 0 to 100.';

builder.queryType({ description: `Reads. ${PERMISSION_MODEL}` });
builder.mutationType({
  description: `Writes: each returns its payload or an AppError, and changes nothing when it returns an error. ${PERMISSION_MODEL}`,
});
