import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createParser } from 'eventsource-parser';
import { print } from 'graphql';
import {
  errorFromGraphQLErrors,
  errorFromHttpStatus,
  errorFromNetwork,
  type RequestFacts,
} from '../errors/error-funnel.js';
import { SDK_VERSION } from '../version.js';
import type { ResolvedClientOptions } from './client-options.js';
import type { Variables } from './transport.js';

interface ExecutionResult {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface ServerSentEvent {
  /** the `event:` field; `message` when the server sent none */
  event: string;
  data: string;
  /** the last `id:` seen, for a reconnect's Last-Event-ID */
  id: string | undefined;
}

/**
 * Splits a text/event-stream body into events with `eventsource-parser`, which follows the
 * HTML spec: `\n`, `\r\n` and `\r` line ends, multi-line `data:`, `id:`, `retry:` and comments.
 * `onRetry` receives the reconnection delay the server asks for.
 */
export async function* serverSentEvents(
  body: ReadableStream<Uint8Array>,
  onRetry?: (milliseconds: number) => void,
): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  const ready: ServerSentEvent[] = [];
  // the last event id lasts until the server sends another (the parser reports it per event)
  let lastId: string | undefined;
  const parser = createParser({
    onEvent(message) {
      lastId = message.id ?? lastId;
      ready.push({ event: message.event ?? 'message', data: message.data, id: lastId });
    },
    ...(onRetry ? { onRetry } : {}),
  });
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    while (ready.length > 0) yield ready.shift() as ServerSentEvent;
  }
}

/**
 * A GraphQL subscription over server-sent events (one HTTP response per subscription).
 * Iterate it; break out of the loop or abort `signal` to unsubscribe.
 */
export async function* subscribe<TData, TVariables extends Variables>(
  options: ResolvedClientOptions,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): AsyncGenerator<TData, void, undefined> {
  const requestId = randomUUID();
  const facts: RequestFacts = { url: options.url, operationName: null, requestId };
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let response: Response;
  try {
    response = await options.fetch(options.url, {
      method: 'POST',
      signal: controller.signal,
      headers: {
        ...options.headers,
        accept: 'text/event-stream',
        'content-type': 'application/json',
        authorization: `Bearer ${options.apiKey}`,
        'x-escalate-client': `sdk/${SDK_VERSION}`,
        'x-request-id': requestId,
      },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch (error) {
    signal?.removeEventListener('abort', onAbort);
    if (signal?.aborted) return;
    throw errorFromNetwork(error, facts, null);
  }
  try {
    const contentType = response.headers.get('content-type') ?? '';
    if (!response.ok || !contentType.includes('text/event-stream') || !response.body) {
      const text = await response.text();
      let parsed: ExecutionResult | null = null;
      try {
        parsed = JSON.parse(text) as ExecutionResult;
      } catch {
        parsed = null;
      }
      if (parsed?.errors?.length) throw errorFromGraphQLErrors(parsed.errors, response.status, response.headers, facts);
      throw errorFromHttpStatus(response.status, response.statusText, response.headers, facts);
    }
    for await (const message of serverSentEvents(response.body)) {
      if (message.event === 'complete') return;
      if ((message.event !== 'next' && message.event !== 'message') || !message.data) continue;
      const result = JSON.parse(message.data) as ExecutionResult;
      if (result.errors?.length) throw errorFromGraphQLErrors(result.errors, response.status, response.headers, facts);
      yield result.data as TData;
    }
  } catch (error) {
    if (signal?.aborted || controller.signal.aborted) return;
    if ((error as { name?: string }).name === 'TypeError') throw errorFromNetwork(error, facts, null);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    controller.abort();
  }
}
