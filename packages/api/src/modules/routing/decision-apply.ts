import type { TDecision, TStepKind } from '@escalate/rules';
import type { Context } from '../../context.js';
import type { Prisma } from '../../db/prisma-client.js';
import { AppError } from '../../errors/app-error.js';
import { TimelineBatch } from '../../kernel/timeline.js';
import type { TenantTransaction } from '../../kernel/transaction.js';
import {
  type NoteFields,
  recordHandoffNote,
  restartSla,
  slaDataFromDecision,
  updateCaseGuarded,
} from '../cases/index.js';
import type { ApplyDecisionArgs, CaseBeforeDecision } from './decision-args.js';
import {
  createDecisionTasks,
  enqueueDecisionNotifications,
  findDirectAssignee,
  offerDirectAssignment,
  offerPoolAssignment,
} from './decision-effects.js';
import { caseReference } from './evaluation-input.js';

export type { ApplyDecisionArgs, CaseBeforeDecision } from './decision-args.js';

const DEFAULT_STEP_ORDER: readonly TStepKind[] = ['NOTE', 'QUEUE', 'STATUS_OPEN', 'PRIORITY'];
async function loadCaseBefore(tx: TenantTransaction, caseId: string): Promise<CaseBeforeDecision> {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
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
}

/** The decision's target queue and team by slug, in one statement. */
async function loadTargets(
  tx: TenantTransaction,
  tenantId: string,
  queueSlug: string | null,
  teamSlug: string | null,
): Promise<{ queue: { id: string; teamId: string | null } | null; team: { id: string } | null }> {
  if (!queueSlug && !teamSlug) return { queue: null, team: null };
  const rows = await tx.$queryRaw<{ queueId: string | null; queueTeamId: string | null; teamId: string | null }[]>`
    SELECT q."id"::text AS "queueId", q."teamId"::text AS "queueTeamId",
      (SELECT t."id"::text FROM "Team" t WHERE t."tenantId" = ${tenantId}::uuid AND t."slug" = ${teamSlug}) AS "teamId"
    FROM (SELECT 1) AS one
    LEFT JOIN "Queue" q ON q."tenantId" = ${tenantId}::uuid AND q."slug" = ${queueSlug}`;
  const row = rows[0];
  return {
    queue: row?.queueId ? { id: row.queueId, teamId: row.queueTeamId } : null,
    team: row?.teamId ? { id: row.teamId } : null,
  };
}

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
  const before = args.before ?? (await loadCaseBefore(tx, args.caseId));
  const reference = caseReference(before.number);
  const queueSlug = decision.target.queue;
  const teamSlug = decision.target.team;
  const { queue, team } = await loadTargets(tx, context.viewer.tenantId, queueSlug ?? null, teamSlug ?? null);
  if (queueSlug && !queue) {
    throw new AppError('RULE_VIOLATION', `The policy routes to queue "${queueSlug}", which does not exist`, {
      rule: 'TON-3',
    });
  }
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

  // the events of this change go in together, in the order of the steps
  const timeline = new TimelineBatch(context);
  if (reopened) {
    timeline.add({
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
          await recordHandoffNote(tx, context, args.caseId, args.note, {}, timeline);
        }
        break;
      case 'QUEUE':
        if (queueSlug !== (before.queue?.slug ?? null) && queueSlug) {
          timeline.add({
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
          timeline.add({
            caseId: args.caseId,
            type: 'STATUS_CHANGED',
            data: { status: { before: startStatus, after: nextStatus } },
            policyVersion: args.policyVersion,
          });
        }
        break;
      case 'PRIORITY':
        if (nextPriority !== before.priority) {
          timeline.add({
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
    timeline.add({
      caseId: args.caseId,
      type: 'ASSIGNED',
      policyVersion: args.policyVersion,
      data: { assignee: { before: before.assigneeId, after: assignee.id }, directive: decision.assignment },
    });
  }
  // offers and tasks record events of their own: ours go first
  const offers = decision.assignment && (decision.assignment.strategy !== 'DIRECT' || decision.assignment.offer);
  if (offers || decision.tasks.length > 0) await timeline.flush(tx);
  const pooled =
    (await offerPoolAssignment(tx, context, args.caseId, decision)) ??
    (await offerDirectAssignment(tx, context, args.caseId, decision, assignee));
  const taskIds = await createDecisionTasks(tx, context, args.caseId, decision);
  await enqueueDecisionNotifications(tx, context, args, before.customer?.email ?? null, reference);
  timeline.add({
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
  await timeline.flush(tx);
  return { version, assigneeId: assignee?.id ?? before.assigneeId };
}

export type { NoteFields };
