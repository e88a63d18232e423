import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Limits on the shape of a query, checked before it runs (README "Limits"). The cost is
 * graphql-armor's: 1 per scalar, 2 per object, and every level of nesting multiplies what is
 * below it by 1.5, so it measures how deep and wide a query is, not how many rows it reads
 * (page sizes are capped at 100 separately). The cost limit lets a case with its whole
 * timeline (decisions and actors) and a 50-case page with team, queue, assignee and creator
 * pass with room to spare; the tests in test/edge-limits.test.ts hold it to that.
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
  maxCost: 20_000,
} as const;

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

const FOUND = /limit of (\d+) exceeded, found (\d+)/;

/** Reports a refused query as a typed error naming the limit and what was found. */
function reportLimit(limit: string, unit: string) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const match = FOUND.exec(error.message);
    const allowed = Number(match?.[1] ?? Number.NaN);
    const found = Number(match?.[2] ?? Number.NaN);
    context?.reportError(
      new GraphQLError(
        `This query's ${unit} is ${found}; the ${limit} limit is ${allowed}. Ask for fewer nested fields or split the query.`,
        { extensions: { code: QUERY_TOO_COMPLEX, limit, allowed, found } },
      ),
    );
  };
}

function limitOptions(limit: string, unit: string) {
  return { onReject: [reportLimit(limit, unit)], propagateOnRejection: false };
}

export function queryLimitPlugin(options: { fieldSuggestions: boolean }): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ...limitOptions('depth', 'depth') },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...limitOptions('aliases', 'number of aliases') },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, ...limitOptions('directives', 'number of directives') },
    maxTokens: { n: QUERY_LIMITS.maxTokens, ...limitOptions('tokens', 'number of tokens') },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ...limitOptions('cost', 'cost') },
    blockFieldSuggestion: { enabled: !options.fieldSuggestions },
  }) as Plugin;
}
