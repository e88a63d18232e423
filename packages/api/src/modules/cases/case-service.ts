import type { z } from 'zod';
import type { Context } from '../../context.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import type { ZCreateCaseInput } from './case-create-input.js';
import { normalizeConcernKey, planCases } from './case-create-plan.js';
import { insertCases } from './case-insert.js';

export { type TCreateCaseInput, ZCreateCaseInput } from './case-create-input.js';

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
export async function createCase(
  context: Context,
  input: z.output<typeof ZCreateCaseInput>,
): Promise<CreateCaseResult> {
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
