import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { type ExecutionResult, GraphQLError, getOperationAST, type OperationTypeNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { AppError } from '../errors/app-error.js';
import type { ApiMetrics } from './metrics.js';

/** Seconds a caller should wait before retrying when the database is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

interface RequestRecord {
  requestId: string;
  startedAt: bigint;
  operationName: string | null;
  operationType: OperationTypeNode | 'none';
  tenant: string | null;
  /** codes of typed AppError results (mutation unions), which the transport does not see */
  resultErrorCodes: string[];
  errorCodes: string[];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

const currentRequest = new AsyncLocalStorage<RequestRecord>();

/** The id of the request being handled, for code that has no access to it (error masking). */
export function currentRequestId(): string | undefined {
  return currentRequest.getStore()?.requestId;
}

export interface RequestObserver {
  plugin: Plugin;
  /** the request's id: the caller's X-Request-Id when it is well-formed, else a new UUID */
  requestIdFor(request: Request): string;
  /** the tenant the request was authenticated for (logged by slug) */
  setTenant(request: Request, tenant: string): void;
  reportAppErrorResult(context: unknown, error: AppError): void;
}

function errorCode(error: { extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'GRAPHQL_VALIDATION_FAILED';
}

function isSingleResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !Array.isArray(result) && !(Symbol.asyncIterator in result);
}

/**
 * One structured log line per GraphQL request (request id, tenant, operation, duration,
 * status, error codes; never variables, keys or customer data), the request metrics, an
 * `X-Request-Id` response header, and HTTP 503 + Retry-After when a typed result says the
 * database is unavailable.
 */
export function createRequestObserver(options: { logger: Logger; metrics: ApiMetrics | null }): RequestObserver {
  const records = new WeakMap<Request, RequestRecord>();
  const { logger, metrics } = options;

  const recordFor = (request: Request): RequestRecord => {
    let record = records.get(request);
    if (!record) {
      const header = request.headers.get('x-request-id');
      record = {
        requestId: header && REQUEST_ID.test(header) ? header : randomUUID(),
        startedAt: process.hrtime.bigint(),
        operationName: null,
        operationType: 'none',
        tenant: null,
        resultErrorCodes: [],
        errorCodes: [],
      };
      records.set(request, record);
    }
    return record;
  };

  const plugin: Plugin = {
    onRequest({ request }) {
      currentRequest.enterWith(recordFor(request));
    },
    onParams({ request, params }) {
      const record = recordFor(request);
      record.operationName = typeof params.operationName === 'string' ? params.operationName : null;
    },
    onExecute({ args }) {
      const context = args.contextValue as { request?: Request };
      const record = context.request ? records.get(context.request) : undefined;
      if (!record) return;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation) {
        record.operationType = operation.operation;
        record.operationName ??= operation.name?.value ?? null;
      }
    },
    onResultProcess({ request, result, setResult }) {
      const record = recordFor(request);
      if (!isSingleResult(result)) return;
      for (const error of result.errors ?? []) record.errorCodes.push(errorCode(error));
      record.errorCodes.push(...record.resultErrorCodes);
      const unavailable =
        record.resultErrorCodes.includes('UNAVAILABLE') &&
        !(result.errors ?? []).some((error) => errorCode(error) === 'UNAVAILABLE');
      if (unavailable) {
        setResult({
          ...result,
          errors: [
            ...(result.errors ?? []),
            new GraphQLError('The database is unavailable; retry shortly', {
              extensions: {
                code: 'UNAVAILABLE',
                retryable: true,
                requestId: record.requestId,
                http: { status: 503, headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
              },
            }),
          ],
        });
      }
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      response.headers.set('x-request-id', record.requestId);
      const seconds = Number(process.hrtime.bigint() - record.startedAt) / 1e9;
      const operation = metrics?.operationLabel(record.operationName) ?? record.operationName ?? 'anonymous';
      metrics?.observeRequest({ operation, type: record.operationType, status: response.status }, seconds);
      for (const code of record.errorCodes) metrics?.countError(code);
      const line = {
        requestId: record.requestId,
        tenant: record.tenant,
        operation,
        operationType: record.operationType,
        status: response.status,
        durationMs: Math.round(seconds * 1e6) / 1e3,
        ...(record.errorCodes.length ? { errorCodes: [...new Set(record.errorCodes)] } : {}),
      };
      if (response.status >= 500) logger.warn(line, 'request failed');
      else logger.info(line, 'request');
    },
  };

  return {
    plugin,
    requestIdFor: (request) => recordFor(request).requestId,
    setTenant(request, tenant) {
      recordFor(request).tenant = tenant;
    },
    reportAppErrorResult(context, error) {
      const request = (context as { request?: unknown } | null)?.request;
      if (request instanceof Object) records.get(request as Request)?.resultErrorCodes.push(error.code);
    },
  };
}
