import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { type CreateCaseInput, ImportCasesDocument } from '../_generated/graphql.js';
import type { EscalateClient } from '../client/create-client.js';
import { unwrapPayload } from '../client/payload.js';
import { EscalateError } from '../errors/escalate-error.js';
import { importLineKey, parseImportLine } from './import-line.js';

export type LineResult =
  | { line: number; ok: true; caseId: string; displayNumber: string; created: boolean }
  | {
      line: number;
      ok: false;
      error: { code: string; message: string; fields?: { path: string; message: string }[]; requestId?: string | null };
    };

export interface ImportProgress {
  done: number;
  total: number;
  failed: number;
}

export interface ImportOptions {
  client: EscalateClient;
  filePath: string;
  /** requests (batches) in flight at once; default 4 */
  concurrency?: number;
  /** lines sent per createCases call (1-500); default 250 */
  batchSize?: number;
  /** what makes keys unique across files; default the file name */
  keyScope?: string;
  onResult?: (result: LineResult) => void;
  onProgress?: (progress: ImportProgress) => void;
  /** stops taking new lines; lines in flight finish */
  signal?: AbortSignal;
}

export interface ImportSummary {
  total: number;
  succeeded: number;
  created: number;
  /** lines that matched an open case for the same customer and concern instead (SOL-2) */
  existing: number;
  failed: LineResult[];
  durationMs: number;
}

/** Non-blank lines of a file, counted without holding it in memory. */
export async function countLines(filePath: string): Promise<number> {
  let count = 0;
  const lines = createInterface({ input: createReadStream(filePath), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.trim()) count += 1;
  return count;
}

async function* numberedLines(filePath: string): AsyncGenerator<{ number: number; text: string }> {
  const lines = createInterface({ input: createReadStream(filePath), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim()) yield { number, text };
  }
}

function failure(line: number, error: unknown): LineResult {
  if (error instanceof EscalateError) {
    return {
      line,
      ok: false,
      error: { code: error.code, message: error.message, fields: error.fields, requestId: error.requestId },
    };
  }
  return {
    line,
    ok: false,
    error: { code: 'FAILURE', message: error instanceof Error ? error.message : String(error) },
  };
}

/** Paths of a batch item (`input.42.subject`) as they would read for a single create (`input.subject`). */
function singleItemPaths(fields: { path: string; message: string }[] | undefined) {
  return fields?.map((field) => ({ ...field, path: field.path.replace(/^input\.\d+(?=\.|$)/, 'input') }));
}

type Parsed = { line: number; input: CreateCaseInput };

/**
 * Creates one case per NDJSON line, sending lines in batches through `createCases` (up to 500
 * a call) with bounded concurrency. A bad line is reported with its number and skipped; the rest
 * continues. Each line's idempotency key comes from the file name, line number and content, so
 * running the same file again after a crash resumes without creating anything twice (also over
 * an import that an older version ran line by line: the keys are the same).
 */
export async function importCases(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const scope = options.keyScope ?? basename(options.filePath);
  const concurrency = Math.max(1, Math.min(64, options.concurrency ?? 4));
  const batchSize = Math.max(1, Math.min(500, options.batchSize ?? 250));
  const total = await countLines(options.filePath);
  const summary: ImportSummary = { total, succeeded: 0, created: 0, existing: 0, failed: [], durationMs: 0 };
  const source = numberedLines(options.filePath);
  let done = 0;

  const report = (result: LineResult) => {
    done += 1;
    if (result.ok) {
      summary.succeeded += 1;
      if (result.created) summary.created += 1;
      else summary.existing += 1;
    } else {
      summary.failed.push(result);
    }
    options.onResult?.(result);
    options.onProgress?.({ done, total, failed: summary.failed.length });
  };

  const send = async (batch: Parsed[]): Promise<LineResult[]> => {
    try {
      const data = await options.client.request(
        ImportCasesDocument,
        { input: batch.map((item) => item.input) },
        options.signal ? { signal: options.signal } : {},
      );
      const payload = unwrapPayload(data.createCases, { url: options.client.url, operationName: 'ImportCases' });
      return batch.map((item, index): LineResult => {
        const result = payload.results[index];
        if (!result) return failure(item.line, new Error('the server returned no result for this line'));
        if (result.__typename === 'CreateCasesItem') {
          return {
            line: item.line,
            ok: true,
            caseId: result.case.id,
            displayNumber: result.case.displayNumber,
            created: result.created,
          };
        }
        const fields = singleItemPaths(result.fields);
        return {
          line: item.line,
          ok: false,
          error: { code: result.code, message: result.message, ...(fields ? { fields } : {}) },
        };
      });
    } catch (error) {
      return batch.map((item) => failure(item.line, error));
    }
  };

  // lines are read and batched by one reader at a time; the workers take whole batches
  const readBatch = async (): Promise<Parsed[] | null> => {
    const batch: Parsed[] = [];
    while (batch.length < batchSize) {
      if (options.signal?.aborted) break;
      const next = await source.next();
      if (next.done) break;
      const line = next.value;
      const parsed = parseImportLine(line.text, importLineKey(scope, line.number, line.text));
      if (parsed.ok) batch.push({ line: line.number, input: parsed.input });
      else report({ line: line.number, ok: false, error: { code: parsed.code, message: parsed.message } });
    }
    return batch.length > 0 ? batch : null;
  };
  let reader: Promise<unknown> = Promise.resolve();
  const nextBatch = (): Promise<Parsed[] | null> => {
    const batch = reader.then(readBatch);
    reader = batch.catch(() => null);
    return batch;
  };

  const worker = async () => {
    for (;;) {
      if (options.signal?.aborted) return;
      const batch = await nextBatch();
      if (!batch) return;
      for (const result of await send(batch)) report(result);
    }
  };

  await Promise.all(Array.from({ length: concurrency }, worker));
  summary.failed.sort((a, b) => a.line - b.line);
  summary.durationMs = Date.now() - started;
  return summary;
}
