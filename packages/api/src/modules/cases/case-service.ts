import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { nextTenantNumber } from '../../kernel/counters.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { refuseRecordedSignals } from '../../kernel/recorded-signals.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import { resolveCaseBrand } from './case-brand.js';
import { CASE_PRIORITIES, CHANNELS } from './case-vocabulary.js';

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
  signals: z
    .record(z.string(), z.unknown())
    .superRefine((signals, ctx) => refuseRecordedSignals(signals, ctx))
    .nullish(),
  allowDuplicate: z.boolean().nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});
export type TCreateCaseInput = z.infer<typeof ZCreateCaseInput>;

export interface CreateCaseResult {
  caseId: string;
  created: boolean;
}

const OPEN_STATUSES = ['NEW', 'OPEN', 'PENDING_APPROVAL', 'WAITING_ON_CUSTOMER', 'ESCALATED'];

/** Normalizes a concern so "Billing  Dispute" and "billing dispute" are the same concern (SOL-2). */
export function normalizeConcern(concern: string): string {
  return concern.trim().toLowerCase().replace(/\s+/g, ' ');
}

export async function createCase(
  context: Context,
  input: z.output<typeof ZCreateCaseInput>,
): Promise<CreateCaseResult> {
  return runIdempotent(context, 'createCase', input, input.idempotencyKey, async (tx) => {
    const concern = input.concern ? normalizeConcern(input.concern) : null;
    if (concern && !input.allowDuplicate) {
      // SOL-2: an open case for the same customer and concern is returned instead of a duplicate
      const existing = await tx.case.findFirst({
        where: { customerRef: input.customerRef, concern, status: { in: OPEN_STATUSES } },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
      });
      if (existing) return { caseId: existing.id, created: false };
    }
    let queueId: string | null = null;
    let teamId: string | null = null;
    if (input.queue) {
      const queue = await tx.queue.findFirst({ where: { slug: input.queue } });
      if (!queue) {
        throw new AppError('VALIDATION_FAILED', `Unknown queue "${input.queue}"`, {
          fields: [{ path: 'input.queue', message: 'no queue with this slug in your organization' }],
        });
      }
      queueId = queue.id;
      teamId = queue.teamId;
    }
    const customer = await tx.customer.findFirst({ where: { externalRef: input.customerRef }, select: { id: true } });
    const number = await nextTenantNumber(tx, context.viewer.tenantId, 'case');
    const created = await tx.case.create({
      data: {
        tenantId: context.viewer.tenantId,
        number,
        subject: input.subject,
        description: input.description ?? null,
        customerRef: input.customerRef,
        customerId: customer?.id ?? null,
        concern,
        externalCrmNumber: input.externalCrmNumber ?? null,
        priority: input.priority ?? 'NORMAL',
        channel: input.channel ?? null,
        brand: (await resolveCaseBrand(tx, input.brand)) ?? null,
        queueId,
        teamId,
        signals: (input.signals ?? {}) as object,
        createdById: context.viewer.userId,
        slaStartedAt: context.now,
      },
    });
    await recordTimelineEvent(tx, context, {
      caseId: created.id,
      type: 'CASE_CREATED',
      data: {
        number,
        subject: created.subject,
        customerRef: created.customerRef,
        status: created.status,
        priority: created.priority,
        tier: created.tier,
        queue: input.queue ?? null,
      },
    });
    return { caseId: created.id, created: true };
  });
}
