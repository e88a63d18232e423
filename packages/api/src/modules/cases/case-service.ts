import { z } from 'zod';
import type { Context } from '../../context.js';
import { parseInput } from '../../errors/zod-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { normalizeConcernKey, planCases } from './case-create-plan.js';
import { insertCases } from './case-insert.js';
import { CASE_PRIORITIES, CHANNELS } from './schema/case-enums.js';

const ZSlug = z.string().trim().min(1).max(80);

export const ZCreateCaseInput = z.object({
  subject: z.string().trim().min(1, 'is required').max(500),
  description: z.string().max(20_000).nullish(),
  customerRef: z.string().trim().min(1, 'is required').max(200),
  concern: z.string().trim().min(1).max(200).nullish(),
  externalCrmNumber: z.string().trim().min(1).max(100).nullish(),
  priority: z.enum(CASE_PRIORITIES).nullish(),
  channel: z.enum(CHANNELS).nullish(),
  brand: z.string().trim().min(1).max(40).nullish(),
  queue: ZSlug.nullish(),
  signals: z.record(z.string(), z.unknown()).nullish(),
  allowDuplicate: z.boolean().nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});
export type TCreateCaseInput = z.infer<typeof ZCreateCaseInput>;

export interface CreateCaseResult {
  caseId: string;
  created: boolean;
}

/** Normalizes a concern so "Billing  Dispute" and "billing dispute" are the same concern (SOL-2). */
export function normalizeConcern(concern: string): string {
  return normalizeConcernKey(concern);
}

/**
 * Creates a case: the plan reads only what the input names (open duplicates for a concern,
 * the queue, the policy for a brand); the case and its CASE_CREATED event are one statement.
 */
export async function createCase(context: Context, rawInput: unknown): Promise<CreateCaseResult> {
  const input = parseInput(ZCreateCaseInput, rawInput);
  return runIdempotent(context, 'createCase', input, input.idempotencyKey, async (tx) => {
    const [plan] = await planCases(tx, [{ input, path: 'input' }]);
    if (!plan || plan.kind === 'sameAs') throw new Error('a single create has no earlier input');
    if (plan.kind === 'error') throw plan.error;
    if (plan.kind === 'existing') return { caseId: plan.caseId, created: false };
    const [created] = await insertCases(tx, context, [plan.row]);
    if (!created) throw new Error('the case was not inserted');
    return { caseId: created.id, created: true };
  });
}
