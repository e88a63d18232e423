import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type Success, unwrapPayload } from './payload.js';
import type { RequestOptions, Transport } from './transport.js';

type WithKey = { idempotencyKey?: string | null };
type MutationVariables = { input?: WithKey | null } & Record<string, unknown>;

/**
 * Sends a mutation. The idempotency key goes in `input.idempotencyKey` and in the
 * Idempotency-Key header, and stays the same across retries of this call.
 */
export function mutate<TData, TVariables extends MutationVariables>(
  transport: Transport,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TData> {
  const idempotencyKey = options.idempotencyKey ?? variables.input?.idempotencyKey ?? randomUUID();
  const withKey = { ...variables, input: { ...(variables.input ?? {}), idempotencyKey } } as TVariables;
  return transport.execute(document, withKey, { ...options, idempotencyKey });
}

/** The payload of a union result field (`AppError | Payload`), or the typed error thrown. */
export async function payloadOf<TData, TField extends keyof TData>(
  pending: Promise<TData>,
  field: TField,
  operationName: string,
): Promise<Success<TData[TField] & { __typename?: string }>> {
  const data = await pending;
  return unwrapPayload(data[field] as TData[TField] & { __typename?: string }, { url: '', operationName });
}
