import { randomUUID } from 'node:crypto';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { type FieldNode, GraphQLError, type ValidationContext } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { Authenticator } from './auth/authenticate.js';
import type { Context } from './context.js';
import type { PrismaClient } from './db/prisma-client.js';
import { tenantDatabase } from './db/tenant-scope.js';
import { AppError, httpStatusFor } from './errors/app-error.js';
import { translateDatabaseError } from './errors/prisma-error.js';
import { createLogger } from './logger.js';
import { schema } from './schema/index.js';

export interface ServerOptions {
  db: PrismaClient;
  apiKeyPepper: string;
  graphiql?: boolean;
  introspection?: boolean;
  logger?: Logger;
}

type ServerContext = Record<string, unknown>;

/**
 * graphql may be loaded both as ESM and as CommonJS (the executor uses the latter), so
 * `instanceof GraphQLError` is not reliable across that boundary.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

function appErrorToGraphQL(error: AppError, requestId: string): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      rule: error.rule,
      fields: error.fields,
      details: error.details,
      requestId,
      http: { status: error.code === 'UNAUTHENTICATED' ? 401 : 200 },
    },
  });
}

/** /healthz answers while the process is up; /readyz only while the database answers too. */
function healthPlugin(db: PrismaClient): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname === '/healthz') {
        endResponse(Response.json({ status: 'ok' }));
        return;
      }
      if (url.pathname === '/readyz') {
        try {
          await db.$queryRaw`SELECT 1`;
          endResponse(fetchAPI.Response.json({ status: 'ready' }));
        } catch {
          endResponse(fetchAPI.Response.json({ status: 'database unavailable' }, { status: 503 }));
        }
      }
    },
  };
}

function disableIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: ValidationContext) => ({
        Field(node: FieldNode) {
          if (node.name.value === '__schema' || node.name.value === '__type') {
            context.reportError(new GraphQLError('Introspection is disabled', { nodes: [node] }));
          }
        },
      }));
    },
  };
}

export function createServer(options: ServerOptions): YogaServerInstance<ServerContext, Context> {
  const logger = options.logger ?? createLogger();
  const authenticator = new Authenticator(options.db, options.apiKeyPepper);
  const plugins: Plugin[] = [
    healthPlugin(options.db),
    EnvelopArmorPlugin({
      maxDepth: { n: 12 },
      maxAliases: { n: 15 },
      maxDirectives: { n: 20 },
      maxTokens: { n: 2000 },
      costLimit: { maxCost: 5000 },
      blockFieldSuggestion: { enabled: !options.introspection },
    }) as Plugin,
  ];
  if (options.introspection === false) plugins.push(disableIntrospection());

  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql:
      options.graphiql === false
        ? false
        : { title: 'Escalate API', headers: '{\n  "Authorization": "Bearer <demo key>"\n}' },
    plugins,
    logging: false,
    maskedErrors: {
      maskError(error, message) {
        const original = isGraphQLError(error) ? (error.originalError ?? error) : error;
        // validation and coercion errors are written for the client
        if (isGraphQLError(original)) return error as GraphQLError;
        const translated = translateDatabaseError(original);
        const requestId = (isGraphQLError(error) && (error.extensions?.requestId as string)) || randomUUID();
        if (translated instanceof AppError) return appErrorToGraphQL(translated, requestId);
        logger.error({ err: original, requestId }, 'unexpected error');
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
      },
    },
    context: async ({ request }): Promise<Context> => {
      const requestId = request.headers.get('x-request-id')?.slice(0, 100) || randomUUID();
      const viewer = await authenticator.authenticate(request.headers.get('authorization')).catch((error) => {
        const translated = translateDatabaseError(error);
        if (translated instanceof AppError) throw appErrorToGraphQL(translated, requestId);
        throw error;
      });
      if (!viewer) {
        throw new GraphQLError('Missing or invalid API key: send "Authorization: Bearer <key>"', {
          extensions: {
            code: 'UNAUTHENTICATED',
            requestId,
            http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
          },
        });
      }
      return {
        viewer,
        db: tenantDatabase(options.db, viewer.tenantId),
        rootDb: options.db,
        requestId,
        log: logger.child({ requestId, tenant: viewer.tenantSlug }),
        idempotencyKeyHeader: request.headers.get('idempotency-key'),
        now: new Date(),
      };
    },
  });
}

export { httpStatusFor };
