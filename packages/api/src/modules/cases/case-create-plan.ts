import type { CompiledPolicy } from '@escalate/rules';
import { AppError } from '../../errors/app-error.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { activePolicy } from '../policy/index.js';
import { brandOfPolicy } from './case-brand.js';
import type { TCreateCaseInput } from './case-create-input.js';
import type { NewCaseRow } from './case-insert.js';

const OPEN_STATUSES = ['NEW', 'OPEN', 'PENDING_APPROVAL', 'WAITING_ON_CUSTOMER', 'ESCALATED'];

/** What to do with one create request, decided before anything is written. */
export type CasePlan =
  | { kind: 'insert'; row: NewCaseRow }
  /** SOL-2: an open case for the same customer and concern exists (or comes earlier in the batch) */
  | { kind: 'existing'; caseId: string }
  | { kind: 'sameAs'; index: number }
  | { kind: 'error'; error: AppError };

export interface PlannedInput {
  input: TCreateCaseInput;
  /** where this input sits in the request, for error paths: `input` or `input.3` */
  path: string;
}

/** Normalizes a concern so "Billing  Dispute" and "billing dispute" are the same concern (SOL-2). */
export function normalizeConcernKey(concern: string): string {
  return concern.trim().toLowerCase().replace(/\s+/g, ' ');
}

const duplicateKey = (customerRef: string, concern: string) => JSON.stringify([customerRef, concern]);

/**
 * Plans creates in bulk with at most three reads, whatever the number of inputs: open
 * duplicates (SOL-2), the queues named, and the active policy when a brand is given. A bad
 * input becomes an error plan; it does not affect the others.
 */
export async function planCases(tx: TenantTransaction, inputs: readonly PlannedInput[]): Promise<CasePlan[]> {
  const concerns = inputs.map(({ input }) =>
    input.concern && !input.allowDuplicate ? normalizeConcernKey(input.concern) : null,
  );
  const pairs = inputs.flatMap(({ input }, index) => {
    const concern = concerns[index];
    return concern ? [{ customerRef: input.customerRef, concern }] : [];
  });
  const openCases = new Map<string, string>();
  if (pairs.length > 0) {
    const rows = await tx.case.findMany({
      where: { OR: pairs, status: { in: OPEN_STATUSES } },
      // cases created in one call share createdAt: their numbers keep the input order
      orderBy: [{ createdAt: 'asc' }, { number: 'asc' }],
      select: { id: true, customerRef: true, concern: true },
    });
    for (const row of rows) {
      const key = duplicateKey(row.customerRef, row.concern ?? '');
      if (!openCases.has(key)) openCases.set(key, row.id);
    }
  }
  const slugs = [...new Set(inputs.flatMap(({ input }) => (input.queue ? [input.queue] : [])))];
  const queues = new Map<string, { id: string; teamId: string | null }>();
  if (slugs.length > 0) {
    const rows = await tx.queue.findMany({
      where: { slug: { in: slugs } },
      select: { id: true, slug: true, teamId: true },
    });
    for (const row of rows) queues.set(row.slug, row);
  }
  let policy: CompiledPolicy | AppError | null = null;
  if (inputs.some(({ input }) => input.brand)) {
    try {
      policy = (await activePolicy(tx)).compiled;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      policy = error;
    }
  }

  const plannedKeys = new Map<string, number>();
  return inputs.map(({ input, path }, index): CasePlan => {
    const concern = concerns[index] ?? null;
    if (concern) {
      const key = duplicateKey(input.customerRef, concern);
      const existing = openCases.get(key);
      if (existing) return { kind: 'existing', caseId: existing };
      const earlier = plannedKeys.get(key);
      if (earlier !== undefined) return { kind: 'sameAs', index: earlier };
    }
    const queue = input.queue ? queues.get(input.queue) : null;
    if (input.queue && !queue) {
      return {
        kind: 'error',
        error: new AppError('VALIDATION_FAILED', `Unknown queue "${input.queue}"`, {
          fields: [{ path: `${path}.queue`, message: 'no queue with this slug in your organization' }],
        }),
      };
    }
    let brand: string | null = null;
    if (input.brand) {
      if (policy instanceof AppError) return { kind: 'error', error: policy };
      try {
        brand = policy ? brandOfPolicy(policy, input.brand, `${path}.brand`) : input.brand;
      } catch (error) {
        if (error instanceof AppError) return { kind: 'error', error };
        throw error;
      }
    }
    if (concern) plannedKeys.set(duplicateKey(input.customerRef, concern), index);
    return {
      kind: 'insert',
      row: {
        subject: input.subject,
        description: input.description ?? null,
        customerRef: input.customerRef,
        concern: input.concern ? normalizeConcernKey(input.concern) : null,
        externalCrmNumber: input.externalCrmNumber ?? null,
        priority: input.priority ?? 'NORMAL',
        channel: input.channel ?? null,
        brand,
        queueId: queue?.id ?? null,
        teamId: queue?.teamId ?? null,
        queue: input.queue ?? null,
        signals: (input.signals ?? {}) as Record<string, unknown>,
      },
    };
  });
}
