import type { TDecision, TStepKind } from '@escalate/rules';
import type { Context } from '../../context.js';
import type { Prisma } from '../../db/prisma-client.js';
import { AppError } from '../../errors/app-error.js';
import { recordTimelineEvent } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import {
  type NoteFields,
  recordHandoffNote,
  restartSla,
  slaDataFromDecision,
  updateCaseGuarded,
} from '../cases/index.js';
import type { ApplyDecisionArgs } from './decision-args.js';
import {
  createDecisionTasks,
  enqueueDecisionNotifications,
  findDirectAssignee,
  offerDirectAssignment,
  offerPoolAssignment,
} from './decision-effects.js';
import { caseReference } from './evaluation-input.js';

export type { ApplyDecisionArgs } from './decision-args.js';

const DEFAULT_STEP_ORDER: readonly TStepKind[] = ['NOTE', 'QUEUE', 'STATUS_OPEN', 'PRIORITY'];

export interface AppliedDecision {
  version: number;
  assigneeId: string | null;
}

/** Steps in the policy's order (TON-5), with any step it leaves out appended in the default order. */
export function stepOrderOf(decision: TDecision): TStepKind[] {
  const order = [...decision.stepOrder];
  for (const step of DEFAULT_STEP_ORDER) if (!order.includes(step)) order.push(step);
  return order;
}

/**
 * Applies a routing decision in the caller's transaction: note → queue → status → priority in
 * the policy's order (TON-5), each a timeline event, then the assignment, the SLA clock, the
 * outbox notifications and one ESCALATED event holding the full decision.
 */
export async function applyDecision(
  tx: TenantTransaction,
  context: Context,
  args: ApplyDecisionArgs,
): Promise<AppliedDecision> {
  const { decision } = args;
  const before = await tx.case.findUniqueOrThrow({
    where: { id: args.caseId },
    select: {
      number: true,
      status: true,
      priority: true,
      tier: true,
      assigneeId: true,
      queue: { select: { slug: true } },
      team: { select: { slug: true } },
      customer: { select: { email: true } },
    },
  });
  const reference = caseReference(before.number);
  const queueSlug = decision.target.queue;
  const queue = queueSlug
    ? await tx.queue.findFirst({ where: { slug: queueSlug }, select: { id: true, teamId: true } })
    : null;
  if (queueSlug && !queue) {
    throw new AppError('RULE_VIOLATION', `The policy routes to queue "${queueSlug}", which does not exist`, {
      rule: 'TON-3',
    });
  }
  const teamSlug = decision.target.team;
  const team = teamSlug ? await tx.team.findFirst({ where: { slug: teamSlug }, select: { id: true } }) : null;
  const assignee = await findDirectAssignee(tx, decision);
  const reopened = before.status === 'CLOSED';
  const startStatus = reopened ? 'NEW' : before.status;
  const nextStatus = decision.setStatus ?? (decision.stepOrder.includes('STATUS_OPEN') ? 'OPEN' : startStatus);
  const nextPriority = decision.setPriority ?? before.priority;
  const nextTier = decision.target.tier ?? before.tier;
  const slaCalendar = decision.sla ? (args.policy.pack.calendars[decision.sla.calendar] ?? null) : null;
  const sla = decision.sla ? restartSla(decision.sla, slaCalendar, context.now) : null;

  const data: Prisma.CaseUncheckedUpdateManyInput = {
    status: nextStatus,
    priority: nextPriority,
    tier: nextTier,
    triggers: [...new Set(decision.triggers.map((trigger) => trigger.code))],
    policyVersion: args.policyVersion,
    ...(queue ? { queueId: queue.id, teamId: team?.id ?? queue.teamId } : team ? { teamId: team.id } : {}),
    ...(assignee ? { assigneeId: assignee.id } : {}),
    ...(reopened ? { closedAt: null, closeReason: null, closeSecondaryReason: null } : {}),
    ...(sla
      ? slaDataFromDecision(
          sla,
          args.policyVersion,
          nextStatus === 'WAITING_ON_CUSTOMER' ? context.now : null,
          slaCalendar,
        )
      : {}),
  };
  const version = await updateCaseGuarded(tx, args.caseId, args.expectedVersion, data);

  if (reopened) {
    await recordTimelineEvent(tx, context, {
      caseId: args.caseId,
      type: 'STATUS_CHANGED',
      data: {
        status: { before: 'CLOSED', after: 'NEW' },
        reason: 'escalation on a closed case reopens it',
        rule: 'CARE-R4',
      },
    });
  }
  for (const step of stepOrderOf(decision)) {
    switch (step) {
      case 'NOTE':
        if (args.note && Object.keys(args.note).length > 0) {
          await recordHandoffNote(tx, context, args.caseId, args.note);
        }
        break;
      case 'QUEUE':
        if (queueSlug !== (before.queue?.slug ?? null) && queueSlug) {
          await recordTimelineEvent(tx, context, {
            caseId: args.caseId,
            type: 'QUEUE_CHANGED',
            policyVersion: args.policyVersion,
            data: {
              queue: { before: before.queue?.slug ?? null, after: queueSlug },
              team: { before: before.team?.slug ?? null, after: teamSlug ?? null },
              tier: { before: before.tier, after: nextTier },
            },
          });
        }
        break;
      case 'STATUS_OPEN':
        if (nextStatus !== startStatus) {
          await recordTimelineEvent(tx, context, {
            caseId: args.caseId,
            type: 'STATUS_CHANGED',
            data: { status: { before: startStatus, after: nextStatus } },
            policyVersion: args.policyVersion,
          });
        }
        break;
      case 'PRIORITY':
        if (nextPriority !== before.priority) {
          await recordTimelineEvent(tx, context, {
            caseId: args.caseId,
            type: 'PRIORITY_CHANGED',
            policyVersion: args.policyVersion,
            data: { priority: { before: before.priority, after: nextPriority } },
          });
        }
        break;
    }
  }
  if (assignee && assignee.id !== before.assigneeId) {
    await recordTimelineEvent(tx, context, {
      caseId: args.caseId,
      type: 'ASSIGNED',
      policyVersion: args.policyVersion,
      data: { assignee: { before: before.assigneeId, after: assignee.id }, directive: decision.assignment },
    });
  }
  const pooled =
    (await offerPoolAssignment(tx, context, args.caseId, decision)) ??
    (await offerDirectAssignment(tx, context, args.caseId, decision, assignee));
  const taskIds = await createDecisionTasks(tx, context, args.caseId, decision);
  await enqueueDecisionNotifications(tx, context, args, before.customer?.email ?? null, reference);
  await recordTimelineEvent(tx, context, {
    caseId: args.caseId,
    type: 'ESCALATED',
    data: {
      summary: decision.explanation.summary,
      approvalId: args.approvalId ?? null,
      evaluationInput: args.evaluationInput,
      sla: sla ? { dueAt: sla.dueAt, explanation: sla.explanation } : null,
      waitsForOpening:
        decision.availability?.action === 'WAIT_FOR_OPENING' ? decision.availability.nextOpeningAt : null,
      pendingAssignment: decision.assignment && !assignee && !pooled?.assignmentId ? decision.assignment : null,
      assignmentOfferId: pooled?.assignmentId ?? null,
      tasks: decision.tasks,
      taskIds,
    },
    decision,
    policyVersion: args.policyVersion,
  });
  return { version, assigneeId: assignee?.id ?? before.assigneeId };
}

export type { NoteFields };
