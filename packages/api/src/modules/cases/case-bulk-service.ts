import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { parseInput } from '../../errors/zod-error.js';
import {
  type ClaimOutcome,
  claimIdempotencyKeys,
  completeIdempotencyKeys,
  idempotencyKeyError,
  keyReusedError,
  requestHash,
} from '../../kernel/idempotency.js';
import { inTransaction } from '../../kernel/transaction.js';
import { type CasePlan, type PlannedInput, planCases } from './case-create-plan.js';
import { insertCases } from './case-insert.js';
import { type CreateCaseResult, type TCreateCaseInput, ZCreateCaseInput } from './case-service.js';

/** Most items one createCases call takes. */
export const MAX_BULK_CASES = 500;

/** One item's outcome, in input order: the case (created, or the open duplicate of SOL-2), or why not. */
export type BulkCaseResult = ({ ok: true } & CreateCaseResult) | { ok: false; error: AppError };

type Pending = { index: number; input: TCreateCaseInput; path: string; key: string | null; hash: string };

/**
 * Creates up to 500 cases in one transaction. Items are independent: a bad item (invalid field,
 * unknown queue or brand, idempotency key reused) is a typed error for that item, writes nothing
 * and does not stop the others. Each item may carry its own idempotency key, which behaves
 * exactly like createCase's (the same key answers the same way through either mutation); with an
 * `Idempotency-Key` header, item i uses `<header>:<i>`. Cases and their CASE_CREATED events are
 * inserted in one statement. An unexpected database failure fails the whole call and writes
 * nothing.
 */
export async function createCases(context: Context, rawItems: unknown): Promise<BulkCaseResult[]> {
  if (!Array.isArray(rawItems) || rawItems.length === 0 || rawItems.length > MAX_BULK_CASES) {
    throw new AppError('VALIDATION_FAILED', `input must hold 1 to ${MAX_BULK_CASES} cases`, {
      fields: [{ path: 'input', message: `1 to ${MAX_BULK_CASES} items` }],
    });
  }
  const results: (BulkCaseResult | null)[] = rawItems.map(() => null);
  const pending: Pending[] = [];
  const owners = new Map<string, Pending>();
  const followers: { index: number; owner: Pending }[] = [];
  rawItems.forEach((raw, index) => {
    const path = `input.${index}`;
    let input: TCreateCaseInput;
    try {
      input = parseInput(ZCreateCaseInput, raw, path);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results[index] = { ok: false, error };
      return;
    }
    const key =
      input.idempotencyKey ?? (context.idempotencyKeyHeader ? `${context.idempotencyKeyHeader}:${index}` : null);
    if (key && key.length > 200) {
      results[index] = { ok: false, error: idempotencyKeyError(`${path}.idempotencyKey`) };
      return;
    }
    const item: Pending = { index, input, path, key, hash: requestHash('createCase', input) };
    if (key) {
      // the same key twice in one call: the repeat answers like a retry would
      const owner = owners.get(key);
      if (owner) {
        if (owner.hash === item.hash) followers.push({ index, owner });
        else results[index] = { ok: false, error: keyReusedError(`${path}.idempotencyKey`) };
        return;
      }
      owners.set(key, item);
    }
    pending.push(item);
  });

  if (pending.length > 0) {
    await inTransaction(context, async (tx) => {
      const keyed = pending.filter((item) => item.key !== null);
      const claims = await claimIdempotencyKeys<CreateCaseResult>(
        tx,
        context,
        'createCase',
        keyed.map((item) => ({ key: item.key as string, hash: item.hash, path: `${item.path}.idempotencyKey` })),
      );
      const claimOf = new Map<number, ClaimOutcome<CreateCaseResult>>();
      keyed.forEach((item, position) => {
        const claim = claims[position];
        if (claim) claimOf.set(item.index, claim);
      });
      const work: Pending[] = [];
      for (const item of pending) {
        const claim = claimOf.get(item.index);
        if (claim?.kind === 'stored') results[item.index] = { ok: true, ...claim.response };
        else if (claim?.kind === 'error') results[item.index] = { ok: false, error: claim.error };
        else work.push(item);
      }
      const plans = await planCases(
        tx,
        work.map((item): PlannedInput => ({ input: item.input, path: item.path })),
      );
      const inserts = plans.flatMap((plan, position) => (plan.kind === 'insert' ? [{ plan, position }] : []));
      const inserted = await insertCases(
        tx,
        context,
        inserts.map(({ plan }) => (plan as Extract<CasePlan, { kind: 'insert' }>).row),
      );
      const caseAt = new Map<number, string>();
      inserts.forEach(({ position }, n) => {
        const row = inserted[n];
        if (row) caseAt.set(position, row.id);
      });
      const completed: { key: string; response: CreateCaseResult }[] = [];
      plans.forEach((plan, position) => {
        const item = work[position] as Pending;
        let result: BulkCaseResult;
        if (plan.kind === 'error') result = { ok: false, error: plan.error };
        else if (plan.kind === 'existing') result = { ok: true, caseId: plan.caseId, created: false };
        else if (plan.kind === 'sameAs')
          result = { ok: true, caseId: caseAt.get(plan.index) as string, created: false };
        else result = { ok: true, caseId: caseAt.get(position) as string, created: true };
        results[item.index] = result;
        if (item.key && result.ok)
          completed.push({ key: item.key, response: { caseId: result.caseId, created: result.created } });
      });
      // a key whose item failed is released, so the caller can fix the item and retry with it
      const failedKeys = work.flatMap((item) => (item.key && !results[item.index]?.ok ? [item.key] : []));
      await completeIdempotencyKeys(tx, context, completed);
      if (failedKeys.length > 0) {
        await tx.idempotencyKey.deleteMany({ where: { key: { in: failedKeys } } });
      }
    });
  }
  for (const { index, owner } of followers) results[index] = results[owner.index] ?? null;
  return results.map(
    (result) => result ?? { ok: false, error: new AppError('CONFLICT', 'This item was not processed; retry it') },
  );
}
