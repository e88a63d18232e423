import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { ZHttpUrl } from '../../kernel/http-url.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import { requireCase } from './case-guards.js';
import { type TInstallerInfo, ZInstallerInfo } from './case-updates.js';

export const ZAddAttachmentInput = z
  .object({
    caseId: z.string().max(200).nullish(),
    /** documents emailed later name only the customer: they attach to the customer's escalated case (SOL-8) */
    customerRef: z.string().trim().min(1).max(200).nullish(),
    fileName: z.string().trim().min(1, 'is required').max(300),
    contentType: z
      .string()
      .trim()
      .regex(/^[\w.+-]+\/[\w.+-]+$/, 'expected a media type like application/pdf')
      .max(200),
    sizeBytes: z.number().int().min(0).max(2_000_000_000),
    storageUrl: ZHttpUrl.nullish(),
    source: z.enum(['EMAIL', 'UPLOAD', 'AGENT']).default('UPLOAD'),
    receivedAt: z.date().nullish(),
    idempotencyKey: z.string().min(1).max(200).nullish(),
  })
  .superRefine((input, ctx) => {
    if (Boolean(input.caseId) === Boolean(input.customerRef)) {
      ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'give either caseId or customerRef' });
    }
  });

const OPEN_STATUSES = ['NEW', 'OPEN', 'PENDING_APPROVAL', 'WAITING_ON_CUSTOMER', 'ESCALATED'];

/** The customer's escalated case if there is one, else their most recent open case. */
async function caseForCustomer(tx: TenantTransaction, customerRef: string): Promise<string> {
  const candidates = await tx.case.findMany({
    where: { customerRef, status: { in: OPEN_STATUSES } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, status: true },
    take: 50,
  });
  const chosen = candidates.find((row) => row.status === 'ESCALATED') ?? candidates[0];
  if (!chosen) {
    throw new AppError('NOT_FOUND', `No open case for customer "${customerRef}"`, {
      rule: 'SOL-8',
      fields: [{ path: 'input.customerRef', message: 'the customer has no open case to attach to' }],
    });
  }
  return chosen.id;
}

/** Records attachment metadata on a case (SOL-8); the bytes stay in the document store. */
export async function addAttachment(
  context: Context,
  input: z.output<typeof ZAddAttachmentInput>,
): Promise<{ attachmentId: string; caseId: string }> {
  const caseId = input.caseId ? input.caseId : null;
  return runIdempotent(context, 'addAttachment', input, input.idempotencyKey, async (tx) => {
    const targetId = caseId ?? (await caseForCustomer(tx, input.customerRef ?? ''));
    await requireCase(tx, targetId, { id: true });
    const attachment = await tx.attachment.create({
      data: {
        tenantId: context.viewer.tenantId,
        caseId: targetId,
        fileName: input.fileName,
        contentType: input.contentType,
        sizeBytes: input.sizeBytes,
        storageUrl: input.storageUrl ?? null,
        source: input.source,
        receivedAt: input.receivedAt ?? context.now,
        addedById: context.viewer.userId,
      },
      select: { id: true },
    });
    await recordTimelineEvent(tx, context, {
      caseId: targetId,
      type: 'ATTACHMENT_ADDED',
      data: {
        attachmentId: attachment.id,
        fileName: input.fileName,
        contentType: input.contentType,
        sizeBytes: input.sizeBytes,
        source: input.source,
        matchedBy: caseId ? 'caseId' : 'customerRef',
      },
    });
    return { attachmentId: attachment.id, caseId: targetId };
  });
}

export function installerOf(signals: unknown): TInstallerInfo | null {
  if (!signals || typeof signals !== 'object') return null;
  const parsed = ZInstallerInfo.safeParse((signals as Record<string, unknown>).installer);
  return parsed.success ? parsed.data : null;
}

export const ZShareInstallerInput = z.object({
  /** how it was given to the customer, e.g. PHONE, EMAIL */
  sharedVia: z.string().trim().min(1).max(40).nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

/** Gives the installer's information for the customer (SOL-6) and records that it was shared. */
export async function shareInstallerInfo(
  context: Context,
  rawCaseId: string,
  input: z.output<typeof ZShareInstallerInput>,
): Promise<{ caseId: string; installer: TInstallerInfo }> {
  const caseId = rawCaseId;
  return runIdempotent(context, 'shareInstallerInfo', { caseId, ...input }, input.idempotencyKey, async (tx) => {
    const row = await requireCase(tx, caseId, { signals: true });
    const installer = installerOf(row.signals);
    if (!installer) {
      throw new AppError('RULE_VIOLATION', 'The case has no installer information to share; add it with updateCase', {
        rule: 'SOL-6',
      });
    }
    await recordTimelineEvent(tx, context, {
      caseId,
      type: 'INSTALLER_INFO_SHARED',
      data: { installer, sharedVia: input.sharedVia ?? null, rule: 'SOL-6' },
    });
    return { caseId, installer };
  });
}
