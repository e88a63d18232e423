import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type OperationDefinitionNode, print } from 'graphql';
import { ClientError, GraphQLClient } from 'graphql-request';
import {
  errorFromGraphQLErrors,
  errorFromHttpStatus,
  errorFromNetwork,
  type RequestFacts,
} from '../errors/error-funnel.js';
import { EscalateError } from '../errors/escalate-error.js';
import { SDK_VERSION } from '../version.js';
import type { ResolvedClientOptions } from './client-options.js';
import { withRetries } from './retry.js';

export type Variables = Record<string, unknown>;

export interface RequestOptions {
  /** for mutations: the key that makes repeats safe; generated once per call when omitted */
  idempotencyKey?: string;
  /** cancels the request (and any retries) */
  signal?: AbortSignal;
  /** extra headers for this request */
  headers?: Record<string, string>;
}

interface PreparedDocument {
  query: string;
  operationName: string | null;
  isMutation: boolean;
}

const prepared = new WeakMap<DocumentNode, PreparedDocument>();

function prepare(document: DocumentNode): PreparedDocument {
  const cached = prepared.get(document);
  if (cached) return cached;
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  );
  const result = {
    query: print(document),
    operationName: operation?.name?.value ?? null,
    isMutation: operation?.operation === 'mutation',
  };
  prepared.set(document, result);
  return result;
}

/** Retry notices, for logging; the SDK itself never logs. */
export type RetryListener = (event: {
  operationName: string | null;
  attempt: number;
  delayMs: number;
  error: EscalateError;
}) => void;

/**
 * Sends one operation: headers, timeout, retries and the error funnel. Every failure leaves
 * here as an `EscalateError` subclass.
 */
export class Transport {
  private readonly client: GraphQLClient;
  private readonly retryListeners = new Set<RetryListener>();

  constructor(private readonly options: ResolvedClientOptions) {
    this.client = new GraphQLClient(options.url, {
      fetch: options.fetch,
      errorPolicy: 'all',
      headers: {
        ...options.headers,
        authorization: `Bearer ${options.apiKey}`,
        // a header browsers cannot send cross-site without a preflight (the server's CSRF check)
        'x-escalate-client': `sdk/${SDK_VERSION}`,
        'user-agent': [`escalate-sdk/${SDK_VERSION}`, `node/${process.versions.node}`, options.userAgent]
          .filter(Boolean)
          .join(' '),
      },
    });
  }

  onRetry(listener: RetryListener): () => void {
    this.retryListeners.add(listener);
    return () => this.retryListeners.delete(listener);
  }

  async execute<TData, TVariables extends Variables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    options: RequestOptions = {},
  ): Promise<TData> {
    const { query, operationName, isMutation } = prepare(document);
    // one key per call, the same on every attempt: a retry after a lost answer returns the first result
    const idempotencyKey = isMutation ? (options.idempotencyKey ?? randomUUID()) : null;
    const policy = {
      retries: this.options.retries,
      baseDelayMs: this.options.retryBaseDelayMs,
      maxDelayMs: this.options.retryMaxDelayMs,
    };
    return withRetries(
      policy,
      () => this.attempt<TData>(query, operationName, variables, idempotencyKey, options),
      (error, attempt, delayMs) => {
        for (const listener of this.retryListeners) listener({ operationName, attempt, delayMs, error });
      },
    );
  }

  private async attempt<TData>(
    query: string,
    operationName: string | null,
    variables: Variables,
    idempotencyKey: string | null,
    options: RequestOptions,
  ): Promise<TData> {
    const requestId = randomUUID();
    const facts: RequestFacts = { url: this.options.url, operationName, requestId };
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const requestHeaders: Record<string, string> = { ...options.headers, 'x-request-id': requestId };
    if (idempotencyKey) requestHeaders['idempotency-key'] = idempotencyKey;
    let response: Awaited<ReturnType<GraphQLClient['rawRequest']>>;
    try {
      response = await this.client.rawRequest<TData, Variables>({ query, variables, requestHeaders, signal });
    } catch (error) {
      throw this.translate(error, facts, options.signal);
    }
    if (response.errors?.length) {
      throw errorFromGraphQLErrors(response.errors, response.status, response.headers, facts);
    }
    if (response.data === undefined || response.data === null) {
      throw new EscalateError({
        code: 'INVALID_RESPONSE',
        status: response.status,
        requestId,
        operationName,
        message: `${this.options.url} answered without data: is this the Escalate GraphQL endpoint?`,
      });
    }
    return response.data as TData;
  }

  private translate(error: unknown, facts: RequestFacts, callerSignal: AbortSignal | undefined): EscalateError {
    if (error instanceof EscalateError) return error;
    if (error instanceof ClientError) {
      const { status, headers, errors } = error.response;
      const headerBag = headers instanceof Headers ? headers : null;
      if (errors?.length) return errorFromGraphQLErrors(errors, status, headerBag, facts);
      return errorFromHttpStatus(status, '', headerBag, facts);
    }
    if (callerSignal?.aborted) return errorFromNetwork({ name: 'AbortError' }, facts, null);
    const name = (error as { name?: unknown } | null)?.name;
    if (error instanceof TypeError || name === 'TimeoutError' || name === 'AbortError') {
      return errorFromNetwork(error, facts, this.options.timeoutMs);
    }
    // a 2xx answer that is not a GraphQL result (an HTML page, a proxy's JSON)
    return new EscalateError({
      code: 'INVALID_RESPONSE',
      requestId: facts.requestId,
      operationName: facts.operationName,
      message: `${facts.url} did not answer like the Escalate GraphQL API: check the URL (it ends in /graphql)`,
      cause: error,
    });
  }
}
