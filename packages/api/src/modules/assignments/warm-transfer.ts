import { z } from 'zod';
import type { Context } from '../../context.js';
import type { PrismaClient } from '../../db/prisma-client.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';

/** SOL-7: the skill that takes warm transfers, and how long the agent waits for an answer. */
export const RESOLUTION_LEAD_SKILL = 'resolution_lead';
export const WARM_TRANSFER_WAIT_SECONDS = 30;

export type WarmTransferAction = 'WARM_TRANSFER' | 'VOICEMAIL';

export interface WarmTransferAdvice {
  action: WarmTransferAction;
  targetUserId: string | null;
  waitSeconds: number;
  explanation: string;
  considered: { userId: string; name: string; available: boolean; why: string }[];
}

type Reader = Pick<TenantTransaction, 'user'> | Pick<Context['db'], 'user'>;

/** Who with the Resolution Lead skill can take a warm transfer now (online, not out of office). */
export async function adviseWarmTransfer(db: Reader): Promise<WarmTransferAdvice> {
  const leads = await db.user.findMany({
    where: { skills: { has: RESOLUTION_LEAD_SKILL } },
    orderBy: [{ lastAssignedAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
    select: { id: true, name: true, availability: true, outOfOffice: true },
  });
  const considered = leads.map((lead) => {
    const why = lead.outOfOffice
      ? 'out of office'
      : lead.availability !== 'ONLINE'
        ? `availability is ${lead.availability}`
        : 'online';
    return { userId: lead.id, name: lead.name, available: why === 'online', why };
  });
  const target = considered.find((candidate) => candidate.available) ?? null;
  if (target) {
    return {
      action: 'WARM_TRANSFER',
      targetUserId: target.userId,
      waitSeconds: WARM_TRANSFER_WAIT_SECONDS,
      explanation: `${target.name} (Resolution Lead) is available: warm transfer and wait ${WARM_TRANSFER_WAIT_SECONDS} s; no answer → voicemail`,
      considered,
    };
  }
  return {
    action: 'VOICEMAIL',
    targetUserId: null,
    waitSeconds: 0,
    explanation:
      considered.length === 0
        ? 'nobody has the Resolution Lead skill: transfer to voicemail'
        : 'no Resolution Lead is available now: transfer to voicemail',
    considered,
  };
}

export async function warmTransferTarget(context: Context, rawCaseId: string): Promise<WarmTransferAdvice> {
  const caseId = rawCaseId;
  const found = await context.db.case.findUnique({ where: { id: caseId }, select: { id: true } });
  if (!found)
    throw new AppError('NOT_FOUND', 'Case not found', { fields: [{ path: 'caseId', message: 'no such case' }] });
  return adviseWarmTransfer(context.db);
}

export const ZStartInput = z.object({
  caseId: z.string().min(1),
  /** when the transfer started, as the telephony system saw it; defaults to now */
  at: z.date().nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

/**
 * Starts a warm transfer: to an available Resolution Lead with a 30 s deadline, or straight
 * to voicemail when nobody is available. Both are recorded as a transfer attempt.
 */
export async function startWarmTransfer(
  context: Context,
  input: z.output<typeof ZStartInput>,
): Promise<{ transferAttemptId: string }> {
  const caseId = input.caseId;
  const at = input.at ?? context.now;
  return runIdempotent(context, 'startWarmTransfer', input, input.idempotencyKey, async (tx) => {
    const found = await tx.case.findUnique({ where: { id: caseId }, select: { id: true } });
    if (!found) {
      throw new AppError('NOT_FOUND', 'Case not found', {
        fields: [{ path: 'input.caseId', message: 'no such case' }],
      });
    }
    const advice = await adviseWarmTransfer(tx);
    const toVoicemail = advice.action === 'VOICEMAIL';
    const attempt = await tx.transferAttempt.create({
      data: {
        tenantId: context.viewer.tenantId,
        caseId,
        targetUserId: advice.targetUserId,
        outcome: toVoicemail ? 'VOICEMAIL' : 'PENDING',
        startedAt: at,
        deadlineAt: new Date(at.getTime() + advice.waitSeconds * 1000),
        resolvedAt: toVoicemail ? at : null,
      },
      select: { id: true },
    });
    if (advice.targetUserId) {
      await tx.user.update({ where: { id: advice.targetUserId }, data: { lastAssignedAt: at } });
    }
    await recordTimelineEvent(tx, context, {
      caseId,
      type: toVoicemail ? 'TRANSFERRED_TO_VOICEMAIL' : 'WARM_TRANSFER_STARTED',
      data: {
        transferAttemptId: attempt.id,
        targetUserId: advice.targetUserId,
        deadlineAt: toVoicemail ? null : new Date(at.getTime() + advice.waitSeconds * 1000).toISOString(),
        rule: 'SOL-7',
      },
      decision: advice,
    });
    return { transferAttemptId: attempt.id };
  });
}

export const ZCompleteInput = z.object({
  transferAttemptId: z.string().min(1),
  answered: z.boolean(),
  at: z.date().nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

/**
 * Records how a warm transfer ended: answered within 30 s → ANSWERED; not answered, or
 * answered after the deadline → VOICEMAIL.
 */
export async function completeWarmTransfer(
  context: Context,
  input: z.output<typeof ZCompleteInput>,
): Promise<{ transferAttemptId: string }> {
  const id = input.transferAttemptId;
  const at = input.at ?? context.now;
  return runIdempotent(context, 'completeWarmTransfer', input, input.idempotencyKey, async (tx) => {
    const attempt = await tx.transferAttempt.findUnique({ where: { id } });
    if (!attempt) {
      throw new AppError('NOT_FOUND', 'Transfer attempt not found', {
        fields: [{ path: 'input.transferAttemptId', message: 'no such transfer attempt' }],
      });
    }
    if (attempt.outcome !== 'PENDING') {
      throw new AppError('INVALID_TRANSITION', `The transfer already ended: ${attempt.outcome}`, {
        details: { outcome: attempt.outcome },
      });
    }
    const inTime = at.getTime() <= attempt.deadlineAt.getTime();
    const outcome = input.answered && inTime ? 'ANSWERED' : 'VOICEMAIL';
    const why = input.answered ? (inTime ? 'answered in time' : 'answered after the 30 s deadline') : 'not answered';
    await resolveAttempt(tx, attempt.id, outcome, at);
    await recordTimelineEvent(tx, context, {
      caseId: attempt.caseId,
      type: outcome === 'ANSWERED' ? 'WARM_TRANSFER_ANSWERED' : 'TRANSFERRED_TO_VOICEMAIL',
      data: { transferAttemptId: attempt.id, outcome: { before: 'PENDING', after: outcome }, why, rule: 'SOL-7' },
    });
    return { transferAttemptId: attempt.id };
  });
}

async function resolveAttempt(
  tx: Pick<TenantTransaction, 'transferAttempt'>,
  id: string,
  outcome: 'ANSWERED' | 'VOICEMAIL',
  at: Date,
) {
  const updated = await tx.transferAttempt.updateMany({
    where: { id, outcome: 'PENDING' },
    data: { outcome, resolvedAt: at },
  });
  if (updated.count === 0) throw new AppError('INVALID_TRANSITION', 'The transfer already ended');
}

/** Pending transfers past their deadline fall back to voicemail (all organizations; run by the worker). */
export async function timeOutWarmTransfers(db: PrismaClient, now: Date): Promise<number> {
  const overdue = await db.transferAttempt.findMany({
    where: { outcome: 'PENDING', deadlineAt: { lt: now } },
    select: { id: true, tenantId: true, caseId: true, deadlineAt: true },
    take: 200,
  });
  let timedOut = 0;
  for (const attempt of overdue) {
    await db.$transaction(async (tx) => {
      const updated = await tx.transferAttempt.updateMany({
        where: { id: attempt.id, outcome: 'PENDING' },
        data: { outcome: 'VOICEMAIL', resolvedAt: attempt.deadlineAt },
      });
      if (updated.count === 0) return;
      timedOut += 1;
      await tx.timelineEvent.create({
        data: {
          tenantId: attempt.tenantId,
          caseId: attempt.caseId,
          actorId: null,
          type: 'TRANSFERRED_TO_VOICEMAIL',
          data: {
            transferAttemptId: attempt.id,
            outcome: { before: 'PENDING', after: 'VOICEMAIL' },
            why: `not answered within ${WARM_TRANSFER_WAIT_SECONDS} s`,
            rule: 'SOL-7',
          },
        },
      });
    });
  }
  return timedOut;
}
