import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { RequestOptions, Transport } from './transport.js';

/**
 * Sends a mutation whose single argument is `input`. The idempotency key goes in the input and
 * in the Idempotency-Key header, and stays the same across retries of this call.
 */
export function mutate<TData, TInput extends { idempotencyKey?: string | null }>(
  transport: Transport,
  document: TypedDocumentNode<TData, { input: TInput }>,
  input: TInput,
  options: RequestOptions = {},
): Promise<TData> {
  const idempotencyKey = options.idempotencyKey ?? input.idempotencyKey ?? randomUUID();
  return transport.execute(document, { input: { ...input, idempotencyKey } }, { ...options, idempotencyKey });
}
