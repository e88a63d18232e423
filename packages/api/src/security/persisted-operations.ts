import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';

/** The id of a persisted operation: the SHA-256 of its document, hex (the Apollo convention). */
export function persistedOperationId(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

const ZPersistedOperations = z.record(z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 hex id'), z.string().min(1));

/** Reads `{ "<sha256 hex>": "<document>" }` and checks that every id is the hash of its document. */
export function readPersistedOperations(file: string): Map<string, string> {
  const parsed = ZPersistedOperations.parse(JSON.parse(readFileSync(file, 'utf8')));
  const operations = new Map<string, string>();
  for (const [id, document] of Object.entries(parsed)) {
    if (persistedOperationId(document) !== id) throw new Error(`persisted operation ${id} does not match its document`);
    operations.set(id, document);
  }
  return operations;
}

export interface PersistedOperationsOptions {
  operations: Map<string, string>;
  /** refuse documents that are not in the store (production clients send ids only) */
  only: boolean;
}

/**
 * Persisted operations: clients send `extensions.persistedQuery.sha256Hash` (or
 * `documentId`) instead of the document. In only-mode arbitrary documents are refused.
 */
export function persistedOperationsPlugin(options: PersistedOperationsOptions): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: !options.only,
    getPersistedOperation: (key) => options.operations.get(key) ?? null,
    customErrors: {
      notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      persistedQueryOnly: {
        message: 'Only persisted operations are accepted by this server',
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
      },
      keyNotFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
    },
  }) as Plugin;
}
