import { checkReply, type TReplyFinding } from '@escalate/rules';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { activePolicy } from '../policy/index.js';

export const ZCheckReplyArgs = z.object({
  caseId: z.string().min(1),
  text: z.string().min(1, 'is required').max(20_000),
});

export interface ReplyCheckResult {
  caseId: string;
  policyVersion: number;
  /** the name the reply should use (CARE-G2) */
  addressAs: string | null;
  findings: TReplyFinding[];
}

/**
 * Checks a reply an agent is about to send on a case with the active policy's reply checks
 * (CARE-G2: the legal name used when a preferred name is set; forbidden phrases; unprompted
 * escalation offers). Reads only.
 */
export async function checkCaseReply(
  context: Context,
  args: z.output<typeof ZCheckReplyArgs>,
): Promise<ReplyCheckResult> {
  const caseId = args.caseId;
  const caseRow = await context.db.case.findUnique({
    where: { id: caseId },
    select: { subject: true, description: true, customerRef: true, customerId: true, triggers: true },
  });
  if (!caseRow) throw AppError.notFound('Case');
  const customer = caseRow.customerId
    ? await context.db.customer.findUnique({ where: { id: caseRow.customerId } })
    : await context.db.customer.findFirst({ where: { externalRef: caseRow.customerRef } });
  const policy = await activePolicy(context.db);
  const findings = checkReply(policy.compiled, {
    text: args.text,
    customer: {
      ...(customer?.preferredName ? { preferredName: customer.preferredName } : {}),
      ...(customer?.legalName ? { legalName: customer.legalName } : {}),
      signInMethods: customer?.signInMethods ?? [],
    },
    customerText: [caseRow.subject, caseRow.description].filter(Boolean).join('\n'),
    caseTriggerCodes: caseRow.triggers,
  });
  return {
    caseId,
    policyVersion: policy.version,
    addressAs: customer?.preferredName ?? customer?.legalName ?? null,
    findings,
  };
}
