import type { z } from 'zod';

/**
 * Signals that grant authority or count what is on file. The API reads them from its own
 * records and refuses them from callers, so nobody can approve their own escalation or claim
 * a count the database does not hold:
 * - `supervisorApproved`: an APPROVED approval recorded on the case (CIN-2), decided through
 *   `approveEscalation` by a role the policy names;
 * - `rmaCount`: the customer's returns on file (`upsertCustomer`, TON-7);
 * - `refundsByReason`, `lastRefundProcessedAt`: the customer's refunds on file (`recordRefund`,
 *   CARE-B1/B2).
 * Everything else a caller sends is a caller fact (what the customer said or asks for now, the
 * agent's flags, a job status reported by the field system) and is recorded as sent.
 */
export const RECORDED_SIGNALS = ['supervisorApproved', 'rmaCount', 'refundsByReason', 'lastRefundProcessedAt'] as const;

const WHERE_FROM: Record<(typeof RECORDED_SIGNALS)[number], string> = {
  supervisorApproved: 'approvals on record (approveEscalation)',
  rmaCount: "the customer's record (upsertCustomer)",
  refundsByReason: 'refunds on record (recordRefund)',
  lastRefundProcessedAt: 'refunds on record (recordRefund)',
};

/** A zod refinement for caller-sent signals: a recorded signal is an issue naming its field. */
export function refuseRecordedSignals(signals: Record<string, unknown> | null | undefined, ctx: z.RefinementCtx): void {
  if (!signals) return;
  for (const name of RECORDED_SIGNALS) {
    if (signals[name] !== undefined && signals[name] !== null) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `${name} is read from ${WHERE_FROM[name]}, never taken from the caller`,
      });
    }
  }
}

/** Stored signals without the recorded ones (older rows may hold values a caller once sent). */
export function withoutRecordedSignals<T extends Record<string, unknown>>(signals: T): T {
  const copy: Record<string, unknown> = { ...signals };
  for (const name of RECORDED_SIGNALS) delete copy[name];
  return copy as T;
}
