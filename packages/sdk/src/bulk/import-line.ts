import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CreateCaseInput } from '../_generated/graphql.js';

const CHANNELS = ['CHAT', 'EMAIL', 'PHONE', 'SMS', 'SOCIAL', 'WEB'] as const;
const PRIORITIES = ['CRITICAL', 'HIGH', 'LOW', 'NORMAL', 'URGENT'] as const;

/** Fields an export writes that a create does not take: accepted and ignored, so exports re-import. */
const EXPORT_ONLY_FIELDS = [
  'id',
  'number',
  'displayNumber',
  'status',
  'tier',
  'triggers',
  'policyVersion',
  'version',
  'createdAt',
  'updatedAt',
  'closedAt',
  'closeReason',
  'closeSecondaryReason',
  'team',
  'assignee',
] as const;

const ZImportLine = z
  .object({
    subject: z.string(),
    customerRef: z.string(),
    description: z.string().nullish(),
    concern: z.string().nullish(),
    externalCrmNumber: z.string().nullish(),
    priority: z.enum(PRIORITIES).nullish(),
    channel: z.enum(CHANNELS).nullish(),
    brand: z.string().nullish(),
    // a slug, or the queue object an export writes
    queue: z.union([z.string(), z.object({ slug: z.string() }).loose()]).nullish(),
    signals: z.record(z.string(), z.unknown()).nullish(),
    allowDuplicate: z.boolean().nullish(),
    idempotencyKey: z.string().min(1).max(200).nullish(),
    ...Object.fromEntries(EXPORT_ONLY_FIELDS.map((field) => [field, z.unknown().optional()])),
  })
  .strict();

export type ParsedLine = { ok: true; input: CreateCaseInput } | { ok: false; code: 'INVALID_LINE'; message: string };

/**
 * The idempotency key of one line: the same file scope, line number and content give the same
 * key, so re-running an interrupted import creates nothing twice.
 */
export function importLineKey(scope: string, lineNumber: number, line: string): string {
  const digest = createHash('sha256').update(scope).update('\n').update(String(lineNumber)).update('\n').update(line);
  return `import-${digest.digest('hex').slice(0, 48)}`;
}

/** One NDJSON line to a createCase input, or the reason it cannot be one. */
export function parseImportLine(line: string, key: string): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, code: 'INVALID_LINE', message: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = ZImportLine.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.join('.');
      return issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.join(', ')}`
        : `${path || 'line'}: ${issue.message}`;
    });
    return { ok: false, code: 'INVALID_LINE', message: problems.join('; ') };
  }
  const data = parsed.data;
  const queue = typeof data.queue === 'object' && data.queue !== null ? data.queue.slug : data.queue;
  const input: CreateCaseInput = {
    subject: data.subject,
    customerRef: data.customerRef,
    description: data.description ?? null,
    concern: data.concern ?? null,
    externalCrmNumber: data.externalCrmNumber ?? null,
    priority: data.priority ?? null,
    channel: data.channel ?? null,
    brand: data.brand ?? null,
    queue: queue ?? null,
    signals: data.signals ?? null,
    allowDuplicate: data.allowDuplicate ?? null,
    idempotencyKey: data.idempotencyKey ?? key,
  };
  return { ok: true, input };
}
