import { randomUUID } from 'node:crypto';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { type FieldNode, GraphQLError, type ValidationContext } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { Authenticator } from './auth/authenticate.js';
import type { TConfig } from './config.js';
import type { Context } from './context.js';
import type { PrismaClient } from './db/prisma-client.js';
import { tenantDatabase } from './db/tenant-scope.js';
import { schema } from './edge/schema.js';
import { AppError, httpStatusFor } from './errors/app-error.js';
import { translateDatabaseError } from './errors/prisma-error.js';
import { DEFAULT_MAX_API_KEYS, registerApiKeyQuota } from './limits/api-key-quota.js';
import { queryLimitPlugin } from './limits/query-limits.js';
import { rateLimitPlugin } from './limits/rate-limit-plugin.js';
import { createRateLimiter, MemoryTokenBucket, type RateLimitStore } from './limits/rate-limiter.js';
import { requestGate } from './limits/request-gate.js';
import { sseStreamLimitPlugin } from './limits/sse-streams.js';
import { createLogger } from './logger.js';
import { instrumentAppErrorResults } from './observability/app-error-results.js';
import { type ApiMetrics, createApiMetrics } from './observability/metrics.js';
import { metricsEndpointPlugin } from './observability/metrics-endpoint.js';
import {
  createRequestObserver,
  currentRequestId,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
} from './observability/request-observer.js';
import { registerApiKeyPepper } from './security/api-key-pepper.js';
import { inputHygienePlugin } from './security/input-hygiene.js';
import { offlineGraphiQL } from './security/offline-graphiql.js';
import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy, registerOutboundPolicy } from './security/outbound-url.js';
import { persistedOperationsPlugin, readPersistedOperations } from './security/persisted-operations.js';

export interface ServerOptions {
  db: PrismaClient;
  apiKeyPepper: string;
  /** GraphiQL, served with its assets by the API; `authorization` prefills the header (a demo key in development) */
  graphiql?: boolean | { authorization?: string };
  /** introspection (allowed unless false) and field suggestions (only when true) */
  introspection?: boolean;
  logger?: Logger;
  /** per-API-key token buckets; off unless given */
  rateLimit?: { store: RateLimitStore; perSecond: number; burst: number };
  /** refuse requests a browser could send cross-site without a preflight (default on) */
  csrfPrevention?: boolean;
  /** persisted operations by id; `only` refuses any other document */
  persistedOperations?: { operations: Map<string, string>; only: boolean };
  /**
   * Prometheus metrics (default on): on /metrics, optionally behind a bearer token, or, with
   * `endpoint: false`, only on the separate port the caller serves `instance` on
   */
  metrics?: boolean | { token?: string; endpoint?: boolean; instance?: ApiMetrics };
  /** where outbound requests (webhooks) may go; default: public addresses only, real DNS */
  outbound?: OutboundPolicy;
  limits?: Partial<ServerLimits>;
}

export interface ServerLimits {
  /** largest request body, in bytes (413 beyond) */
  bodyLimitBytes: number;
  /** per-client token bucket for requests without a valid API key (429 beyond) */
  unauthenticated: { perSecond: number; burst: number };
  /** X-Forwarded-For entries added by trusted proxies */
  trustedProxies: number;
  /** open server-sent event streams per API key */
  sseMaxPerKey: number;
  /** active API keys per organization */
  maxApiKeysPerOrganization: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  bodyLimitBytes: 1_048_576,
  unauthenticated: { perSecond: 1, burst: 30 },
  trustedProxies: 0,
  sseMaxPerKey: 10,
  maxApiKeysPerOrganization: DEFAULT_MAX_API_KEYS,
};

/** Server options from the process configuration. */
export function serverOptionsFromConfig(config: TConfig): Omit<ServerOptions, 'db' | 'logger'> {
  if (config.ESCALATE_PERSISTED_OPERATIONS_ONLY && !config.ESCALATE_PERSISTED_OPERATIONS_FILE) {
    throw new Error('ESCALATE_PERSISTED_OPERATIONS_ONLY needs ESCALATE_PERSISTED_OPERATIONS_FILE');
  }
  return {
    apiKeyPepper: config.ESCALATE_API_KEY_PEPPER,
    graphiql: config.ESCALATE_GRAPHIQL,
    introspection: config.ESCALATE_INTROSPECTION,
    rateLimit: {
      // the embedded database serves exactly one API process: its buckets can live in memory
      store:
        config.ESCALATE_RATE_LIMIT_STORE === 'postgres' && !config.DATABASE_URL
          ? 'memory'
          : config.ESCALATE_RATE_LIMIT_STORE,
      perSecond: config.ESCALATE_RATE_LIMIT_PER_SECOND,
      burst: config.ESCALATE_RATE_LIMIT_BURST,
    },
    csrfPrevention: config.ESCALATE_CSRF_PREVENTION,
    ...(config.ESCALATE_PERSISTED_OPERATIONS_FILE
      ? {
          persistedOperations: {
            operations: readPersistedOperations(config.ESCALATE_PERSISTED_OPERATIONS_FILE),
            only: config.ESCALATE_PERSISTED_OPERATIONS_ONLY,
          },
        }
      : {}),
    metrics: config.ESCALATE_METRICS
      ? { token: config.ESCALATE_METRICS_TOKEN, endpoint: config.ESCALATE_METRICS_PORT === undefined }
      : false,
    outbound: { ...DEFAULT_OUTBOUND_POLICY, allow: config.ESCALATE_OUTBOUND_ALLOWLIST },
    limits: {
      bodyLimitBytes: config.ESCALATE_BODY_LIMIT_BYTES,
      unauthenticated: {
        perSecond: config.ESCALATE_UNAUTHENTICATED_PER_SECOND,
        burst: config.ESCALATE_UNAUTHENTICATED_BURST,
      },
      trustedProxies: config.ESCALATE_TRUSTED_PROXIES,
      sseMaxPerKey: config.ESCALATE_SSE_MAX_PER_KEY,
      maxApiKeysPerOrganization: config.ESCALATE_MAX_API_KEYS_PER_ORGANIZATION,
    },
  };
}

type ServerContext = Record<string, unknown>;

/**
 * graphql may be loaded both as ESM and as CommonJS (the executor uses the latter), so
 * `instanceof GraphQLError` is not reliable across that boundary.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/** Errors outside a typed result: authentication, rate limits and outages keep their HTTP status. */
function transportStatus(code: AppError['code']): { status: number; headers?: Record<string, string> } {
  switch (code) {
    case 'UNAUTHENTICATED':
      return { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } };
    case 'UNAVAILABLE':
      return { status: 503, headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } };
    case 'RATE_LIMITED':
      return { status: 429 };
    default:
      return { status: 200 };
  }
}

function appErrorToGraphQL(error: AppError, requestId: string): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      rule: error.rule,
      fields: error.fields,
      details: error.details,
      requestId,
      ...(error.code === 'UNAVAILABLE' || error.code === 'RATE_LIMITED' ? { retryable: true } : {}),
      http: transportStatus(error.code),
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
  registerApiKeyPepper(options.db, options.apiKeyPepper);
  registerOutboundPolicy(options.db, options.outbound ?? DEFAULT_OUTBOUND_POLICY);
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  registerApiKeyQuota(options.db, limits.maxApiKeysPerOrganization);
  const metricsOptions = typeof options.metrics === 'object' ? options.metrics : {};
  const metrics: ApiMetrics | null =
    options.metrics === false ? null : (metricsOptions.instance ?? createApiMetrics(options.db));
  const observer = createRequestObserver({ logger, metrics });
  instrumentAppErrorResults(schema, observer.reportAppErrorResult);
  const limiter = options.rateLimit ? createRateLimiter(options.rateLimit.store, options.db, options.rateLimit) : null;
  const graphiql = options.graphiql !== false;
  const gate = requestGate({
    graphqlPath: '/graphql',
    bodyLimitBytes: limits.bodyLimitBytes,
    authenticator,
    unauthenticated: new MemoryTokenBucket(limits.unauthenticated),
    trustedProxies: limits.trustedProxies,
    graphiql,
    requestIdFor: observer.requestIdFor,
  });
  const plugins: Plugin[] = [
    healthPlugin(options.db),
    ...(metrics && metricsOptions.endpoint !== false ? [metricsEndpointPlugin(metrics, metricsOptions.token)] : []),
    observer.plugin,
    ...(options.csrfPrevention === false
      ? []
      : [
          useCSRFPrevention({
            requestHeaders: ['x-graphql-yoga-csrf', 'x-escalate-client', 'apollo-require-preflight'],
          }),
        ]),
    gate.plugin,
    sseStreamLimitPlugin(limits.sseMaxPerKey),
    ...(options.persistedOperations ? [persistedOperationsPlugin(options.persistedOperations)] : []),
    inputHygienePlugin(),
    queryLimitPlugin({ fieldSuggestions: Boolean(options.introspection) }),
  ];
  if (options.introspection === false) plugins.push(disableIntrospection());
  if (limiter) plugins.push(rateLimitPlugin(limiter, logger));

  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: graphiql
      ? {
          title: 'Escalate API',
          headers: JSON.stringify(
            {
              Authorization:
                (typeof options.graphiql === 'object' && options.graphiql.authorization) || 'Bearer <your API key>',
              'x-escalate-client': 'graphiql',
            },
            null,
            2,
          ),
          shouldPersistHeaders: false,
        }
      : false,
    renderGraphiQL: offlineGraphiQL,
    plugins,
    logging: false,
    maskedErrors: {
      maskError(error, message) {
        const original = isGraphQLError(error) ? (error.originalError ?? error) : error;
        // validation and coercion errors are written for the client
        if (isGraphQLError(original)) return error as GraphQLError;
        const translated = translateDatabaseError(original);
        const requestId =
          (isGraphQLError(error) && (error.extensions?.requestId as string)) || currentRequestId() || randomUUID();
        if (translated instanceof AppError) return appErrorToGraphQL(translated, requestId);
        logger.error({ err: original, requestId }, 'unexpected error');
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
      },
    },
    context: async ({ request }): Promise<Context> => {
      const requestId = observer.requestIdFor(request);
      const viewer =
        gate.viewerFor(request) ??
        (await authenticator.authenticate(request.headers.get('authorization')).catch((error) => {
          const translated = translateDatabaseError(error);
          if (translated instanceof AppError) throw appErrorToGraphQL(translated, requestId);
          throw error;
        }));
      if (!viewer) {
        throw new GraphQLError('Missing or invalid API key: send "Authorization: Bearer <key>"', {
          extensions: {
            code: 'UNAUTHENTICATED',
            requestId,
            http: { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
          },
        });
      }
      observer.setTenant(request, viewer.tenantSlug);
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
