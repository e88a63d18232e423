import { z } from 'zod';
import type { Context } from '../../context.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { changedFields, recordTimelineEvent } from '../../kernel/timeline.js';

export const SIGN_IN_METHODS = ['password', 'google', 'apple', 'facebook', 'sso'] as const;

export const ZUpsertCustomerInput = z.object({
  externalRef: z.string().trim().min(1, 'is required').max(200),
  email: z.string().trim().email('is not an email address').max(320).nullish(),
  legalName: z.string().trim().min(1).max(200).nullish(),
  /** the name the member goes by; replies and templates use it (CARE-G2) */
  preferredName: z.string().trim().min(1).max(200).nullish(),
  signInMethods: z.array(z.enum(SIGN_IN_METHODS)).max(SIGN_IN_METHODS.length).nullish(),
  brand: z.string().trim().min(1).max(40).nullish(),
  rmaCount: z.number().int().min(0).max(10_000).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

export interface UpsertCustomerResult {
  customerId: string;
  created: boolean;
}

/**
 * Creates or updates a member by the organization's reference (integrations keep members in
 * sync). Cases of that reference that have no member linked yet are linked to it.
 */
export async function upsertCustomer(
  context: Context,
  input: z.output<typeof ZUpsertCustomerInput>,
): Promise<UpsertCustomerResult> {
  return runIdempotent(context, 'upsertCustomer', input, input.idempotencyKey, async (tx) => {
    const fields = {
      email: input.email ?? undefined,
      legalName: input.legalName ?? undefined,
      preferredName: input.preferredName ?? undefined,
      signInMethods: input.signInMethods ? [...new Set(input.signInMethods)].sort() : undefined,
      brand: input.brand ?? undefined,
      rmaCount: input.rmaCount ?? undefined,
    };
    const existing = await tx.customer.findFirst({ where: { externalRef: input.externalRef } });
    if (existing) {
      const changes = changedFields(existing as unknown as Record<string, unknown>, fields);
      if (Object.keys(changes).length > 0) {
        await tx.customer.update({ where: { id: existing.id }, data: fields });
        await recordTimelineEvent(tx, context, {
          caseId: null,
          type: 'CUSTOMER_UPDATED',
          data: { customerId: existing.id, externalRef: existing.externalRef, changes },
        });
      }
      return { customerId: existing.id, created: false };
    }
    const created = await tx.customer.create({
      data: { tenantId: context.viewer.tenantId, externalRef: input.externalRef, ...fields },
    });
    const unlinked = await tx.case.findMany({
      where: { customerRef: input.externalRef, customerId: null },
      select: { id: true },
    });
    if (unlinked.length > 0) {
      await tx.case.updateMany({
        where: { id: { in: unlinked.map((row) => row.id) } },
        data: { customerId: created.id },
      });
      for (const row of unlinked) {
        await recordTimelineEvent(tx, context, {
          caseId: row.id,
          type: 'CUSTOMER_LINKED',
          data: { customerId: { before: null, after: created.id }, externalRef: created.externalRef },
        });
      }
    }
    await recordTimelineEvent(tx, context, {
      caseId: null,
      type: 'CUSTOMER_CREATED',
      data: { customerId: created.id, externalRef: created.externalRef },
    });
    return { customerId: created.id, created: true };
  });
}
