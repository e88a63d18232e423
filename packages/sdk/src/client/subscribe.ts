import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
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

/** Splits a text/event-stream body into events (`event:` name and joined `data:` lines). */
async function* serverSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length) yield { event, data: data.join('\n') };
      else if (event === 'complete') yield { event, data: '' };
    }
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
      if (message.event !== 'next' && message.event !== 'message') continue;
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
