import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { ImportCaseDocument } from '../_generated/graphql.js';
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
  /** requests in flight at once; default 8 */
  concurrency?: number;
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

/**
 * Creates one case per NDJSON line with bounded concurrency. A bad line is reported with its
 * number and skipped; the rest continues. Each line's idempotency key comes from the file
 * name, line number and content, so running the same file again after a crash resumes
 * without creating anything twice.
 */
export async function importCases(options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const scope = options.keyScope ?? basename(options.filePath);
  const concurrency = Math.max(1, Math.min(64, options.concurrency ?? 8));
  const total = await countLines(options.filePath);
  const summary: ImportSummary = { total, succeeded: 0, created: 0, existing: 0, failed: [], durationMs: 0 };
  const source = numberedLines(options.filePath);
  let done = 0;

  const handle = async (line: { number: number; text: string }): Promise<LineResult> => {
    const parsed = parseImportLine(line.text, importLineKey(scope, line.number, line.text));
    if (!parsed.ok) return { line: line.number, ok: false, error: { code: parsed.code, message: parsed.message } };
    try {
      const data = await options.client.request(
        ImportCaseDocument,
        { input: parsed.input },
        {
          idempotencyKey: parsed.input.idempotencyKey ?? undefined,
          ...(options.signal ? { signal: options.signal } : {}),
        },
      );
      const payload = unwrapPayload(data.createCase, { url: options.client.url, operationName: 'ImportCase' });
      return {
        line: line.number,
        ok: true,
        caseId: payload.case.id,
        displayNumber: payload.case.displayNumber,
        created: payload.created,
      };
    } catch (error) {
      return failure(line.number, error);
    }
  };

  const worker = async () => {
    for (;;) {
      if (options.signal?.aborted) return;
      const next = await source.next();
      if (next.done) return;
      const result = await handle(next.value);
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
    }
  };

  await Promise.all(Array.from({ length: concurrency }, worker));
  summary.failed.sort((a, b) => a.line - b.line);
  summary.durationMs = Date.now() - started;
  return summary;
}
