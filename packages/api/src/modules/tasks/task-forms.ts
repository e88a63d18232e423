import { z } from 'zod';
import type { Context } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { runIdempotent } from '../../kernel/idempotency.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import { enqueueNotification } from '../delivery/index.js';
import { type CreateTaskResult, createTaskInTransaction } from './task-service.js';

const required = (max: number) => z.string().trim().min(1, 'is required').max(max);

/**
 * CIN-10: the Purchasing escalation form — used when an order was submitted and Purchasing
 * must supply information to move the job forward. Every field a purchaser needs to answer
 * without calling back is required.
 */
export const ZPurchasingRequestForm = z.object({
  caseId: z.string().nullish(),
  serviceJobNumber: required(100),
  orderNumber: required(100),
  itemDescription: required(1000),
  vendor: z.string().trim().max(200).nullish(),
  informationNeeded: required(4000),
  urgency: z.enum(['NORMAL', 'HIGH', 'URGENT']).default('NORMAL'),
  neededBy: z.date().nullish(),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});
export type TPurchasingRequestForm = z.infer<typeof ZPurchasingRequestForm>;

export async function submitPurchasingRequest(
  context: Context,
  input: z.output<typeof ZPurchasingRequestForm>,
): Promise<CreateTaskResult> {
  const caseId = input.caseId ? input.caseId : null;
  return runIdempotent(context, 'submitPurchasingRequest', input, input.idempotencyKey, async (tx) => {
    const purchasing = await tx.team.findFirst({ where: { slug: 'purchasing' }, select: { slug: true } });
    const result = await createTaskInTransaction(tx, context, {
      kind: 'PURCHASING_REQUEST',
      title: `Purchasing: ${input.informationNeeded.slice(0, 80)} (job ${input.serviceJobNumber}, order ${input.orderNumber})`,
      caseId,
      dueAt: input.neededBy ?? null,
      team: purchasing?.slug ?? null,
      data: {
        form: 'CIN-10 purchasing escalation',
        serviceJobNumber: input.serviceJobNumber,
        orderNumber: input.orderNumber,
        itemDescription: input.itemDescription,
        vendor: input.vendor ?? null,
        informationNeeded: input.informationNeeded,
        urgency: input.urgency,
        neededBy: input.neededBy?.toISOString() ?? null,
      },
    });
    if (purchasing) {
      await enqueueNotification(tx, context, {
        caseId,
        channel: 'DIRECT_MESSAGE',
        recipient: 'team:purchasing',
        subject: `Purchasing escalation for job ${input.serviceJobNumber}`,
        payload: {
          text: `Escalations needs information on order ${input.orderNumber} (job ${input.serviceJobNumber}): ${input.informationNeeded}`,
          taskId: result.taskId,
          urgency: input.urgency,
        },
      });
    }
    return result;
  });
}

const RECORDING_AGE_LIMIT_DAYS = 90;

export const ZRecordingRequestInput = z.object({
  caseId: z.string().min(1),
  interactionId: required(200),
  recordedAt: z.date(),
  reason: required(2000),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

/**
 * SOL-9: recordings older than 90 days are requested only by resolution specialists (e.g. for
 * compliance); the request is a task for the requester to follow.
 */
export async function requestRecording(
  context: Context,
  input: z.output<typeof ZRecordingRequestInput>,
): Promise<CreateTaskResult> {
  const caseId = input.caseId;
  const ageDays = (context.now.getTime() - input.recordedAt.getTime()) / 86_400_000;
  if (input.recordedAt.getTime() > context.now.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'recordedAt is in the future', {
      fields: [{ path: 'input.recordedAt', message: 'must not be in the future' }],
    });
  }
  if (ageDays > RECORDING_AGE_LIMIT_DAYS && context.viewer.role !== 'resolution_specialist') {
    throw new AppError(
      'FORBIDDEN',
      `Only resolution specialists may request recordings older than ${RECORDING_AGE_LIMIT_DAYS} days (this one is ${Math.floor(ageDays)} days old)`,
      { rule: 'SOL-9', fields: [{ path: 'input.recordedAt', message: `older than ${RECORDING_AGE_LIMIT_DAYS} days` }] },
    );
  }
  return runIdempotent(context, 'requestRecording', input, input.idempotencyKey, (tx) =>
    createTaskInTransaction(tx, context, {
      kind: 'RECORDING_REQUEST',
      title: `Recording request: interaction ${input.interactionId}`,
      caseId,
      data: {
        interactionId: input.interactionId,
        recordedAt: input.recordedAt.toISOString(),
        ageDays: Math.floor(ageDays),
        reason: input.reason,
        requestedByRole: context.viewer.role,
      },
      assignment: { strategy: 'DIRECT', assigneeId: context.viewer.userId },
    }),
  );
}

export const SAFETY_TEAM_SLUG = 'member-review-safety';

export const ZSafetyReviewInput = z.object({
  caseId: z.string().min(1),
  reason: required(2000),
  idempotencyKey: z.string().min(1).max(200).nullish(),
});

export interface SafetyReviewResult extends CreateTaskResult {
  created: boolean;
}

/**
 * CARE-G3: Tier 2 brings the Member Review and Safety team onto the case — the team joins
 * the case, gets a SAFETY_REVIEW task (least loaded member) and a direct message. Asking
 * again while a review is open returns that review.
 */
export async function requestSafetyReview(
  context: Context,
  input: z.output<typeof ZSafetyReviewInput>,
): Promise<SafetyReviewResult> {
  const caseId = input.caseId;
  return runIdempotent(context, 'requestSafetyReview', input, input.idempotencyKey, async (tx) => {
    const found = await tx.case.findUnique({ where: { id: caseId }, select: { id: true } });
    if (!found) {
      throw new AppError('NOT_FOUND', 'Case not found', {
        fields: [{ path: 'input.caseId', message: 'no such case' }],
      });
    }
    const team = await tx.team.findFirst({ where: { slug: SAFETY_TEAM_SLUG }, select: { id: true, name: true } });
    if (!team) {
      throw new AppError('RULE_VIOLATION', 'Your organization has no Member Review and Safety team', {
        rule: 'CARE-G3',
        details: { team: SAFETY_TEAM_SLUG },
      });
    }
    const open = await tx.task.findFirst({
      where: { caseId, kind: 'SAFETY_REVIEW', status: { notIn: ['DONE', 'CANCELLED'] } },
      include: { assignments: { orderBy: { offeredAt: 'desc' }, take: 1 } },
    });
    if (open) {
      return {
        taskId: open.id,
        assignmentId: open.assignments[0]?.id ?? null,
        assignmentExplanation: null,
        created: false,
      };
    }
    const inserted = await tx.$executeRaw`
      INSERT INTO "CaseTeam" ("tenantId", "caseId", "teamId", "addedAt")
      VALUES (${context.viewer.tenantId}::uuid, ${caseId}::uuid, ${team.id}::uuid, ${context.now})
      ON CONFLICT DO NOTHING`;
    if (inserted > 0) {
      await recordTimelineEvent(tx, context, {
        caseId,
        type: 'CASE_TEAM_ADDED',
        data: { team: { slug: SAFETY_TEAM_SLUG, name: team.name }, reason: input.reason, rule: 'CARE-G3' },
      });
    }
    const offer = await tx.user.count({ where: { teamId: team.id } });
    const result = await createTaskInTransaction(tx, context, {
      kind: 'SAFETY_REVIEW',
      title: `Safety review: ${input.reason.slice(0, 120)}`,
      caseId,
      team: SAFETY_TEAM_SLUG,
      data: { reason: input.reason },
      assignment: offer > 0 ? { strategy: 'LEAST_LOADED', team: SAFETY_TEAM_SLUG } : null,
      allowUnassigned: true,
    });
    await enqueueNotification(tx, context, {
      caseId,
      channel: 'DIRECT_MESSAGE',
      recipient: `team:${SAFETY_TEAM_SLUG}`,
      subject: 'Safety review requested',
      payload: { text: `Tier 2 brought ${team.name} onto the case: ${input.reason}`, taskId: result.taskId },
    });
    return { ...result, created: true };
  });
}
